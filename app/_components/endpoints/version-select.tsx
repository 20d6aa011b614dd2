'use client';
import { useQuery } from '@tanstack/react-query';
import { versionsQuery } from '../../_lib/queries/models';

/** The ready versions of one model, newest first (the API's order). */
/** Takes its id and aria attributes from the `Field` around it. */
export function VersionSelect({ model, value, onChange, ...aria }: { model: string; value: string; onChange: (v: string) => void; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const versions = useQuery(versionsQuery(model));
  const ready = versions.data?.items.filter((v) => v.status === 'ready') ?? [];
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)} disabled={!model || versions.isPending}>
      <option value="">{!model ? 'Choose a model first' : versions.isPending ? 'Loading…' : ready.length ? 'Choose a version' : 'No ready versions'}</option>
      {ready.map((v) => (
        <option key={v.version} value={String(v.version)}>
          {v.version}
          {v.description ? ` — ${v.description}` : ''}
        </option>
      ))}
    </select>
  );
}

'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { issuesFor } from '../../_lib/api';
import { createEndpoint, endpointKeys } from '../../_lib/queries/endpoints';
import { allModelsQuery } from '../../_lib/queries/models';
import { configPatchOf, DEFAULT_RUNTIME_CONFIG, formValuesOf } from '../../_lib/runtime-config';
import { ErrorAlert, FieldErrors } from '../feedback';
import { ConfigFields, CONFIG_FIELD_PATHS } from './config-fields';
import { VersionSelect } from './version-select';

export function NewEndpointForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const models = useQuery(allModelsQuery());
  const [name, setName] = useState('');
  const [model, setModel] = useState('');
  const [version, setVersion] = useState('');
  const [config, setConfig] = useState(() => formValuesOf(DEFAULT_RUNTIME_CONFIG));
  const create = useMutation({
    mutationFn: createEndpoint,
    onSuccess: async (endpoint) => {
      await queryClient.invalidateQueries({ queryKey: endpointKeys.list() });
      router.push(`/endpoints/${encodeURIComponent(endpoint.name)}`);
    },
  });
  const nameErrors = issuesFor(create.error, 'name');
  const modelErrors = issuesFor(create.error, 'model');
  const versionErrors = issuesFor(create.error, 'version');

  return (
    <section className="card" aria-labelledby="new-endpoint-heading">
      <h2 id="new-endpoint-heading">New endpoint</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), model, version: Number(version), config: configPatchOf(config) });
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="endpoint-name">Endpoint name</label>
            <input id="endpoint-name" type="text" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={nameErrors.length > 0 || undefined} />
            <FieldErrors id="endpoint-name-error" messages={nameErrors} />
          </div>
          <div className="field">
            <label htmlFor="endpoint-model">Model</label>
            <select
              id="endpoint-model"
              value={model}
              onChange={(e) => {
                setModel(e.target.value);
                setVersion('');
              }}
              aria-invalid={modelErrors.length > 0 || undefined}
            >
              <option value="">Choose a model</option>
              {models.data?.items
                .filter((m) => m.status === 'active' && m.versionCount > 0)
                .map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name}
                  </option>
                ))}
            </select>
            <FieldErrors id="endpoint-model-error" messages={modelErrors} />
          </div>
          <div className="field">
            <label htmlFor="endpoint-version">Version</label>
            <VersionSelect id="endpoint-version" model={model} value={version} onChange={setVersion} invalid={versionErrors.length > 0} />
            <FieldErrors id="endpoint-version-error" messages={versionErrors} />
          </div>
        </div>
        <ConfigFields idPrefix="new-endpoint" values={config} onChange={setConfig} error={create.error} />
        <ErrorAlert error={create.error} fields={['name', 'model', 'version', ...CONFIG_FIELD_PATHS]} />
        <div className="actions">
          <button type="submit" disabled={create.isPending || !model || !version}>
            Create endpoint
          </button>
        </div>
      </form>
    </section>
  );
}

'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteEndpoint, endpointKeys } from '../../_lib/queries/endpoints';
import { ErrorAlert } from '../feedback';

/** Deleting stops serving at once, so it takes a second, explicit click. */
export function DeleteEndpoint({ name }: { name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(name),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: endpointKeys.detail(name) });
      await queryClient.invalidateQueries({ queryKey: endpointKeys.list() });
      router.push('/endpoints');
    },
  });

  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete endpoint
      </button>
    );
  }
  return (
    <div className="confirm stack" role="group" aria-label="Confirm deletion">
      <p className="flush">
        Delete <strong>{name}</strong>? Clients calling it will get errors immediately.
      </p>
      <ErrorAlert error={remove.error} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          Yes, delete {name}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

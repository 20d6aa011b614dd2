'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { deleteEndpoint, endpointKeys } from '../../_lib/queries/endpoints';
import { ConfirmAction } from '../ui/confirm-action';

/** Deleting stops serving at once, so it takes a second, explicit click. */
export function DeleteEndpoint({ name }: { name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(name),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: endpointKeys.detail(name) });
      await queryClient.invalidateQueries({ queryKey: endpointKeys.list() });
      router.push('/endpoints');
    },
  });

  return (
    <ConfirmAction
      trigger={{ label: 'Delete endpoint' }}
      groupLabel="Confirm deletion"
      question={
        <>
          Delete <strong>{name}</strong>? Clients calling it will get errors immediately.
        </>
      }
      confirmLabel={`Yes, delete ${name}`}
      onConfirm={() => remove.mutate()}
      pending={remove.isPending}
      error={remove.error}
    />
  );
}

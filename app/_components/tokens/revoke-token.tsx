'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeToken, tokenKeys, type ApiToken } from '../../_lib/queries/tokens';
import { ConfirmAction } from '../ui/confirm-action';

/** Revoking ends the token's sessions at once, so it takes a second, explicit click. */
export function RevokeToken({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });

  return (
    <ConfirmAction
      trigger={{ label: 'Revoke', ariaLabel: `Revoke ${token.name}`, className: 'secondary' }}
      groupLabel={`Confirm revoking ${token.name}`}
      question={
        <>
          Revoke <strong>{token.name}</strong>? Scripts and sessions using it stop working immediately.
        </>
      }
      confirmLabel={`Yes, revoke ${token.name}`}
      onConfirm={() => revoke.mutate()}
      pending={revoke.isPending}
      error={revoke.error}
    />
  );
}

'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { revokeToken, tokenKeys, type ApiToken } from '../../_lib/queries/tokens';
import { ErrorAlert } from '../feedback';

/** Revoking ends the token's sessions at once, so it takes a second, explicit click. */
export function RevokeToken({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });

  if (!confirming) {
    return (
      <button type="button" className="secondary" aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  return (
    <div className="confirm stack" role="group" aria-label={`Confirm revoking ${token.name}`}>
      <p className="flush">
        Revoke <strong>{token.name}</strong>? Scripts and sessions using it stop working immediately.
      </p>
      <ErrorAlert error={revoke.error} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          Yes, revoke {token.name}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

'use client';
/** Creates a token and shows its secret once, with a copy button; the API never shows it again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createToken, tokenKeys, type CreatedToken } from '../../_lib/queries/tokens';
import type { Role } from '../../_lib/types';
import { ErrorAlert } from '../feedback';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';

const ROLES: readonly { role: Role; label: string }[] = [
  { role: 'viewer', label: 'viewer — reads everything' },
  { role: 'deployer', label: 'deployer — also registers models, edits endpoints, runs rollouts' },
  { role: 'admin', label: 'admin — also manages tokens' },
];

function CreatedSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  return (
    <div className="notice stack" role="status" aria-label="New token">
      <p className="flush">
        Token <strong>{created.token.name}</strong> ({created.token.role}) created. Copy the secret now: it is shown only this once.
      </p>
      <div className="secret">
        <code aria-label="Token secret">{created.secret}</code>
        <CopyButton text={created.secret} label="Copy secret" />
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

export function NewTokenForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
    },
  });

  return (
    <section className="card" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">New token</h2>
      {create.isSuccess ? (
        <CreatedSecret created={create.data} onDone={() => create.reset()} />
      ) : (
        <form
          className="stack"
          aria-label="New token"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: name.trim(), role });
          }}
        >
          <div className="field-row">
            <Field id="token-name" label="Token name" path="name" error={create.error}>
              <input type="text" placeholder="ci-deployer" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field id="token-role" label="Role" path="role" error={create.error}>
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <ErrorAlert error={create.error} fields={['name', 'role']} />
          <div className="actions">
            <button type="submit" disabled={create.isPending || !name.trim()}>
              Create token
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

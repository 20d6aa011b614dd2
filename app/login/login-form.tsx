'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../_lib/api';
import { login } from '../_lib/queries/auth';
import { Field } from '../_components/ui/field';

export function LoginForm({ next }: { next: string }) {
  const [token, setToken] = useState('');
  const mutation = useMutation({
    mutationFn: login,
    // A full navigation, so the proxy and every query see the new cookie from a clean slate.
    onSuccess: () => window.location.assign(next),
  });
  const error = mutation.error;
  const message = error instanceof ApiError && error.status === 401 ? 'Invalid token' : error?.message;

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate(token.trim());
      }}
    >
      <Field id="token" label="API token">
        <input type="password" autoComplete="current-password" value={token} onChange={(event) => setToken(event.target.value)} required />
      </Field>
      {message && (
        <p role="alert" className="alert">
          {message}
        </p>
      )}
      <button type="submit" disabled={mutation.isPending || mutation.isSuccess}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

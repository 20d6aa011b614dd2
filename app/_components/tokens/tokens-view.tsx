'use client';
import { useQuery } from '@tanstack/react-query';
import { formatTime } from '../../_lib/format';
import { tokenListQuery, type ApiToken } from '../../_lib/queries/tokens';
import { ApiError } from '../../_lib/api';
import { ErrorAlert, Loading } from '../feedback';
import { DataTable, type Column } from '../ui/data-table';
import { NewTokenForm } from './new-token-form';
import { RevokeToken } from './revoke-token';

const COLUMNS: Column<ApiToken>[] = [
  { header: 'Name', cell: (t) => t.name },
  { header: 'Role', cell: (t) => t.role },
  { header: 'Prefix', cell: (t) => <code>{t.prefix}…</code> },
  { header: 'Created', cell: (t) => `${formatTime(t.createdAt)} by ${t.createdBy}` },
  { header: 'Last used', cell: (t) => (t.lastUsedAt ? formatTime(t.lastUsedAt) : 'never') },
  { header: <span className="visually-hidden">Actions</span>, cell: (t) => <RevokeToken token={t} /> },
];

/** Admins only: the API answers 403 to anyone else, and the sidebar hides the link. */
export function TokensView() {
  const tokens = useQuery(tokenListQuery());
  if (tokens.isError && tokens.error instanceof ApiError && tokens.error.status === 403) {
    return <p className="alert">Only admins manage tokens.</p>;
  }
  return (
    <>
      <NewTokenForm />
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        {tokens.isPending ? (
          <Loading what="tokens" />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} />
        ) : (
          <DataTable label="Tokens" columns={COLUMNS} rows={tokens.data.items} rowKey={(t) => t.id} empty="No tokens." />
        )}
      </section>
    </>
  );
}

import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { TokensView } from '../../_components/tokens/tokens-view';
import { tokenKeys } from '../../_lib/queries/tokens';
import { prefetch } from '../../_lib/server/prefetch';

export const metadata: Metadata = { title: 'Tokens' };

export default async function TokensPage() {
  const state = await prefetch(({ services, principal, put }) => {
    if (principal.role === 'admin') put(tokenKeys.list(), { items: services.tokens.list() });
  });
  return (
    <HydrationBoundary state={state}>
      <div className="page-header">
        <h1>Tokens</h1>
      </div>
      <TokensView />
    </HydrationBoundary>
  );
}

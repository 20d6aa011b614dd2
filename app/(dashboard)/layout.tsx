import { HydrationBoundary } from '@tanstack/react-query';
import { Sidebar } from '../_components/sidebar';
import { authKeys } from '../_lib/queries/auth';
import { prefetch } from '../_lib/server/prefetch';

/** The signed-in principal is known on the server, so the sidebar renders with its role's links. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const state = await prefetch(({ principal, put }) => put(authKeys.me, { name: principal.name, role: principal.role }));
  return (
    <HydrationBoundary state={state}>
      <div className="shell">
        <Sidebar />
        <main className="content">{children}</main>
      </div>
    </HydrationBoundary>
  );
}

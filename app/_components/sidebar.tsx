'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { logout, meQuery } from '../_lib/queries/auth';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/models', label: 'Models' },
  { href: '/endpoints', label: 'Endpoints' },
  { href: '/audit', label: 'Audit' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function Sidebar() {
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const signOut = useMutation({
    mutationFn: logout,
    // Nothing cached for this principal may outlive the session.
    onSettled: () => {
      queryClient.clear();
      router.replace('/login');
    },
  });

  return (
    <aside className="sidebar">
      <div className="brand">Slipway</div>
      <nav aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={isActive(pathname, link.href) ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="principal" aria-label="Signed in as">
        {me.data ? (
          <>
            <span data-testid="principal-name">{me.data.name}</span>
            <span className="role">{me.data.role}</span>
          </>
        ) : (
          <span className="role">…</span>
        )}
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </div>
    </aside>
  );
}

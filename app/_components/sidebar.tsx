'use client';
/**
 * The dashboard's navigation. Links a role cannot use are not shown (the API refuses them anyway).
 * Below 768 px it collapses into a top bar whose menu button opens the links.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Image from 'next/image';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { logout, meQuery } from '../_lib/queries/auth';
import type { Role } from '../_lib/types';

const LINKS: readonly { href: string; label: string; role?: Role }[] = [
  { href: '/', label: 'Overview' },
  { href: '/models', label: 'Models' },
  { href: '/endpoints', label: 'Endpoints' },
  { href: '/audit', label: 'Audit' },
  { href: '/tokens', label: 'Tokens', role: 'admin' },
];

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function Sidebar() {
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  // The menu closes on navigation: it remembers the path it was opened on.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const signOut = useMutation({
    mutationFn: logout,
    // Nothing cached for this principal may outlive the session.
    onSettled: () => {
      queryClient.clear();
      router.replace('/login');
    },
  });
  const links = LINKS.filter((link) => !link.role || me.data?.role === link.role);

  return (
    <aside className="sidebar" data-open={open || undefined}>
      <div className="sidebar-top">
        <Link href="/" className="brand">
          <Image src="/logo.svg" alt="" width={24} height={24} unoptimized />
          Slipway
        </Link>
        <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpenOn(open ? null : pathname)}>
          Menu
        </button>
      </div>
      <div id="main-nav" className="sidebar-body">
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
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
      </div>
    </aside>
  );
}

import type { Metadata } from 'next';
import Image from 'next/image';
import { safeNextPath } from '../_lib/safe-next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return (
    <main className="centered">
      <div className="card narrow">
        <h1 className="brand-title">
          <Image src="/logo.svg" alt="" width={28} height={28} unoptimized />
          Sign in to Slipway
        </h1>
        <LoginForm next={safeNextPath(typeof next === 'string' ? next : undefined)} />
        <p className="muted login-help">
          First time? Unless <code>SLIPWAY_ADMIN_TOKEN</code> was set, the first admin token was printed once when the control plane first started and
          is kept in <code>&lt;data&gt;/admin-token</code> (readable by the owner only). Admins create more tokens on the Tokens page.
        </p>
      </div>
    </main>
  );
}

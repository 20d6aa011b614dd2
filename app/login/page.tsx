import type { Metadata } from 'next';
import { safeNextPath } from '../_lib/safe-next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>Sign in to Slipway</h1>
        <LoginForm next={safeNextPath(typeof next === 'string' ? next : undefined)} />
      </div>
    </main>
  );
}

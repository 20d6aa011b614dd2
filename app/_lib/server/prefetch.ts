/**
 * Server-side data for dashboard pages: the page calls the same service functions the API route
 * handlers call, for the signed-in session, and hands the answers to React Query as hydrated
 * state, so the first paint has data. A NOT_FOUND from any of them is the page's HTTP 404.
 * Without a valid session nothing is prefetched: the client's first request gets the 401 and
 * goes to sign in, as before.
 */
import { dehydrate, QueryClient, type DehydratedState, type QueryKey } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import type { Principal } from '../../../server/auth/schemas';
import { getServices, type Services } from '../../../server/context';
import { AppError } from '../../../server/errors';
import { SESSION_COOKIE } from '../../../server/http/credentials';

export interface PageContext {
  services: Services;
  principal: Principal;
  /** Stores `value` under `key` exactly as the API would have answered it (JSON). */
  put(key: QueryKey, value: unknown): void;
}

async function signedIn(): Promise<{ services: Services; principal: Principal } | null> {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!secret) return null;
  let services: Services;
  try {
    services = getServices();
  } catch {
    // `next build` renders outside the control plane; the client fetches instead.
    return null;
  }
  const principal = services.auth.authenticateSession(secret);
  return principal ? { services, principal } : null;
}

/**
 * Runs `fill` for the signed-in principal and returns what it stored, dehydrated. NOT_FOUND
 * becomes `notFound()`; any other failure leaves the rest to the client, which shows the error.
 */
export async function prefetch(fill: (page: PageContext) => void | Promise<void>): Promise<DehydratedState> {
  const client = new QueryClient();
  const session = await signedIn();
  if (session) {
    const put = (key: QueryKey, value: unknown) => client.setQueryData(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    try {
      await fill({ ...session, put });
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
      if (!(error instanceof AppError)) throw error;
    }
  }
  return dehydrate(client);
}

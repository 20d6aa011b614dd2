/**
 * A small admin API client for the integration tests: JSON in and out, the caller's credential
 * (bearer or session cookie) per request, and snapshots of what a failed request must not change.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ControlPlane } from '../control-plane';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Call {
  token?: string;
  cookie?: string;
  origin?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** Replies are loosely typed: the tests assert them field by field against the contract. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export async function call<T = Loose>(plane: ControlPlane, method: string, path: string, opts: Call = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(`${plane.apiUrl}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  if (res.headers.get('content-type')?.includes('application/json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** Asserts the error envelope with the expected status and code. */
export function expectError(reply: Reply, status: number, code: string): void {
  const envelope = reply.body as { error?: { code?: unknown; message?: unknown } } | undefined;
  expect({ status: reply.status, code: envelope?.error?.code }, JSON.stringify(reply.body)).toEqual({ status, code });
  expect(typeof envelope?.error?.message).toBe('string');
  expect(reply.headers.get('cache-control')).toBe('no-store');
}

const listing = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** Everything a rejected request must leave as it was: list endpoints and the artifact folders. */
export async function snapshot(plane: ControlPlane, models: string[] = []): Promise<unknown> {
  const admin = { token: plane.adminToken };
  const tokens = (await call(plane, 'GET', '/tokens', admin)).body as { items: Record<string, unknown>[] };
  const versions: Record<string, unknown> = {};
  for (const model of models) versions[model] = (await call(plane, 'GET', `/models/${model}/versions`, admin)).body;
  return {
    models: (await call(plane, 'GET', '/models?status=active', admin)).body,
    archived: (await call(plane, 'GET', '/models?status=archived', admin)).body,
    versions,
    endpoints: (await call(plane, 'GET', '/endpoints', admin)).body,
    // lastUsedAt moves with every authenticated call, including the snapshot's own.
    tokens: tokens.items.map(({ lastUsedAt: _lastUsedAt, ...rest }) => rest),
    audit: (await call(plane, 'GET', '/audit?limit=200', admin)).body,
    artifacts: listing(join(plane.dataDir, 'artifacts')),
    tmp: listing(join(plane.dataDir, 'tmp')),
  };
}

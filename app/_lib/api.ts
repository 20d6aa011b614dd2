/**
 * The browser's fetch wrapper for `/api/v1`: same origin, so the session cookie rides along. Any
 * non-2xx answer becomes an `ApiError` built from the contract's error envelope.
 */
import type { ErrorCode, ErrorIssue } from '../../server/errors';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads the envelope leniently: a proxy or crash may answer with anything. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? (error.code as ErrorCode) : 'INTERNAL';
  const message = typeof error?.message === 'string' ? error.message : `Request failed (${status})`;
  const issues = Array.isArray(error?.issues) ? (error.issues as ErrorIssue[]) : [];
  return new ApiError(status, code, message, issues);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server');
  }
  const body = parseJson(await response.text());
  if (!response.ok) throw apiErrorFrom(response.status, body);
  return body as T;
}

/** Builds a query string from the defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Field-level issues for one input, and the issues no input claims. */
export function issuesFor(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((issue) => issue.path === field || issue.path.startsWith(`${field}.`)).map((i) => i.message);
}

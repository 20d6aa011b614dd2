/** Parses KServe v2 paths at the gateway, where `{name}` is an endpoint. Pure. */
export type GatewayPath =
  | { kind: 'live' }
  | { kind: 'ready' }
  | { kind: 'server-metadata' }
  | { kind: 'model'; endpoint: string; version?: number; action: 'metadata' | 'ready' | 'infer' | 'stats' }
  | { kind: 'unknown' };

const MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer|stats))?\/?$/;

export function parseGatewayPath(pathname: string): GatewayPath {
  if (pathname === '/v2/health/live') return { kind: 'live' };
  if (pathname === '/v2/health/ready') return { kind: 'ready' };
  if (pathname === '/v2' || pathname === '/v2/') return { kind: 'server-metadata' };
  const m = MODEL_PATH.exec(pathname);
  if (!m) return { kind: 'unknown' };
  let endpoint: string;
  try {
    endpoint = decodeURIComponent(m[1]!);
  } catch {
    return { kind: 'unknown' };
  }
  const action = (m[3] ?? 'metadata') as 'metadata' | 'ready' | 'infer' | 'stats';
  if (m[2] === undefined) return { kind: 'model', endpoint, action };
  if (!/^[1-9]\d{0,8}$/.test(m[2]) || action === 'stats') return { kind: 'unknown' };
  return { kind: 'model', endpoint, version: Number(m[2]), action };
}

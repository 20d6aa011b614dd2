/** Parses KServe v2 paths at the gateway, where `{name}` is an endpoint. Pure. */
export type ModelAction = 'metadata' | 'ready' | 'infer' | 'stats' | 'config';
export type GatewayPath =
  | { kind: 'live' }
  | { kind: 'ready' }
  | { kind: 'server-metadata' }
  | { kind: 'all-stats' }
  | { kind: 'model'; endpoint: string; version?: number; action: ModelAction }
  /** A version that is not a canonical number names nothing: Triton's "unknown model … version" answer. */
  | { kind: 'unknown-version'; endpoint: string; version: string }
  | { kind: 'unknown' };

const MODEL_PATH = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer|stats|config))?\/?$/;

export function parseGatewayPath(pathname: string): GatewayPath {
  if (pathname === '/v2/health/live') return { kind: 'live' };
  if (pathname === '/v2/health/ready') return { kind: 'ready' };
  if (pathname === '/v2' || pathname === '/v2/') return { kind: 'server-metadata' };
  // Triton's "statistics of every model"; an endpoint named `stats` is reached by its version paths.
  if (pathname === '/v2/models/stats') return { kind: 'all-stats' };
  const m = MODEL_PATH.exec(pathname);
  if (!m) return { kind: 'unknown' };
  let endpoint: string;
  try {
    endpoint = decodeURIComponent(m[1]!);
  } catch {
    return { kind: 'unknown' };
  }
  const action = (m[3] ?? 'metadata') as ModelAction;
  if (m[2] === undefined) return { kind: 'model', endpoint, action };
  if (!/^[1-9]\d{0,8}$/.test(m[2])) return { kind: 'unknown-version', endpoint, version: m[2] };
  return { kind: 'model', endpoint, version: Number(m[2]), action };
}

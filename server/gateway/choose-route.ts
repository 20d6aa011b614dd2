import { unknownModel } from '../../protocol/kserve-messages';
import type { EndpointRoutes, RouteKind } from './routing-table';

export interface RouteRequest {
  /** `/versions/{v}` in the URL pins a deployed version. */
  pinnedVersion?: number;
  preview: boolean;
  /** Value of the endpoint's sticky header, when the client sent one. */
  routeKey?: string;
}

export type RouteChoice =
  | { ok: true; version: number; route: RouteKind; mirrorVersion?: number }
  | { ok: false; status: 404 | 503; message: string };

/** FNV-1a: a small, stable hash so a route key lands on the same side in every process. */
export function stickyBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 100;
}

/**
 * Picks the version that serves a request and whether a shadow copy goes out. Pure: the caller
 * passes uniform random numbers in [0, 1) so tests can pin every branch.
 */
export function chooseRoute(routes: EndpointRoutes, req: RouteRequest, splitRand: number, mirrorRand: number): RouteChoice {
  if (req.pinnedVersion !== undefined) {
    if (!routes.replicas.has(req.pinnedVersion)) {
      return { ok: false, status: 404, message: unknownModel(routes.endpoint, req.pinnedVersion) };
    }
    return { ok: true, version: req.pinnedVersion, route: 'pinned' };
  }
  if (req.preview && routes.preview) {
    return { ok: true, version: routes.preview.version, route: 'preview' };
  }
  const canary = routes.canary;
  if (canary && canary.weightPct > 0 && (routes.replicas.get(canary.version)?.length ?? 0) > 0) {
    const bucket = req.routeKey !== undefined ? stickyBucket(req.routeKey) : Math.floor(splitRand * 100);
    if (bucket < canary.weightPct) return { ok: true, version: canary.version, route: 'canary' };
  }
  const choice: RouteChoice = { ok: true, version: routes.stableVersion, route: 'stable' };
  const shadow = routes.shadow;
  if (shadow && mirrorRand * 100 < shadow.mirrorPct) choice.mirrorVersion = shadow.version;
  return choice;
}

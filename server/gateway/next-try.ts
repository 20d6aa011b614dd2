/**
 * The gateway's re-route policy after a request's first attempt, pure: inference is idempotent,
 * so a request that ran nowhere (every replica tried failed before answering, or one answered
 * that it is draining) goes once more by the current routing table, which by then no longer
 * lists a replica that is going away. Anything answered for real is final.
 */
import type { EndpointRoutes } from './routing-table';

export interface FirstAttempt {
  /** A response came back (any status). */
  answered: boolean;
  /** It said the runtime is draining and ran nothing. */
  draining: boolean;
  /** No response: the replicas tried failed before answering (a 502 after at least one try). */
  failedBeforeAnswer: boolean;
}

/** The version to try again at, or undefined to keep the first outcome. */
export function nextTry(first: FirstAttempt, current: EndpointRoutes | undefined, version: number, pinned: boolean, tried: ReadonlySet<string>): number | undefined {
  const ranNowhere = first.answered ? first.draining : first.failedBeforeAnswer;
  if (!ranNowhere || !current) return undefined;
  // A pinned request stays on its version; otherwise the stable version takes over once its own has no untried replica.
  const next = pinned || hasUntried(current, version, tried) ? version : current.stableVersion;
  return hasUntried(current, next, tried) ? next : undefined;
}

function hasUntried(routes: EndpointRoutes, version: number, tried: ReadonlySet<string>): boolean {
  return (routes.replicas.get(version) ?? []).some((r) => !tried.has(r.id));
}

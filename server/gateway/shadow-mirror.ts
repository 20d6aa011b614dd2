/**
 * Shadow traffic: after the client has its stable answer, a copy of the request goes to the
 * candidate and the two outputs are compared. The client never waits for the copy; when the
 * candidate already has `maxOutstandingPerReplica` copies per replica in flight the copy is
 * dropped and counted, so a slow candidate cannot build an unbounded backlog.
 */
import type http from 'node:http';
import { compareOutputs, type Comparison } from './compare-outputs';
import { decodeInferResponse } from './decode-response';
import { pickReplica } from './pick-replica';
import type { EndpointRoutes } from './routing-table';
import type { TrafficStats } from './traffic-stats';
import type { UpstreamPool, UpstreamResponse } from './upstream';

export interface ShadowSample extends Comparison {
  endpoint: string;
  version: number;
  requestId: string | null;
  atMs: number;
  error?: string;
}

function headerLength(headers: http.IncomingHttpHeaders): number | undefined {
  const value = headers['inference-header-content-length'];
  return typeof value === 'string' ? Number(value) : undefined;
}

function requestId(chunks: readonly Buffer[], headerLen: number | undefined): string | null {
  try {
    const body = Buffer.concat(chunks);
    const id = (JSON.parse(body.subarray(0, headerLen ?? body.length).toString('utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export class ShadowMirror {
  private rotation = 0;

  constructor(
    private readonly pool: UpstreamPool,
    private readonly outstanding: Map<string, number>,
    private readonly stats: TrafficStats,
    private readonly onSample: (sample: ShadowSample) => void,
    private readonly maxOutstandingPerReplica = 4,
  ) {}

  mirror(routes: EndpointRoutes, version: number, headers: http.IncomingHttpHeaders, body: readonly Buffer[], stable: UpstreamResponse): void {
    const cell = this.stats.shadowCell(routes.endpoint, version);
    const replicas = routes.replicas.get(version) ?? [];
    const replica = pickReplica(replicas, this.outstanding, this.rotation++);
    if (!replica || (this.outstanding.get(replica.id) ?? 0) >= this.maxOutstandingPerReplica) {
      cell.dropped++;
      return;
    }
    cell.mirrored++;
    // The candidate runtime answers to the endpoint's name at its own version.
    const candidatePath = `/v2/models/${encodeURIComponent(routes.endpoint)}/versions/${version}/infer`;
    this.outstanding.set(replica.id, (this.outstanding.get(replica.id) ?? 0) + 1);
    const tol = routes.shadow ?? { atol: 0, rtol: 0 };
    const startedNs = process.hrtime.bigint();
    const elapsedUs = () => Number(process.hrtime.bigint() - startedNs) / 1_000;
    const base = { endpoint: routes.endpoint, version, requestId: requestId(body, headerLength(headers)), atMs: Date.now() };
    this.pool
      .request(replica, 'POST', candidatePath, headers, body)
      .then((candidate) => {
        // Shadow latency and errors count as the candidate's own traffic on route `shadow`.
        this.stats.record(routes.endpoint, version, 'shadow', candidate.status, elapsedUs());
        const now = this.stats.shadowCell(routes.endpoint, version);
        if (candidate.status !== 200) {
          now.failed++;
          this.onSample({ ...base, shapeMatch: false, maxAbsDiff: Infinity, withinTolerance: false, argmaxAgree: false, agree: false, error: `candidate answered ${candidate.status}` });
          return;
        }
        const s = decodeInferResponse(stable.body, headerLength(stable.headers));
        const c = decodeInferResponse(candidate.body, headerLength(candidate.headers));
        if (!s || !c) {
          now.failed++;
          return;
        }
        const comparison = compareOutputs(s, c, tol);
        now.compared++;
        if (comparison.agree) now.agreed++;
        else this.onSample({ ...base, ...comparison });
      })
      .catch((err: Error) => {
        this.stats.record(routes.endpoint, version, 'shadow', 502, elapsedUs());
        this.stats.shadowCell(routes.endpoint, version).failed++;
        this.onSample({ ...base, shapeMatch: false, maxAbsDiff: Infinity, withinTolerance: false, argmaxAgree: false, agree: false, error: err.message });
      })
      .finally(() => this.outstanding.set(replica.id, (this.outstanding.get(replica.id) ?? 1) - 1));
  }
}

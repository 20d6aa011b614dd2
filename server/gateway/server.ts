/**
 * The inference gateway: the only process inference clients talk to. It speaks KServe v2 where
 * `{name}` is an endpoint, resolves the routing table, picks the least-loaded ready replica,
 * forwards the body untouched over a keep-alive unix-socket pool (one retry elsewhere when a
 * replica fails before answering), and measures what the client sees.
 */
import http from 'node:http';
import { DRAINING_HEADER } from '../../protocol/kserve';
import { SERVED_EXTENSIONS, methodNotAllowed, noRoute, unknownModel } from '../../protocol/kserve-messages';
import { chooseRoute } from './choose-route';
import { ColdStartQueue, ColdStartRefused, retryHeaders } from './cold-start-queue';
import { ConnectionGuard, DEFAULT_LIMITS, type ConnectionLimits } from './connection-guard';
import { HttpError, readBody } from './http-error';
import { replyCompressed, sendError, sendJson } from './http-reply';
import { statsTargets, sumModelStats, type TritonStats } from './model-stats';
import { parseGatewayPath } from './paths';
import { nextTry } from './next-try';
import { pickReplica } from './pick-replica';
import { DEFAULT_STICKY_HEADER, PREVIEW_HEADER, type EndpointRoutes, type ReplicaAddress, type RoutingTable } from './routing-table';
import { ShadowMirror, type ShadowSample } from './shadow-mirror';
import { TrafficStats, type GatewayStatsMessage } from './traffic-stats';
import { UpstreamError, UpstreamPool, type UpstreamResponse } from './upstream';

/** During a stop, how long a keep-alive connection may stay idle before it is closed. */
const DRAIN_IDLE_MS = 500;

export interface GatewayOptions {
  host: string;
  port: number;
  maxBodyBytes: number;
  statsIntervalMs: number;
  limits?: Partial<ConnectionLimits>;
  onStats: (msg: GatewayStatsMessage) => void;
  onShadowSample: (sample: ShadowSample) => void;
  /** Requests held for an endpoint with no ready replica (cold start), whenever the count changes. */
  onDemand?: (endpoint: string, held: number) => void;
}

/** One inference as any protocol hands it to the router; `body` is read once the route is chosen. */
export interface InferCall {
  endpoint: string;
  pinnedVersion?: number;
  /** Routing headers (sticky key, preview) and what the runtime reads (content type, header length, encoding). */
  headers: http.IncomingHttpHeaders;
  body: () => Promise<Buffer[]>;
}

export interface InferServed {
  upstream: UpstreamResponse;
  /** The version that answered. */
  version: number;
  /** Sends the shadow copy, when one is due; call it after answering the client. */
  mirror?: () => void;
}

export const GATEWAY_METADATA = { name: 'slipway', version: '0.1.0', extensions: SERVED_EXTENSIONS };

export class Gateway {
  private routes: RoutingTable = new Map();
  /** Not ready before the control plane's first table: an empty table would read as "all ready". */
  private routed = false;
  private readonly outstanding = new Map<string, number>();
  private rotation = 0;
  private readonly pool = new UpstreamPool();
  private readonly stats = new TrafficStats(Date.now());
  private readonly coldStarts = new ColdStartQueue((endpoint, held) => this.options.onDemand?.(endpoint, held));
  private readonly shadow: ShadowMirror;
  private readonly server: http.Server;
  readonly guard: ConnectionGuard;
  private statsTimer?: NodeJS.Timeout;
  /** Set by `drain`: not ready, no new connections, every answer closes its connection. */
  private draining = false;

  constructor(private readonly options: GatewayOptions) {
    this.shadow = new ShadowMirror(this.pool, this.outstanding, this.stats, options.onShadowSample);
    this.server = http.createServer((req, res) => {
      if (this.draining) res.setHeader('connection', 'close');
      this.handle(req, res).catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        // A bug, not a client's fault: the reason goes to the gateway's log, never to the client.
        if (!(err instanceof HttpError)) process.stderr.write(`${JSON.stringify({ level: 50, msg: 'internal gateway error', err: err instanceof Error ? err.stack : String(err) })}\n`);
        if (!res.headersSent) sendError(res, status, err instanceof HttpError ? err.message : 'internal gateway error', { ...(status === 413 && { connection: 'close' }), ...retryHeaders(err) });
        else res.destroy();
      });
    });
    this.guard = new ConnectionGuard(this.server, { ...DEFAULT_LIMITS, ...options.limits });
  }

  get routesApplied(): boolean {
    return this.routed;
  }

  /** Swaps the whole table at once, so a promotion is atomic for every request that follows. */
  setRoutes(table: RoutingTable): void {
    this.routes = table;
    this.routed = true;
    this.coldStarts.release(table);
    const ids = new Set<string>();
    for (const ep of table.values()) for (const list of ep.replicas.values()) for (const r of list) ids.add(r.id);
    this.pool.retain(ids);
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, resolve);
    });
    this.statsTimer = setInterval(() => this.options.onStats(this.stats.flush(Date.now())), this.options.statsIntervalMs);
    this.statsTimer.unref();
    return (this.server.address() as { port: number }).port;
  }

  /**
   * A graceful stop: readiness turns 503, the listener closes, idle keep-alive connections close,
   * and every request already accepted is answered (with `Connection: close`). Resolves when the
   * last connection is gone.
   */
  async drain(): Promise<void> {
    this.draining = true;
    this.coldStarts.close();
    // Node's close() would also drop every idle keep-alive connection at once, racing requests
    // clients are already sending on them. Instead each connection closes after its next answer
    // (`Connection: close`), and one that stays idle for DRAIN_IDLE_MS is closed then.
    this.server.closeIdleConnections = () => undefined;
    await new Promise<void>((resolve) => {
      const sweep = setInterval(() => this.guard.closeIdleFor(DRAIN_IDLE_MS), DRAIN_IDLE_MS / 5);
      this.server.close(() => {
        clearInterval(sweep);
        resolve();
      });
    });
    clearInterval(this.statsTimer);
    this.options.onStats(this.stats.flush(Date.now()));
    this.pool.close();
  }

  async close(): Promise<void> {
    clearInterval(this.statsTimer);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    this.pool.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedNs = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://gateway');
    const path = parseGatewayPath(url.pathname);
    const method = req.method ?? 'GET';
    const allowed = path.kind === 'model' && path.action === 'infer' ? 'POST' : 'GET, HEAD';
    if (path.kind !== 'unknown' && path.kind !== 'unknown-version' && !allowed.split(', ').includes(method)) {
      return sendError(res, 405, methodNotAllowed(method, url.pathname), { allow: allowed });
    }
    switch (path.kind) {
      case 'live':
        return sendJson(res, 200, {});
      case 'ready':
        return this.isReady() ? sendJson(res, 200, {}) : sendError(res, 503, 'the gateway is not ready');
      case 'server-metadata':
        return sendJson(res, 200, GATEWAY_METADATA);
      case 'all-stats':
        return sendJson(res, 200, await this.modelStats());
      case 'unknown':
        this.stats.unrouted();
        return sendError(res, 404, noRoute(method, url.pathname));
      case 'unknown-version':
        this.stats.unrouted();
        return sendError(res, 404, unknownModel(path.endpoint, path.version));
    }
    if (path.action === 'stats') return sendJson(res, 200, await this.modelStats(path.endpoint, path.version));
    if (path.action !== 'infer') {
      const upstream = await this.getFromReplica(path.endpoint, path.version, path.action === 'metadata' ? '' : `/${path.action}`);
      return replyCompressed(req, res, upstream, upstream.version, false);
    }
    const served = await this.routeInfer({ endpoint: path.endpoint, pinnedVersion: path.version, headers: req.headers, body: () => readBody(req, this.options.maxBodyBytes) }, startedNs);
    replyCompressed(req, res, served.upstream, served.version);
    served.mirror?.();
  }

  /** Ready once the control plane's first table is in and every endpoint has a ready replica of its serving version. */
  isReady(): boolean {
    return this.routed && !this.draining && [...this.routes.values()].every((ep) => ep.coldStart !== undefined || (ep.replicas.get(ep.stableVersion)?.length ?? 0) > 0);
  }

  /**
   * One inference, routed as every protocol routes it (canary, sticky key, preview, pin, shadow):
   * the body is read only once the route is chosen, the answer is measured, and `mirror` sends
   * the shadow copy once the caller has answered its client. Throws `HttpError`.
   */
  async routeInfer(call: InferCall, startedNs = process.hrtime.bigint()): Promise<InferServed> {
    const routes = this.routes.get(call.endpoint);
    if (!routes) {
      this.stats.unrouted();
      throw new HttpError(404, unknownModel(call.endpoint));
    }
    const sticky = routes.canary?.stickyHeader ?? DEFAULT_STICKY_HEADER;
    const routeKey = call.headers[sticky];
    const choice = chooseRoute(
      routes,
      { pinnedVersion: call.pinnedVersion, preview: call.headers[PREVIEW_HEADER] === '1', routeKey: typeof routeKey === 'string' ? routeKey : undefined },
      Math.random(),
      Math.random(),
    );
    if (!choice.ok) {
      this.stats.unrouted();
      throw new HttpError(choice.status, choice.message);
    }
    // The route is chosen before the body is read, so a refused body counts as a rejection of that version.
    let body: Buffer[];
    try {
      body = await call.body();
    } catch (err) {
      this.stats.reject(routes.endpoint, choice.version, choice.route, err instanceof HttpError ? err.status : 400);
      throw err;
    }
    const path = `/v2/models/${encodeURIComponent(call.endpoint)}${call.pinnedVersion !== undefined ? `/versions/${call.pinnedVersion}` : ''}/infer`;
    let served: { upstream: UpstreamResponse; version: number };
    try {
      served = await this.forwardInfer(call.endpoint, routes, choice.version, call.pinnedVersion !== undefined, path, call.headers, body);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 502;
      if (err instanceof HttpError && err.rejected) this.stats.reject(routes.endpoint, choice.version, choice.route, status);
      else this.stats.record(routes.endpoint, choice.version, choice.route, status, elapsedUs(startedNs));
      throw err;
    }
    const { upstream, version } = served;
    this.stats.record(routes.endpoint, version, version === choice.version ? choice.route : 'stable', upstream.status, elapsedUs(startedNs));
    const mirrorVersion = choice.mirrorVersion;
    if (mirrorVersion === undefined || upstream.status !== 200) return { upstream, version };
    return { upstream, version, mirror: () => this.shadow.mirror(routes, mirrorVersion, call.headers, body, upstream) };
  }

  /** A GET (metadata, ready, config) answered by a ready replica of the endpoint's version (stable when none is named). */
  async getFromReplica(endpoint: string, pinnedVersion: number | undefined, suffix: string): Promise<UpstreamResponse & { version: number }> {
    const routes = this.routes.get(endpoint);
    if (!routes) {
      this.stats.unrouted();
      throw new HttpError(404, unknownModel(endpoint));
    }
    const version = pinnedVersion ?? routes.stableVersion;
    if (!routes.replicas.has(version)) {
      this.stats.unrouted();
      throw new HttpError(404, unknownModel(endpoint, version));
    }
    const path = `/v2/models/${encodeURIComponent(endpoint)}/versions/${version}${suffix}`;
    return { ...(await this.forward(routes, version, 'GET', path, {})), version };
  }

  /** Triton's statistics summed over replicas: every endpoint, one endpoint, or one of its versions. */
  async modelStats(endpoint?: string, version?: number): Promise<TritonStats> {
    const targets = statsTargets(this.routes, endpoint, version);
    if (!targets.ok) {
      this.stats.unrouted();
      throw new HttpError(404, targets.message);
    }
    const answers = await Promise.all(
      targets.replicas.map(({ endpoint: ep, version: v, replica }) =>
        this.pool.request(replica, 'GET', `/v2/models/${encodeURIComponent(ep)}/versions/${v}/stats`, {}).then(
          (r) => (r.status === 200 ? (JSON.parse(r.body.toString('utf8')) as TritonStats) : undefined),
          () => undefined,
        ),
      ),
    );
    return sumModelStats(targets.versions, answers);
  }

  /** Inference with at most one re-route, as `nextTry` decides (a request that ran nowhere goes again). */
  private async forwardInfer(endpoint: string, routes: EndpointRoutes, version: number, pinned: boolean, path: string, headers: http.IncomingHttpHeaders, body: readonly Buffer[]): Promise<{ upstream: UpstreamResponse; version: number }> {
    const tried = new Set<string>();
    let upstream: UpstreamResponse | undefined;
    let failure: unknown;
    try {
      upstream = await this.forward(routes, version, 'POST', path, headers, body, tried);
    } catch (err) {
      failure = err;
    }
    const first = { answered: upstream !== undefined, draining: upstream !== undefined && isDraining(upstream), failedBeforeAnswer: failure instanceof HttpError && failure.status === 502 && tried.size > 0 };
    const current = this.routes.get(endpoint);
    const next = nextTry(first, current, version, pinned, tried);
    if (next !== undefined) return { upstream: await this.forward(current!, next, 'POST', path, headers, body, tried), version: next };
    if (upstream) return { upstream, version };
    throw failure;
  }

  /** Sends to the least-loaded ready replica of `version`; one retry on another when it fails before answering. */
  private async forward(routes: EndpointRoutes, version: number, method: string, path: string, headers: http.IncomingHttpHeaders, body?: readonly Buffer[], tried = new Set<string>()): Promise<UpstreamResponse> {
    const replicas = routes.replicas.get(version) ?? [];
    const before = tried.size;
    for (let attempt = 0; attempt < 2; attempt++) {
      const replica = pickReplica(replicas, this.outstanding, this.rotation++, tried);
      if (!replica) break;
      tried.add(replica.id);
      try {
        return await this.send(replica, method, path, headers, body);
      } catch (err) {
        if (!(err instanceof UpstreamError) || !err.retryable) throw new HttpError(502, err instanceof Error ? err.message : 'runtime failed');
      }
    }
    // An endpoint scaled to zero: hold the request until a replica is ready, then send it there.
    if (tried.size === 0 && replicas.length === 0 && routes.coldStart) return this.forward(await this.awaitReplica(routes), version, method, path, headers, body, tried);
    if (tried.size === before) throw new HttpError(503, `endpoint '${routes.endpoint}' has no ready replica of version ${version}`, true);
    throw new HttpError(502, `no replica of '${routes.endpoint}' version ${version} answered`);
  }

  private async awaitReplica(routes: EndpointRoutes): Promise<EndpointRoutes> {
    try {
      await this.coldStarts.hold(routes.endpoint, routes.coldStart!);
    } catch (err) {
      const retry = err instanceof ColdStartRefused ? err.retryAfterSeconds : 1;
      throw Object.assign(new HttpError(503, err instanceof Error ? err.message : 'no ready replica', true), { retryAfterSeconds: retry });
    }
    return this.routes.get(routes.endpoint) ?? routes;
  }

  private async send(replica: ReplicaAddress, method: string, path: string, headers: http.IncomingHttpHeaders, body?: readonly Buffer[]): Promise<UpstreamResponse> {
    this.outstanding.set(replica.id, (this.outstanding.get(replica.id) ?? 0) + 1);
    try {
      return await this.pool.request(replica, method, path, headers, body);
    } finally {
      this.outstanding.set(replica.id, (this.outstanding.get(replica.id) ?? 1) - 1);
    }
  }
}

function isDraining(res: UpstreamResponse): boolean {
  return res.status === 503 && res.headers[DRAINING_HEADER] === '1';
}

function elapsedUs(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1_000;
}

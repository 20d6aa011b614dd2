/**
 * The inference gateway: the only process inference clients talk to. It speaks KServe v2 where
 * `{name}` is an endpoint, resolves the routing table, picks the least-loaded ready replica,
 * forwards the body untouched over a keep-alive unix-socket pool (one retry elsewhere when a
 * replica fails before answering), and measures what the client sees.
 */
import http from 'node:http';
import { DRAINING_HEADER } from '../../protocol/kserve';
import { chooseRoute } from './choose-route';
import { ColdStartQueue, ColdStartRefused, retryHeaders } from './cold-start-queue';
import { ConnectionGuard, DEFAULT_LIMITS, type ConnectionLimits } from './connection-guard';
import { parseGatewayPath } from './paths';
import { pickReplica } from './pick-replica';
import { DEFAULT_STICKY_HEADER, PREVIEW_HEADER, VERSION_HEADER, type EndpointRoutes, type ReplicaAddress, type RoutingTable } from './routing-table';
import { ShadowMirror, type ShadowSample } from './shadow-mirror';
import { TrafficStats, type GatewayStatsMessage } from './traffic-stats';
import { UpstreamError, UpstreamPool, type UpstreamResponse } from './upstream';

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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Answered by the gateway without a runtime: counted, but kept out of the latency histogram. */
    readonly rejected = false,
  ) {
    super(message);
  }
}

function sendError(res: http.ServerResponse, status: number, message: string, extra: http.OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** The body as it arrived, in chunks: forwarded as they are, so no 100 KB tensor is copied. */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer[]> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(new HttpError(413, `request body of ${declared} bytes exceeds the limit of ${maxBytes}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        reject(new HttpError(413, `request body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks));
    req.on('error', (err) => reject(new HttpError(400, `could not read request: ${err.message}`)));
  });
}

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
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.guard.closeIdle();
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
    switch (path.kind) {
      case 'live':
        return sendJson(res, 200, { live: true });
      case 'ready': {
        const ready = this.routed && !this.draining && [...this.routes.values()].every((ep) => ep.coldStart !== undefined || (ep.replicas.get(ep.stableVersion)?.length ?? 0) > 0);
        return sendJson(res, ready ? 200 : 503, { ready });
      }
      case 'server-metadata':
        return sendJson(res, 200, { name: 'slipway', version: '0.1.0', extensions: ['binary_tensor_data', 'statistics', 'model_repository(slipway endpoints)'] });
      case 'unknown':
        this.stats.unrouted();
        return sendError(res, 404, `not found: ${req.method} ${url.pathname}`);
    }
    const routes = this.routes.get(path.endpoint);
    if (!routes) {
      this.stats.unrouted();
      return sendError(res, 404, `Request for unknown model: '${path.endpoint}' is not found`);
    }

    if (path.action !== 'infer') {
      if (req.method !== 'GET') return sendError(res, 405, `${req.method} not allowed on ${url.pathname}`);
      const version = path.version ?? routes.stableVersion;
      if (path.version !== undefined && !routes.replicas.has(version)) {
        this.stats.unrouted();
        return sendError(res, 404, `version ${version} of '${path.endpoint}' is not deployed`);
      }
      const upstream = await this.forward(routes, version, 'GET', req.url ?? '/', req.headers);
      return this.reply(res, upstream, version);
    }

    if (req.method !== 'POST') return sendError(res, 405, `${req.method} not allowed on ${url.pathname}`);
    const sticky = routes.canary?.stickyHeader ?? DEFAULT_STICKY_HEADER;
    const routeKey = req.headers[sticky];
    const choice = chooseRoute(
      routes,
      { pinnedVersion: path.version, preview: req.headers[PREVIEW_HEADER] === '1', routeKey: typeof routeKey === 'string' ? routeKey : undefined },
      Math.random(),
      Math.random(),
    );
    if (!choice.ok) {
      this.stats.unrouted();
      return sendError(res, choice.status, choice.message);
    }
    // The route is chosen before the body is read, so a refused body counts as a rejection of that version.
    let body: Buffer[];
    try {
      body = await readBody(req, this.options.maxBodyBytes);
    } catch (err) {
      this.stats.reject(routes.endpoint, choice.version, choice.route, err instanceof HttpError ? err.status : 400);
      throw err;
    }

    let served: { upstream: UpstreamResponse; version: number };
    try {
      served = await this.forwardInfer(path.endpoint, routes, choice.version, path.version !== undefined, req.url ?? '/', req.headers, body);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 502;
      if (err instanceof HttpError && err.rejected) this.stats.reject(routes.endpoint, choice.version, choice.route, status);
      else this.stats.record(routes.endpoint, choice.version, choice.route, status, elapsedUs(startedNs));
      throw err;
    }
    const { upstream, version } = served;
    this.reply(res, upstream, version);
    this.stats.record(routes.endpoint, version, version === choice.version ? choice.route : 'stable', upstream.status, elapsedUs(startedNs));
    if (choice.mirrorVersion !== undefined && upstream.status === 200) {
      this.shadow.mirror(routes, choice.mirrorVersion, req.headers, body, upstream);
    }
  }

  private reply(res: http.ServerResponse, upstream: UpstreamResponse, version: number): void {
    const headers: http.OutgoingHttpHeaders = { 'content-length': upstream.body.length, [VERSION_HEADER]: String(version) };
    for (const name of ['content-type', 'inference-header-content-length']) {
      if (upstream.headers[name] !== undefined) headers[name] = upstream.headers[name];
    }
    res.writeHead(upstream.status, headers);
    res.end(upstream.body);
  }

  /**
   * Inference with one re-route: when every replica tried failed before answering, or answered
   * that it is draining (it ran nothing), the request goes again by the current routing table,
   * which by then no longer lists a replica that is going away.
   */
  private async forwardInfer(endpoint: string, routes: EndpointRoutes, version: number, pinned: boolean, path: string, headers: http.IncomingHttpHeaders, body: readonly Buffer[]): Promise<{ upstream: UpstreamResponse; version: number }> {
    const tried = new Set<string>();
    let upstream: UpstreamResponse | undefined;
    let failure: unknown;
    try {
      upstream = await this.forward(routes, version, 'POST', path, headers, body, tried);
      if (!isDraining(upstream)) return { upstream, version };
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 502 || tried.size === 0) throw err;
      failure = err;
    }
    const current = this.routes.get(endpoint);
    const next = current && (pinned ? version : servedVersion(current, version, tried));
    if (!current || next === undefined || !(current.replicas.get(next) ?? []).some((r) => !tried.has(r.id))) {
      if (upstream) return { upstream, version };
      throw failure;
    }
    return { upstream: await this.forward(current, next, 'POST', path, headers, body, tried), version: next };
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

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function isDraining(res: UpstreamResponse): boolean {
  return res.status === 503 && res.headers[DRAINING_HEADER] === '1';
}

/** The same version if it still has an untried ready replica, else the endpoint's stable one. */
function servedVersion(routes: EndpointRoutes, version: number, tried: ReadonlySet<string>): number {
  return (routes.replicas.get(version) ?? []).some((r) => !tried.has(r.id)) ? version : routes.stableVersion;
}

function elapsedUs(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1_000;
}

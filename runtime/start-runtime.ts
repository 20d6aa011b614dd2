/**
 * Composition root of a runtime process: listens first (so `/v2/health/ready` can say why it is
 * not ready), loads the model into its instances, warms up, then turns ready. `drain` stops
 * new work, finishes what is queued and running, and closes everything.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { BatchCalibration, CALIBRATION_DEFAULTS } from './batching/batch-calibration';
import { Scheduler } from './batching/scheduler';
import { ResponseCache } from './cache/response-cache';
import type { RuntimeOptions } from './config';
import { InstancePool } from './execution/instance-pool';
import type { Logger } from './log';
import { Recorder } from './metrics/recorder';
import { TestHooks } from './test-hooks';
import { StatsHub } from './metrics/stats-hub';
import { servedMaxBatchSize } from './model/signature';
import { route, type RuntimeState } from './http/routes';
import { listenGrpc, type GrpcListener } from '../protocol/grpc/serve';
import { runtimeBackend } from './grpc/runtime-backend';
import { warmUp } from './warmup';

export interface RunningRuntime {
  /** http://127.0.0.1:port, or http://localhost with `socketPath` for unix sockets. */
  url: string;
  port: number | null;
  socket: string | null;
  /** The KServe v2 gRPC port, when `--grpc-port` was given. */
  grpcPort: number | null;
  provider: string;
  /** Stops accepting work (503), finishes queued and running requests, then closes. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const STATS_INTERVAL_MS = 1000;

export async function startRuntime(options: RuntimeOptions, log: Logger): Promise<RunningRuntime> {
  const hooks = options.testHooks ? new TestHooks(options.holdDispatchUntil) : undefined;
  const state: RuntimeState = {
    model: options.name,
    version: options.modelVersion,
    maxBodyBytes: options.maxBodyBytes,
    testHooks: hooks,
    ready: false,
    draining: false,
    notReadyReason: 'the model is loading',
    instanceId: options.instanceId,
    startedAtMs: Date.now(),
    statsHub: new StatsHub(),
  };
  const server = createServer((req, res) => void route(state, req, res));
  server.keepAliveTimeout = 65_000; // the gateway's pool keeps connections for up to a minute
  server.headersTimeout = 66_000;
  await listen(server, options);
  let grpc: GrpcListener | undefined;
  if (options.grpcPort !== undefined) {
    try {
      grpc = await listenGrpc(runtimeBackend(state), options.host, options.grpcPort, options.maxBodyBytes);
    } catch (err) {
      await closeServer(server);
      throw err;
    }
  }

  const pool = new InstancePool(
    { modelPath: options.modelPath, instances: options.instances, intraOpThreads: options.intraOpThreads, intraOpSpinning: options.intraOpSpinning, device: options.device },
    (msg) => log.warn(msg),
    hooks,
  );
  try {
    await pool.start();
  } catch (err) {
    state.notReadyReason = `the model could not be loaded on ${options.device}: ${(err as Error).message}`;
    await pool.close();
    grpc?.close();
    await closeServer(server);
    throw new Error(state.notReadyReason);
  }
  const sig = pool.sig!;
  const provider = pool.provider!;
  const maxBatchSize = servedMaxBatchSize(sig, options.maxBatchSize);
  if (maxBatchSize !== options.maxBatchSize) log.info({ maxBatchSize }, 'the model has a fixed first dimension: requests run unbatched');
  // `auto`: warm up at 1 and the max, then learn the preferred size from the batches served.
  const configured = options.preferredBatchSizes;
  const auto = configured === 'auto';
  const preferred = configured === 'auto' ? [] : configured.filter((s) => s <= maxBatchSize);
  const calibration = auto && maxBatchSize > 1 ? new BatchCalibration({ ...CALIBRATION_DEFAULTS, maxBatchSize }) : undefined;

  state.notReadyReason = 'the model is warming up';
  await warmUp(pool, sig, maxBatchSize, preferred, options.warmupRuns, log);
  // Lets a test catch a runtime mid-start (e.g. a control-plane crash while it warms up).
  while (options.readyGate && !existsSync(options.readyGate)) await new Promise((r) => setTimeout(r, 50));

  const cache = options.cacheMaxBytes > 0 ? new ResponseCache(options.cacheMaxBytes) : undefined;
  const recorder = new Recorder(options.name, options.modelVersion, provider, {
    pendingRequests: () => scheduler.pending(), // read only after startup
    cache: () => cache?.stats(),
  });
  const scheduler = new Scheduler(
    {
      maxBatchSize,
      preferredBatchSizes: preferred,
      maxQueueDelayMs: options.maxQueueDelayMs,
      maxQueueSize: options.maxQueueSize,
      queueTimeoutMs: options.queueTimeoutMs,
      ...(calibration && { calibration }),
    },
    pool,
    (size, i, n, o) => recorder.execution(size, i, n, o),
    hooks,
  );
  const target = { sig, maxBatchSize };
  state.serving = {
    deps: { model: options.name, version: options.modelVersion, target, scheduler, recorder, ...(cache && { cache }) },
    sig,
    maxBatchSize,
    provider,
    recorder,
    pool,
    config: { ...options, preferredBatchSizes: auto ? 'auto' : preferred },
    ...(calibration && { calibration }),
  };
  const statsTimer = setInterval(() => state.statsHub!.publish(recorder.flush()), STATS_INTERVAL_MS);
  statsTimer.unref();
  state.ready = true;
  state.notReadyReason = '';

  const address = server.address();
  const port = typeof address === 'object' && address ? (address as AddressInfo).port : null;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      clearInterval(statsTimer);
      state.statsHub!.closeAll();
      scheduler.close();
      await Promise.all([closeServer(server), grpc?.drain(10_000)]);
      await pool.close();
    })());
  return {
    url: port !== null ? `http://${options.host}:${port}` : 'http://localhost',
    port,
    socket: options.socket ?? null,
    grpcPort: grpc?.port ?? null,
    provider,
    async drain() {
      state.draining = true;
      state.notReadyReason = 'the runtime is draining';
      scheduler.release();
      await scheduler.whenIdle();
      await close();
    },
    close,
  };
}

function listen(server: Server, options: RuntimeOptions): Promise<void> {
  if (options.socket && existsSync(options.socket) && lstatSync(options.socket).isSocket()) unlinkSync(options.socket);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve();
    };
    if (options.socket) server.listen(options.socket, done);
    else server.listen(options.port, options.host, done);
  });
}

/** Closes the listener, lets in-flight responses finish, and drops idle keep-alive sockets. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

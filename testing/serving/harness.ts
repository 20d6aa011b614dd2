/**
 * Serving tests' harness: real services over an in-memory database with the real migrations,
 * the real gateway worker and real runtime processes, plus a small inference client and a
 * closed-loop load that records every status.
 */
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { runtimeInstances } from '../../db/schema';
import type { Services } from '../../server/context';
import { startControlPlane, type ControlPlaneCore, type CoreOptions } from '../../server/control-plane';
import { waitFor } from '../control-plane';
import { scaleModel } from '../onnx';
import { bytesBody, makeTestDeps, PROJECT_ROOT, type TestDeps } from '../services';

export interface Harness {
  deps: TestDeps;
  core: ControlPlaneCore;
  services: Services;
  plane: ControlPlaneCore['plane'];
  gatewayUrl: string;
  /** host:port of the gateway's gRPC service. */
  grpcAddress: string;
  /** Stops the control plane but keeps the database, as a process restart would. */
  restart(): Promise<void>;
  /** As a crash of the control plane: the data plane keeps running and the next one adopts it. */
  restartDetached(): Promise<void>;
  stop(): Promise<void>;
}

/** Short ticks so tests run in seconds; `extra` adds what a test needs (e.g. an autoscaler budget). */
export async function startHarness(extra: Partial<CoreOptions> = {}): Promise<Harness> {
  const deps = makeTestDeps();
  const startCore = (): Promise<ControlPlaneCore> =>
    startControlPlane(deps, pino({ level: 'silent' }), {
      projectRoot: PROJECT_ROOT,
      host: '127.0.0.1',
      gatewayPort: 0,
      controllerIntervalMs: 250,
      supervisor: { tickMs: 200, healthIntervalMs: 500, drainGraceMs: 10_000 },
      ...extra,
    });
  const h: Harness = {
    deps,
    core: await startCore(),
    get services() {
      return this.core.services;
    },
    get plane() {
      return this.core.plane;
    },
    get gatewayUrl() {
      return `http://127.0.0.1:${this.core.plane.gateway.port}`;
    },
    get grpcAddress() {
      return `127.0.0.1:${this.core.plane.gateway.grpcPort}`;
    },
    async restart() {
      await this.core.stop();
      this.core = await startCore();
    },
    async restartDetached() {
      this.core.detach();
      this.core = await startCore();
    },
    async stop() {
      await this.core.stop();
      deps.cleanup();
    },
  };
  return h;
}

export async function registerModel(h: Harness, model: string, versions: Uint8Array[]): Promise<void> {
  h.services.models.create({ name: model }, 'test');
  for (const bytes of versions) await h.services.versions.register({ model, body: bytesBody(bytes) }, 'test');
}

/** Endpoint `ep` serving `scaleModel(2)` (`y = 2x`, input `[1, 4]`): created, then waited for until it answers through the gateway. */
export async function serveScaleEndpoint(h: Harness, config: Record<string, unknown> = {}): Promise<void> {
  await registerModel(h, 'scale', [scaleModel(2)]);
  h.services.endpoints.create({ name: 'ep', model: 'scale', version: 1, config }, 'test');
  h.plane.supervisor.trigger();
  await waitFor(() => (instanceRows(h).some((r) => r.state === 'ready') ? true : undefined), 90_000, 'a ready replica');
  await waitFor(async () => ((await infer(h, 'ep', [1, 2, 3, 4])).status === 200 ? true : undefined), 10_000, 'a routed answer');
}

export function instanceRows(h: Harness) {
  return h.deps.db.select().from(runtimeInstances).all();
}

export function instanceRowsOf(h: Harness, endpointId: number) {
  return h.deps.db.select().from(runtimeInstances).where(eq(runtimeInstances.endpointId, endpointId)).all();
}

export interface InferReply {
  status: number;
  version: string | null;
  body: { outputs?: { name: string; data: number[] }[]; error?: string };
}

export async function infer(h: Harness, endpoint: string, values: number[], headers: Record<string, string> = {}, path = `/v2/models/${endpoint}/infer`): Promise<InferReply> {
  const res = await fetch(`${h.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ inputs: [{ name: 'x', datatype: 'FP32', shape: [1, values.length], data: values }] }),
  });
  return { status: res.status, version: res.headers.get('x-slipway-version'), body: (await res.json()) as InferReply['body'] };
}

/** Closed-loop load until `stop()` is called; every reply's status and version is kept. */
export function loadUntilStopped(h: Harness, endpoint: string, concurrency: number, headers: Record<string, string> = {}) {
  const replies: { status: number; version: string | null; error?: string }[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      try {
        const r = await infer(h, endpoint, [1, 2, 3, 4], headers);
        replies.push({ status: r.status, version: r.version, error: r.body.error });
      } catch (err) {
        replies.push({ status: 0, version: null, error: (err as Error).message });
      }
    }
  });
  return {
    replies,
    async stop() {
      running = false;
      await Promise.all(loops);
      return replies;
    },
  };
}

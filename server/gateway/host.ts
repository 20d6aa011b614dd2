/**
 * The control plane's handle on the gateway worker thread: starts it, pushes routing tables,
 * and relays its per-second stats and shadow samples.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { GatewayToHost, GatewayWorkerData, HostToGateway } from './messages';
import type { RoutingTable } from './routing-table';
import type { ShadowSample } from './shadow-mirror';
import type { GatewayStatsMessage } from './traffic-stats';

export interface GatewayEvents {
  stats: [GatewayStatsMessage];
  'shadow-sample': [ShadowSample];
  exit: [number];
}

export class GatewayHost extends EventEmitter<GatewayEvents> {
  private constructor(
    private readonly worker: Worker,
    readonly port: number,
  ) {
    super();
  }

  static start(options: GatewayWorkerData, workerUrl: URL): Promise<GatewayHost> {
    // tsx's loader hooks do not reach worker threads on their own; register them, then load the entry.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: options });
    return new Promise((resolve, reject) => {
      const onEarly = (msg: GatewayToHost) => {
        if (msg.type === 'listening') {
          worker.off('message', onEarly);
          const host = new GatewayHost(worker, msg.port);
          worker.on('message', (m: GatewayToHost) => host.relay(m));
          worker.on('exit', (code) => host.emit('exit', code));
          resolve(host);
        } else if (msg.type === 'failed') {
          void worker.terminate();
          reject(new Error(`gateway could not listen on ${options.host}:${options.port}: ${msg.message}`));
        }
      };
      worker.on('message', onEarly);
      worker.once('error', reject);
    });
  }

  private seq = 0;
  private readonly pending = new Map<number, () => void>();

  private relay(msg: GatewayToHost): void {
    if (msg.type === 'routes-applied') {
      // Tables apply in order: an acknowledgement settles every earlier one too.
      for (const [seq, resolve] of this.pending) {
        if (seq <= msg.seq) {
          resolve();
          this.pending.delete(seq);
        }
      }
    } else if (msg.type === 'gateway-stats') this.emit('stats', msg);
    else if (msg.type === 'shadow-sample') this.emit('shadow-sample', msg.sample);
  }

  /** Resolves once the gateway routes by `table`. */
  setRoutes(table: RoutingTable): Promise<void> {
    const seq = ++this.seq;
    const applied = new Promise<void>((resolve) => this.pending.set(seq, resolve));
    this.worker.postMessage({ type: 'routes', seq, table } satisfies HostToGateway);
    return applied;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.on('message', (m: GatewayToHost) => m.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ type: 'close' } satisfies HostToGateway);
    await closed;
    for (const resolve of this.pending.values()) resolve();
    this.pending.clear();
    await this.worker.terminate();
  }
}

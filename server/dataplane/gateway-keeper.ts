/**
 * Keeps one gateway process running for the control plane: adopts the one an earlier control
 * plane left (confirmed over its control socket), or launches one detached into its own session;
 * restarts it with backoff if it dies; drains it on a deliberate stop. Routing snapshots and the
 * gateway's figures go through its `GatewayLink`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { GatewayIdentity, RoutingSnapshot } from '../../protocol/dataplane';
import type { ShadowSample } from '../gateway/shadow-mirror';
import type { GatewayStatsMessage } from '../gateway/traffic-stats';
import { restartDelayMs, restartsAfterCrash } from '../supervisor/backoff';
import { GatewayLink } from './gateway-link';
import { errorLines } from '../supervisor/local-launcher';
import { isAlive, readTail, runsWith, signal, waitForExit } from './process-tools';
import type { GatewayRecord } from './state-file';
import type { DataPlanePaths } from './paths';

export interface GatewaySpec {
  /** node's arguments before the gateway's flags (`DataPlaneEntries.gateway`). */
  entry: readonly string[];
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** KServe v2 gRPC; 0 picks a free port (tests). */
  grpcPort: number;
  maxBodyBytes: number;
  maxConnections: number;
  paths: DataPlanePaths;
  log: Logger;
  startTimeoutMs?: number;
}

export interface GatewayKeeperEvents {
  stats: [GatewayStatsMessage];
  'shadow-sample': [ShadowSample];
  demand: [endpoint: string, held: number];
  /** The process changed (launched, adopted, gone): what the state file records changed. */
  changed: [];
}

interface Running {
  pid: number;
  id: string;
  link: GatewayLink;
  identity: GatewayIdentity;
  startedAtMs: number;
  gone: Promise<void>;
}

export class GatewayKeeper extends EventEmitter<GatewayKeeperEvents> {
  private current?: Running;
  private latest?: RoutingSnapshot;
  private restarts = 0;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;

  constructor(private readonly spec: GatewaySpec) {
    super();
  }

  get port(): number {
    return this.current?.identity.port ?? this.spec.port;
  }

  get grpcPort(): number {
    return this.current?.identity.grpcPort ?? this.spec.grpcPort;
  }

  record(): GatewayRecord | null {
    const c = this.current;
    return c ? { id: c.id, pid: c.pid, controlSocket: this.spec.paths.gatewayControlSocket, port: c.identity.port, grpcPort: c.identity.grpcPort, logPath: this.logPath } : null;
  }

  private get logPath(): string {
    return join(this.spec.paths.logDir, 'gateway.log');
  }

  /** Adopts `previous` when it is alive, says it is that gateway and listens where we would; launches one otherwise. */
  async start(previous: GatewayRecord | null): Promise<{ adopted: boolean }> {
    if (previous && isAlive(previous.pid)) {
      const adopted = await this.tryAdopt(previous);
      if (adopted) return { adopted: true };
    }
    await this.launch();
    return { adopted: false };
  }

  /** Resolves once the gateway routes by `snapshot`. */
  publish(snapshot: RoutingSnapshot): Promise<void> {
    this.latest = snapshot;
    return this.current ? this.current.link.publish(snapshot) : Promise.resolve();
  }

  /** Graceful stop: the gateway stops accepting, answers what it accepted, exits. */
  async drain(timeoutMs = 30_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const c = this.current;
    if (!c) return;
    if (c.link.connected) c.link.drain();
    else if (runsWith(c.pid, '--gateway-id', c.id)) signal(c.pid, 'SIGTERM');
    if (!(await waitForExit(c.pid, timeoutMs)) && runsWith(c.pid, '--gateway-id', c.id)) signal(c.pid, 'SIGKILL');
    await c.gone;
    c.link.close();
  }

  /** The control plane goes away, the gateway stays. */
  detach(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.current?.link.close();
  }

  private async tryAdopt(previous: GatewayRecord): Promise<boolean> {
    const link = new GatewayLink(previous.controlSocket, () => isAlive(previous.pid));
    const identity = await this.identityOf(link, previous.pid, 5000);
    if (!identity || identity.gatewayId !== previous.id || identity.pid !== previous.pid || identity.draining) {
      link.close();
      return false;
    }
    const grpcMoved = identity.grpcPort === undefined || (this.spec.grpcPort !== 0 && identity.grpcPort !== this.spec.grpcPort);
    if (identity.host !== this.spec.host || (this.spec.port !== 0 && identity.port !== this.spec.port) || grpcMoved) {
      // Configured to listen elsewhere now: replace it.
      this.spec.log.info({ pid: previous.pid, port: identity.port }, 'draining the previous gateway: its address changed');
      link.drain();
      await waitForExit(previous.pid, 30_000);
      link.close();
      return false;
    }
    this.follow({ pid: previous.pid, id: previous.id, link, identity, startedAtMs: identity.startedAtMs, gone: pollUntilGone(previous.pid) });
    this.spec.log.info({ pid: previous.pid, port: identity.port }, 'gateway adopted');
    return true;
  }

  private async launch(): Promise<void> {
    const id = `g-${randomBytes(6).toString('hex')}`;
    const s = this.spec;
    const args = [...s.entry, '--host', s.host, '--port', String(this.current?.identity.port ?? s.port), '--grpc-port', String(this.current?.identity.grpcPort ?? s.grpcPort), '--control-socket', s.paths.gatewayControlSocket, '--gateway-id', id, '--max-body-bytes', String(s.maxBodyBytes), '--max-connections', String(s.maxConnections)];
    const log = openSync(this.logPath, 'a', 0o600);
    const child = (() => {
      try {
        return spawn(process.execPath, args, { stdio: ['ignore', log, log], detached: true, env: { ...process.env, NODE_ENV: 'production' } });
      } finally {
        closeSync(log);
      }
    })();
    child.unref();
    const gone = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    let exited = false;
    void gone.then(() => (exited = true));
    const link = new GatewayLink(s.paths.gatewayControlSocket, () => !exited);
    const identity = await Promise.race([this.identityOf(link, child.pid!, s.startTimeoutMs ?? 60_000, id), gone.then(() => undefined)]);
    if (!identity) {
      link.close();
      if (!exited) child.kill('SIGKILL');
      const why = errorLines(readTail(this.logPath)).slice(-2).join(' | ') || 'it did not start';
      throw new Error(`the gateway could not listen on ${s.host}:${s.port}: ${why}`);
    }
    this.follow({ pid: child.pid!, id, link, identity, startedAtMs: Date.now(), gone });
    s.log.info({ pid: child.pid, port: identity.port }, 'gateway started');
  }

  private identityOf(link: GatewayLink, pid: number, timeoutMs: number, expectId?: string): Promise<GatewayIdentity | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        link.off('identity', onIdentity);
        resolve(undefined);
      }, timeoutMs);
      const onIdentity = (identity: GatewayIdentity) => {
        // A gateway from before (its socket not yet replaced) may answer first: wait for ours.
        if (expectId && identity.gatewayId !== expectId) return;
        clearTimeout(timer);
        link.off('identity', onIdentity);
        resolve(identity.pid === pid ? identity : undefined);
      };
      link.on('identity', onIdentity);
    });
  }

  private follow(running: Running): void {
    this.current = running;
    running.link.on('stats', (m) => this.emit('stats', m));
    running.link.on('shadow-sample', (m) => this.emit('shadow-sample', m));
    running.link.on('demand', (endpoint, held) => this.emit('demand', endpoint, held));
    if (this.latest) void running.link.publish(this.latest);
    this.emit('changed');
    void running.gone.then(() => {
      if (this.current !== running) return;
      running.link.close();
      if (this.stopping) return;
      this.restarts = restartsAfterCrash(this.restarts, Date.now() - running.startedAtMs);
      const delayMs = restartDelayMs(this.restarts);
      this.spec.log.warn({ pid: running.pid, restarts: this.restarts, delayMs, lastLines: errorLines(readTail(this.logPath)).slice(-2) }, 'gateway exited unexpectedly; restarting');
      this.restartTimer = setTimeout(() => void this.relaunch(), delayMs);
    });
  }

  private async relaunch(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.launch();
    } catch (err) {
      this.restarts++;
      this.spec.log.error({ err: (err as Error).message }, 'gateway restart failed');
      this.restartTimer = setTimeout(() => void this.relaunch(), restartDelayMs(this.restarts));
    }
  }
}

function pollUntilGone(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!isAlive(pid)) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    timer.unref();
  });
}

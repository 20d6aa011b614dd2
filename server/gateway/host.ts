/**
 * A gateway process on its own, for the bench and the gateway's own tests: launches it (no
 * adoption) in a folder of its own and routes by tables given here.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildEntries } from '../dataplane/entry-points';
import { GatewayKeeper } from '../dataplane/gateway-keeper';
import { SnapshotPublisher } from '../dataplane/snapshot-publisher';
import type { RoutingTable } from './routing-table';

export interface StandaloneGatewayOptions {
  projectRoot: string;
  host: string;
  port: number;
  /** KServe v2 gRPC; 0 (the default) picks a free port. */
  grpcPort?: number;
  maxBodyBytes: number;
  maxConnections?: number;
}

export class GatewayHost {
  private constructor(
    private readonly keeper: GatewayKeeper,
    private readonly publisher: SnapshotPublisher,
    private readonly dir: string,
  ) {}

  static async start(o: StandaloneGatewayOptions): Promise<GatewayHost> {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-gw-'));
    const logDir = join(dir, 'logs');
    mkdirSync(logDir);
    const log = pino({ level: 'silent' });
    const keeper = new GatewayKeeper({
      entry: (await buildEntries(o.projectRoot, log)).gateway,
      host: o.host,
      port: o.port,
      grpcPort: o.grpcPort ?? 0,
      maxBodyBytes: o.maxBodyBytes,
      maxConnections: o.maxConnections ?? 10_000,
      paths: { socketDir: dir, lockSocket: join(dir, 'control.sock'), gatewayControlSocket: join(dir, 'gateway.sock'), stateFile: join(dir, 'dataplane.json'), logDir },
      log,
    });
    try {
      await keeper.start(null);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    return new GatewayHost(keeper, new SnapshotPublisher([keeper]), dir);
  }

  get grpcPort(): number {
    return this.keeper.grpcPort;
  }

  get port(): number {
    return this.keeper.port;
  }

  get pid(): number | undefined {
    return this.keeper.record()?.pid;
  }

  setRoutes(table: RoutingTable): Promise<void> {
    return this.publisher.publish(table);
  }

  async close(): Promise<void> {
    await this.keeper.drain();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

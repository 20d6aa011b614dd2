/**
 * The control plane's end of one gateway's control channel: connects to its control socket,
 * learns who it is, sends routing snapshots (the latest one again after every reconnect) and
 * relays the figures it reports. Reconnects while `alive()` says the gateway still runs.
 */
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { MAX_CONTROL_LINE_BYTES, type ControlToGateway, type GatewayIdentity, type GatewayToControl, type RoutingSnapshot } from '../../protocol/dataplane';
import { NdjsonReader, ndjsonLine } from '../../protocol/ndjson';
import type { ShadowSample } from '../gateway/shadow-mirror';
import type { GatewayStatsMessage } from '../gateway/traffic-stats';

const RECONNECT_MS = 200;

export interface GatewayLinkEvents {
  identity: [GatewayIdentity];
  stats: [GatewayStatsMessage];
  'shadow-sample': [ShadowSample];
  /** Requests the gateway holds for an endpoint with no ready replica (0: released). */
  demand: [endpoint: string, held: number];
  drained: [];
  down: [];
}

export class GatewayLink extends EventEmitter<GatewayLinkEvents> {
  private socket?: Socket;
  private latest?: RoutingSnapshot;
  private readonly pending = new Map<number, () => void>();
  private closed = false;
  private retry?: NodeJS.Timeout;
  identity?: GatewayIdentity;

  constructor(
    private readonly controlSocket: string,
    private readonly alive: () => boolean,
  ) {
    super();
    this.open();
  }

  get connected(): boolean {
    return this.socket !== undefined && this.identity !== undefined;
  }

  /** Resolves once the gateway routes by `snapshot` (or the gateway is gone: nothing routes then). */
  publish(snapshot: RoutingSnapshot): Promise<void> {
    this.latest = snapshot;
    const applied = new Promise<void>((resolve) => this.pending.set(snapshot.version, resolve));
    if (this.connected) this.send({ type: 'routes', snapshot });
    else if (!this.alive()) this.settleAll();
    return applied;
  }

  drain(): void {
    this.send({ type: 'drain' });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.socket?.destroy();
    this.settleAll();
  }

  private send(msg: ControlToGateway): void {
    this.socket?.write(ndjsonLine(msg));
  }

  private open(): void {
    if (this.closed) return;
    const socket = connect(this.controlSocket);
    const reader = new NdjsonReader((value) => this.onMessage(socket, value as GatewayToControl), MAX_CONTROL_LINE_BYTES);
    socket.on('data', (chunk) => reader.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (this.socket === socket) {
        this.socket = undefined;
        this.identity = undefined;
        this.emit('down');
      }
      if (!this.alive()) this.settleAll();
      if (!this.closed && this.alive()) this.retry = setTimeout(() => this.open(), RECONNECT_MS);
    });
  }

  private onMessage(socket: Socket, msg: GatewayToControl): void {
    if (msg.type === 'identity') {
      this.socket = socket;
      this.identity = msg;
      this.emit('identity', msg);
      if (this.latest) this.send({ type: 'routes', snapshot: this.latest });
    } else if (msg.type === 'routes-applied') {
      // Snapshots apply in order: an acknowledgement settles every earlier one too.
      for (const [version, resolve] of this.pending) {
        if (version <= msg.version) {
          resolve();
          this.pending.delete(version);
        }
      }
    } else if (msg.type === 'gateway-stats') this.emit('stats', msg as unknown as GatewayStatsMessage);
    else if (msg.type === 'shadow-sample') this.emit('shadow-sample', msg.sample as ShadowSample);
    else if (msg.type === 'drained') this.emit('drained');
    else if (msg.type === 'demand') this.emit('demand', msg.endpoint, msg.held);
  }

  private settleAll(): void {
    for (const resolve of this.pending.values()) resolve();
    this.pending.clear();
  }
}

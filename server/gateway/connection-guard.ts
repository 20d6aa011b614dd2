/**
 * Protects the gateway's file descriptors: at most `maxConnections` client connections. When a
 * new one would pass the cap, the longest-idle connections (no request in flight) are shed to
 * make room, so a flood of idle sockets can never lock out a fresh client; only when every
 * connection is busy is the newcomer refused. Slow or silent clients are cut by the header and
 * idle timeouts set here too.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  maxConnections: number;
  /** Time allowed to send a request's headers. */
  headersTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed. */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { maxConnections: 10_000, headersTimeoutMs: 10_000, idleTimeoutMs: 120_000, keepAliveTimeoutMs: 65_000 };

/** How many idle connections to shed at once when the cap is reached: a twentieth, at least one. */
export function shedCount(maxConnections: number): number {
  return Math.max(1, Math.floor(maxConnections / 20));
}

export class ConnectionGuard {
  /** Idle sockets and since when (ms), oldest first (a Map keeps insertion order; re-inserted when they turn idle). */
  private readonly idle = new Map<Socket, number>();
  private readonly busy = new Map<Socket, number>();
  shed = 0;
  refused = 0;
  /** Requests answered in full, and requests whose connection closed before their answer was sent. */
  answered = 0;
  cut = 0;

  constructor(
    server: http.Server,
    private readonly limits: ConnectionLimits,
  ) {
    server.headersTimeout = limits.headersTimeoutMs;
    server.requestTimeout = 0; // a long inference is not a slow client; the idle timeout covers silence
    server.keepAliveTimeout = limits.keepAliveTimeoutMs;
    server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
    server.on('connection', (socket: Socket) => this.admit(socket));
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const socket = req.socket;
      this.idle.delete(socket);
      this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
      res.once('close', () => {
        if (res.writableFinished) this.answered++;
        else this.cut++;
        const left = (this.busy.get(socket) ?? 1) - 1;
        if (left > 0) this.busy.set(socket, left);
        else {
          this.busy.delete(socket);
          if (!socket.destroyed) this.idle.set(socket, Date.now());
        }
      });
    });
  }

  get connections(): number {
    return this.idle.size + this.busy.size;
  }

  private admit(socket: Socket): void {
    if (this.connections >= this.limits.maxConnections) {
      let n = shedCount(this.limits.maxConnections);
      for (const old of this.idle.keys()) {
        if (n-- <= 0) break;
        this.idle.delete(old);
        old.destroy();
        this.shed++;
      }
      if (this.connections >= this.limits.maxConnections) {
        this.refused++;
        socket.destroy();
        return;
      }
    }
    this.idle.set(socket, Date.now());
    socket.once('close', () => {
      this.idle.delete(socket);
      this.busy.delete(socket);
    });
  }

  /**
   * For a stop: closes connections with no request in flight for at least `idleMs`. Closing one
   * the moment it turns idle would race the request its client is already sending on it.
   */
  closeIdleFor(idleMs: number, nowMs = Date.now()): void {
    for (const [socket, sinceMs] of this.idle) {
      if (nowMs - sinceMs < idleMs) break; // oldest first: the rest are younger
      this.idle.delete(socket);
      socket.destroy();
    }
  }
}

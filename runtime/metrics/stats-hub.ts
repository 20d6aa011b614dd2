/**
 * Hands each per-second stats message to whoever subscribed to the runtime's stats stream (the
 * control plane). The runtime never waits for a subscriber: with none, or one that lags behind by
 * more than `maxBufferedBytes`, the message is dropped and counted.
 */
import type { ServerResponse } from 'node:http';
import { ndjsonLine } from '../../protocol/ndjson';

export class StatsHub {
  private readonly subscribers = new Set<ServerResponse>();
  dropped = 0;

  constructor(private readonly maxBufferedBytes = 1024 * 1024) {}

  subscribe(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
    res.flushHeaders();
    this.subscribers.add(res);
    res.once('close', () => this.subscribers.delete(res));
  }

  publish(message: unknown): void {
    if (this.subscribers.size === 0) {
      this.dropped++;
      return;
    }
    const line = ndjsonLine(message);
    for (const res of this.subscribers) {
      if (res.writableLength > this.maxBufferedBytes) this.dropped++;
      else res.write(line);
    }
  }

  /** Ends every stream, so closing the server does not wait for subscribers that never hang up. */
  closeAll(): void {
    for (const res of this.subscribers) res.end();
    this.subscribers.clear();
  }
}

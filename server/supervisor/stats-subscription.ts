/**
 * The control plane's end of a runtime's stats stream: one long GET over the runtime's socket,
 * NDJSON lines checked against `RuntimeStats`, re-opened while the runtime lives (a restarted
 * control plane simply subscribes again; the runtime dropped what nobody received meanwhile).
 */
import http from 'node:http';
import { MAX_CONTROL_LINE_BYTES, RUNTIME_STATS_STREAM_PATH } from '../../protocol/dataplane';
import { NdjsonReader } from '../../protocol/ndjson';
import { RuntimeStats } from '../../protocol/stats';

const RETRY_MS = 500;

export function subscribeStats(socketPath: string, onStats: (stats: RuntimeStats) => void): { close(): void } {
  let closed = false;
  let req: http.ClientRequest | undefined;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    req = undefined;
    if (!closed) retry = setTimeout(open, RETRY_MS);
  };
  const open = () => {
    if (closed) return;
    const reader = new NdjsonReader((value) => {
      const parsed = RuntimeStats.safeParse(value);
      if (parsed.success) onStats(parsed.data);
    }, MAX_CONTROL_LINE_BYTES);
    req = http.get({ socketPath, path: RUNTIME_STATS_STREAM_PATH, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        res.once('end', again);
        return;
      }
      res.on('data', (chunk: Buffer) => reader.push(chunk));
      res.once('close', again);
    });
    req.once('error', again);
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      req?.destroy();
    },
  };
}

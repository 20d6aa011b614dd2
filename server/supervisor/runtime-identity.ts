/** Asks a runtime over its socket who it is (for adoption after a control-plane restart). */
import http from 'node:http';
import { RUNTIME_IDENTITY_PATH, type RuntimeIdentity } from '../../protocol/dataplane';

export function fetchRuntimeIdentity(socketPath: string, timeoutMs: number): Promise<RuntimeIdentity | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: RUNTIME_IDENTITY_PATH, timeout: timeoutMs, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        if (text.length > 64 * 1024) req.destroy();
      });
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 ? (JSON.parse(text) as RuntimeIdentity) : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

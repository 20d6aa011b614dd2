/**
 * Keep-alive connections to runtime replicas over unix sockets. Each replica has its own agent so
 * its sockets are pooled and reused; a failure to connect (before any response byte) is reported
 * as `retryable` so the caller can retry elsewhere, since inference is idempotent.
 */
import http from 'node:http';
import type { ReplicaAddress } from './routing-table';

export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

// Content-Encoding passes through: the runtime inflates (tritonclient's request compression).
const FORWARDED_REQUEST_HEADERS = ['content-type', 'inference-header-content-length', 'content-encoding', 'accept'];

export class UpstreamPool {
  private readonly agents = new Map<string, http.Agent>();

  private agentFor(replica: ReplicaAddress): http.Agent {
    let agent = this.agents.get(replica.id);
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 64 });
      this.agents.set(replica.id, agent);
    }
    return agent;
  }

  /** Drops pooled connections of replicas that left the routing table. */
  retain(ids: ReadonlySet<string>): void {
    for (const [id, agent] of this.agents) {
      if (!ids.has(id)) {
        agent.destroy();
        this.agents.delete(id);
      }
    }
  }

  /** `body` is sent chunk by chunk as received from the client (one writev, no concatenation). */
  request(replica: ReplicaAddress, method: string, path: string, headers: http.IncomingHttpHeaders, body?: readonly Buffer[], timeoutMs = 120_000): Promise<UpstreamResponse> {
    const outHeaders: http.OutgoingHttpHeaders = {};
    for (const name of FORWARDED_REQUEST_HEADERS) if (headers[name] !== undefined) outHeaders[name] = headers[name];
    if (body) outHeaders['content-length'] = body.reduce((n, c) => n + c.length, 0);
    return new Promise((resolve, reject) => {
      let responded = false;
      const req = http.request(
        { socketPath: replica.socketPath, method, path, headers: outHeaders, agent: this.agentFor(replica) },
        (res) => {
          responded = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
          res.on('error', (err) => reject(new UpstreamError(`runtime response failed: ${err.message}`, false)));
        },
      );
      let timedOut = false;
      req.setTimeout(timeoutMs, () => {
        timedOut = true;
        req.destroy(new Error(`runtime did not answer within ${timeoutMs} ms`));
      });
      req.on('error', (err) => {
        if (responded) return;
        // No response byte yet (refused, socket gone, or the replica died mid-request): inference
        // is idempotent, so the caller may retry on another replica. A timeout is not retried.
        reject(new UpstreamError(`runtime unreachable: ${err.message}`, !timedOut));
      });
      req.cork();
      for (const chunk of body ?? []) req.write(chunk);
      req.end();
      req.uncork();
    });
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

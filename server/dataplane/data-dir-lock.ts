/**
 * One control plane per data dir. The lock is a unix socket the holder listens on: the kernel
 * releases it when the holder dies (even by kill -9), so a stale lock is told apart from a live
 * one by connecting to it. A live holder answers with who it is, for the refusal's message.
 */
import { unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';

export interface LockHolder {
  pid: number;
  port: number;
  gatewayPort: number;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockHolder | undefined,
    dataDir: string,
  ) {
    super(
      holder
        ? `slipway: the data dir ${dataDir} is in use by another control plane (pid ${holder.pid}, ports ${holder.port} and ${holder.gatewayPort}); stop it first (npm run stop)`
        : `slipway: the data dir ${dataDir} is in use by another control plane`,
    );
    this.name = 'DataDirLockedError';
  }
}

function listen(server: Server, path: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    server.listen(path, () => resolve(undefined));
  });
}

/** Asks a lock socket who holds it; undefined when nobody answers (a stale socket file). */
export function askHolder(path: string, timeoutMs = 2000): Promise<LockHolder | 'silent' | undefined> {
  return new Promise((resolve) => {
    const socket = connect(path);
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('silent');
    }, timeoutMs);
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(text) as LockHolder);
      } catch {
        resolve('silent');
      }
    });
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}

export interface DataDirLock {
  /** Fills in what a second start is told (ports are known only once bound). */
  describe(holder: LockHolder): void;
  release(): Promise<void>;
}

export async function acquireDataDirLock(lockSocket: string, dataDir: string): Promise<DataDirLock> {
  let holder: LockHolder = { pid: process.pid, port: 0, gatewayPort: 0 };
  const server = createServer((socket) => socket.end(JSON.stringify(holder)));
  for (let attempt = 0; attempt < 3; attempt++) {
    const err = await listen(server, lockSocket);
    if (!err) {
      server.unref();
      return {
        describe: (h) => (holder = h),
        release: () => new Promise((resolve) => server.close(() => resolve())),
      };
    }
    if (err.code !== 'EADDRINUSE') throw err;
    const answer = await askHolder(lockSocket);
    if (answer !== undefined) throw new DataDirLockedError(answer === 'silent' ? undefined : answer, dataDir);
    // Nobody listens: the previous holder died. Take its place.
    try {
      unlinkSync(lockSocket);
    } catch {
      // Another starter removed it first; the next listen decides.
    }
  }
  throw new DataDirLockedError(undefined, dataDir);
}

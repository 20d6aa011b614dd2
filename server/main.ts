/**
 * The composition root, run by `npm start`: config → the data dir's lock → data dir → database
 * (migrated) → admin token → services (registered on globalThis) → demo seed → data plane
 * (adopted or launched) → Next.js on SLIPWAY_HOST:PORT. Nothing else in server/ has start-up effects.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { closeDatabase, migrate, openDatabase } from '../db/client';
import { bootstrapAdmin } from './auth';
import { ConfigError, loadConfig, type Config } from './config';
import { clearServices, registerServices } from './context';
import { prepareDataDir, writeAdminTokenFile } from './data-dir';
import { resolveDemoModelPath } from './demo/demo-model-path';
import { seedDemo } from './demo/seed-demo';
import type { ServiceDeps } from './deps';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './dataplane/data-dir-lock';
import { dataPlanePaths, ensurePrivateDir } from './dataplane/paths';
import { createLogger } from './log';
import { startControlPlane } from './control-plane';
import { sweepArtifacts } from './registry/sweep-artifacts';
import { buildServices } from './services';
import { startWebServer } from './web/next-server';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function readConfig(): Config {
  try {
    return loadConfig(PROJECT_ROOT);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** Before anything touches the data dir: a second control plane on it must disturb nothing. */
async function lockDataDir(config: Config): Promise<DataDirLock> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const paths = dataPlanePaths(config.dataDir);
  try {
    ensurePrivateDir(paths.socketDir);
    return await acquireDataDirLock(paths.lockSocket, config.dataDir);
  } catch (err) {
    console.error(err instanceof DataDirLockedError ? err.message : `slipway: cannot use the data dir ${config.dataDir}: ${(err as Error).message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  // Everything this process creates (database, artifacts, uploads, runtimes' sockets) is owner-only.
  process.umask(0o077);
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const lock = await lockDataDir(config);
  const { staleTmpFiles, tightened } = prepareDataDir(config);
  if (staleTmpFiles > 0) log.info({ staleTmpFiles }, 'removed stale temp uploads');
  if (tightened.length > 0) log.warn({ paths: tightened }, 'made data files owner-only (they were readable by other users)');

  const db = openDatabase(config.paths.database);
  migrate(db, config.paths.migrations);
  const deps: ServiceDeps = { db, config, now: () => new Date() };
  // Before the demo seed and before serving: no upload can be between its file and its row yet.
  const orphans = sweepArtifacts(deps);
  if (orphans.length > 0) log.info({ files: orphans.length }, 'removed artifact files that no version references');

  const admin = bootstrapAdmin(deps);
  if (admin.generatedSecret) {
    writeAdminTokenFile(config.paths.adminTokenFile, admin.generatedSecret);
    console.log(`slipway: generated an admin token (shown once; also saved to ${config.paths.adminTokenFile}):\n  ${admin.generatedSecret}`);
  } else if (admin.step !== 'keep') {
    log.info({ step: admin.step }, 'admin token from SLIPWAY_ADMIN_TOKEN');
  }

  // Seed before the data plane starts, so its first routing table already holds the demo endpoint.
  if (config.demo) {
    try {
      if (await seedDemo(buildServices(deps), resolveDemoModelPath())) log.info('seeded the demo model and endpoint "text-orientation"');
    } catch (err) {
      // The demo is a convenience: a failed seed must not keep the control plane down.
      log.warn({ err }, 'could not seed the demo');
    }
  }

  const core = await startControlPlane(deps, log, {
    projectRoot: config.paths.projectRoot,
    host: config.host,
    gatewayPort: config.gatewayPort,
    grpcPort: config.grpcPort,
    gatewayMaxConnections: config.gatewayMaxConnections,
  });
  const { services } = core;
  registerServices(services);
  const { adopted } = core.plane;
  if (adopted.gateway || adopted.runtimes > 0) console.log(`slipway: took over the running data plane (gateway: ${adopted.gateway ? 'adopted' : 'restarted'}, runtimes adopted: ${adopted.runtimes})`);
  console.log(`slipway: inference gateway (KServe v2) listening on http://${config.host}:${core.plane.gateway.port}`);
  console.log(`slipway: inference gateway (KServe v2 gRPC) listening on ${config.host}:${core.plane.gateway.grpcPort}`);

  const server = await startWebServer({
    dir: config.paths.projectRoot,
    host: config.host,
    port: config.port,
    onError: (err) => log.error({ err }, 'request failed in the web handler'),
  });
  lock.describe({ pid: process.pid, port: config.port, gatewayPort: core.plane.gateway.port });
  console.log(`slipway: control plane listening on http://${config.host}:${config.port}`);

  installShutdown(server, async () => {
    // The gateway answers what it accepted, then runtimes drain, all before the database closes.
    await core.stop();
    clearServices();
    closeDatabase(db);
    await lock.release();
    rmSync(core.plane.paths.socketDir, { recursive: true, force: true });
  });
}

function installShutdown(server: Server, closeRest: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`slipway: ${signal} received, shutting down`);
    server.close(() => {
      closeRest().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`slipway: shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
    // Keep-alive connections would hold close() open; they get no new requests once closing.
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
    }, 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`slipway: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

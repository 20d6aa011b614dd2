/**
 * Child process of the bench: Slipway as a user gets it, the demo endpoint with its default config
 * (auto sizing) behind the gateway, on a fresh data dir. The real control-plane core (no web
 * server); prints `{"event":"ready","port":gateway,"socket":runtime socket,"pid":runtime pid,
 * "effective":{…}}` once the endpoint serves, and drains on SIGTERM.
 *
 * node --import tsx bench/default-endpoint.ts --model m.onnx --name demo
 */
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { closeDatabase, migrate, openDatabase } from '../db/client';
import { parseConfig } from '../server/config';
import { startControlPlane } from '../server/control-plane';
import { REPO_ROOT } from './processes';

const { values } = parseArgs({ options: { model: { type: 'string' }, name: { type: 'string', default: 'demo' }, config: { type: 'string', default: '{}' } } });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'slipway-bench-'));
const config = parseConfig({ ...process.env, SLIPWAY_DATA_DIR: dataDir, SLIPWAY_LOG_LEVEL: 'silent' }, { cwd: dataDir, projectRoot: REPO_ROOT });
mkdirSync(config.paths.artifacts, { recursive: true });
mkdirSync(config.paths.tmp, { recursive: true });
const db = openDatabase(config.paths.database);
migrate(db, config.paths.migrations);
const core = await startControlPlane({ db, config, now: () => new Date() }, pino({ level: 'silent' }), { projectRoot: REPO_ROOT, host: '127.0.0.1', gatewayPort: 0 });
const { services } = core;
services.models.create({ name: values.name }, 'bench');
const version = await services.versions.register({ model: values.name, body: createReadStream(values.model!) }, 'bench');
const endpoint = services.endpoints.create({ name: values.name, model: values.name, version: version.version, config: JSON.parse(values.config) as Record<string, unknown> }, 'bench');
core.plane.supervisor.trigger();
for (;;) {
  const ready = core.plane.supervisor.readyReplicas().get(values.name)?.get(version.version);
  if (ready?.length) break;
  await new Promise((r) => setTimeout(r, 100));
}
const record = core.plane.supervisor.records()[0]!;
process.stdout.write(`${JSON.stringify({ event: 'ready', port: core.plane.gateway.port, socket: record.socketPath, pid: record.pid, gatewayPid: core.plane.gateway.record()?.pid, effective: services.endpoints.get(endpoint.name).effective })}\n`);

process.on('SIGTERM', () => {
  void core.stop().then(() => {
    closeDatabase(db);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});

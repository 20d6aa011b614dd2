/**
 * `npm run stop`: stops the Slipway instance that uses this data dir (SLIPWAY_DATA_DIR, default
 * ./data). With a control plane running, it is asked to stop (SIGTERM: the gateway answers what it
 * accepted, then the runtimes drain). When the control plane is gone but its data plane runs on,
 * the gateway and runtimes named in the data dir's state file are drained directly.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config';
import { askHolder } from '../server/dataplane/data-dir-lock';
import { GatewayLink } from '../server/dataplane/gateway-link';
import { dataPlanePaths } from '../server/dataplane/paths';
import { isAlive, runsWith, signal, waitForExit } from '../server/dataplane/process-tools';
import { readStateFile, removeStateFile } from '../server/dataplane/state-file';

const GRACE_MS = 30_000;
const config = loadConfig(fileURLToPath(new URL('..', import.meta.url)));
const paths = dataPlanePaths(config.dataDir);

async function stopControlPlane(pid: number): Promise<void> {
  console.log(`slipway stop: asking the control plane (pid ${pid}) to stop`);
  signal(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 2 * GRACE_MS))) {
    console.error(`slipway stop: the control plane (pid ${pid}) did not stop within ${(2 * GRACE_MS) / 1000} s`);
    process.exit(1);
  }
}

async function stopDataPlane(): Promise<number> {
  const state = readStateFile(paths.stateFile);
  if (!state) return 0;
  let stopped = 0;
  const gw = state.gateway;
  if (gw && isAlive(gw.pid) && runsWith(gw.pid, '--gateway-id', gw.id)) {
    // The gateway first: it stops taking requests and answers the ones it holds while runtimes still serve.
    const link = new GatewayLink(gw.controlSocket, () => isAlive(gw.pid));
    link.once('identity', () => link.drain());
    if (!(await waitForExit(gw.pid, 5000))) signal(gw.pid, 'SIGTERM');
    if (!(await waitForExit(gw.pid, GRACE_MS))) signal(gw.pid, 'SIGKILL');
    link.close();
    stopped++;
  }
  const ours = state.runtimes.filter((r) => isAlive(r.pid) && runsWith(r.pid, '--instance-id', r.id));
  for (const r of ours) signal(r.pid, 'SIGTERM');
  await Promise.all(
    ours.map(async (r) => {
      if (!(await waitForExit(r.pid, GRACE_MS))) signal(r.pid, 'SIGKILL');
    }),
  );
  stopped += ours.length;
  removeStateFile(paths.stateFile);
  return stopped;
}

const holder = await askHolder(paths.lockSocket);
if (holder && holder !== 'silent') await stopControlPlane(holder.pid);
const stopped = await stopDataPlane();
if (holder === undefined || holder === 'silent') rmSync(paths.socketDir, { recursive: true, force: true });
console.log(holder && holder !== 'silent' ? 'slipway stop: stopped' : stopped > 0 ? `slipway stop: stopped the data plane (${stopped} processes) left by a control plane that is gone` : 'slipway stop: nothing was running');

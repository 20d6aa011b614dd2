/**
 * The data plane's state file (`<data>/dataplane.json`): which gateway and runtime processes this
 * data dir's control plane launched, so the next one can find and adopt them after a crash or
 * restart, and `npm run stop` can stop them when no control plane runs. Written atomically
 * (temp file + rename, owner-only); read leniently (a missing or damaged file means "none").
 */
import { renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export const GatewayRecord = z.object({
  id: z.string(),
  pid: z.number().int().positive(),
  controlSocket: z.string(),
  port: z.number().int(),
  /** Absent in files written before the gateway served gRPC. */
  grpcPort: z.number().int().optional(),
  logPath: z.string(),
});
export type GatewayRecord = z.infer<typeof GatewayRecord>;

export const RuntimeRecord = z.object({
  id: z.string(),
  pid: z.number().int().positive(),
  socketPath: z.string(),
  logPath: z.string(),
  endpoint: z.string(),
  version: z.number().int(),
  replica: z.number().int(),
  configHash: z.string(),
});
export type RuntimeRecord = z.infer<typeof RuntimeRecord>;

export const DataPlaneState = z.object({
  controlPlanePid: z.number().int(),
  gateway: GatewayRecord.nullable(),
  runtimes: z.array(RuntimeRecord),
});
export type DataPlaneState = z.infer<typeof DataPlaneState>;

export function readStateFile(path: string): DataPlaneState | undefined {
  try {
    const parsed = DataPlaneState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeStateFile(path: string, state: DataPlaneState): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 1), { mode: 0o600 });
  renameSync(tmp, path);
}

export function removeStateFile(path: string): void {
  rmSync(path, { force: true });
}

/**
 * How runtimes are launched and found again: the one seam between the supervisor and where
 * processes run. `LocalLauncher` spawns co-located processes in their own session, so they outlive
 * the control plane; a Kubernetes launcher could implement the same with pods.
 */
import type { RuntimeStats } from '../../protocol/stats';
import type { SizedConfig } from '../sizing';
import type { RuntimeRecord } from '../dataplane/state-file';

export interface LaunchSpec {
  instanceId: string;
  endpoint: string;
  version: number;
  replica: number;
  modelPath: string;
  /** `auto` already resolved: the runtime is told numbers. */
  config: SizedConfig;
  socketPath: string;
  /** Where the process writes its log (stdout and stderr), so it never depends on our pipes. */
  logPath: string;
}

export interface RuntimeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the runtime logged: the reason it failed, usually. */
  lastOutput: string;
  /** False for an adopted process: it is not our child, so its exit status is unknown. */
  known: boolean;
}

export interface LaunchHooks {
  onStats(stats: RuntimeStats): void;
}

export interface RuntimeHandle {
  readonly pid: number | undefined;
  /** Resolves when the runtime reports it is ready; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<RuntimeExit>;
  /** SIGTERM (drain), then SIGKILL after `graceMs`. Resolves when the process is gone. */
  stop(graceMs: number): Promise<RuntimeExit>;
  /** SIGKILL now: an unresponsive runtime. */
  kill(): void;
  /** Stops watching (stats, exit) without touching the process: the control plane is going away, the runtime is not. */
  detach(): void;
}

export interface Launcher {
  launch(spec: LaunchSpec, hooks: LaunchHooks): RuntimeHandle;
  /** A handle on a process an earlier control plane launched, once it confirms who it is; undefined otherwise. */
  adopt(record: RuntimeRecord, hooks: LaunchHooks): Promise<{ handle: RuntimeHandle; ready: boolean } | undefined>;
}

/**
 * How runtimes are launched: the one seam between the supervisor and where processes run.
 * `LocalLauncher` spawns co-located processes; a Kubernetes launcher could implement the same.
 */
import type { RuntimeStats } from '../../protocol/stats';
import type { RuntimeConfig } from '../endpoints/schemas';

export interface LaunchSpec {
  instanceId: string;
  endpoint: string;
  version: number;
  replica: number;
  modelPath: string;
  config: RuntimeConfig;
  socketPath: string;
}

export interface RuntimeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the runtime wrote to stderr: the reason it failed, usually. */
  lastOutput: string;
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
}

export interface Launcher {
  launch(spec: LaunchSpec, hooks: LaunchHooks): RuntimeHandle;
}

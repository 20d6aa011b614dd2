/**
 * Scratch runtimes: what the tuner (and the tuner-vs-sweep bench) measures a candidate on. One
 * process of the model with the candidate's knobs, on a socket of its own, never routed; retired
 * (stopped, its log removed) when the search moves to the next candidate.
 */
import { rmSync } from 'node:fs';
import type { RuntimeConfig } from '../endpoints/schemas';
import type { Launcher } from '../supervisor/launcher';
import type { SizedConfig } from '../sizing';
import type { Candidate } from './search';
import { isFixedDim } from '../../protocol/datatypes';
import type { SignatureTensor } from './synthetic-request';

const STOP_GRACE_MS = 5_000;
/** The largest batch the search tries on a model whose batch dimension is dynamic. */
const DYNAMIC_BATCH_CAP = 64;

export interface ScratchRuntime {
  socketPath: string;
  /** Resolves when the runtime serves; rejects if it exits first. */
  ready: Promise<void>;
  retire(): Promise<void>;
}

export interface ScratchSpec {
  instanceId: string;
  endpoint: string;
  version: number;
  modelPath: string;
  /** The endpoint's config; the candidate's knobs replace its own. */
  base: RuntimeConfig;
  candidate: Candidate;
  socketPath: string;
  logPath: string;
}

/**
 * A fixed batch dimension means the runtime serves the model unbatched (cap 0: only batch 1).
 * A named dimension is dynamic, as the runtime reads it (runtime/model/signature.ts).
 */
export function batchCapOf(inputs: readonly SignatureTensor[]): number {
  return inputs.every((t) => t.shape.length > 0 && !isFixedDim(t.shape[0]!)) ? DYNAMIC_BATCH_CAP : 0;
}

/** The endpoint's config with the candidate's knobs; no cache (it would measure the cache), no autoscaling. */
export function scratchConfig(base: RuntimeConfig, c: Candidate): SizedConfig {
  const { autoscaling: _policy, ...rest } = base;
  return { ...rest, replicas: 1, cache: { ...base.cache, enabled: false }, warmupRuns: 1, intraOpSpinning: false, ...c };
}

export function launchScratch(launcher: Launcher, s: ScratchSpec): ScratchRuntime {
  const handle = launcher.launch(
    { instanceId: s.instanceId, endpoint: s.endpoint, version: s.version, replica: 0, modelPath: s.modelPath, config: scratchConfig(s.base, s.candidate), socketPath: s.socketPath, logPath: s.logPath },
    { onStats: () => undefined },
  );
  return {
    socketPath: s.socketPath,
    ready: handle.ready,
    async retire() {
      await handle.stop(STOP_GRACE_MS);
      rmSync(s.logPath, { force: true });
    },
  };
}

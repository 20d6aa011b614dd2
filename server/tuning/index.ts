/** Tuning: the built-in model analyzer (search on scratch runtimes, stored measurements, apply). */
import { bindTo } from '../common/bind';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { actOnTuning, getTuning } from './act-on-tuning';
import { listTunings, startTuning } from './start-tuning';
import type { TuningAction } from './schemas';
import type { TuningRunner } from './tuning-runner';

export { TuningRunner, type TuningRunnerOptions } from './tuning-runner';

/** Without a runner (services with no data plane) every verb but reads is UNAVAILABLE. */
export function createTunings(deps: ServiceDeps, runner: TuningRunner | undefined, changed: () => void) {
  const need = (): TuningRunner => {
    if (!runner) throw new AppError('UNAVAILABLE', 'Tuning needs the data plane, which this process does not run.');
    return runner;
  };
  const bind = bindTo(deps);
  return {
    start: (endpoint: string, input: unknown, actor: string) => startTuning(deps, need(), endpoint, input, actor),
    list: bind(listTunings),
    get: bind(getTuning),
    act: (endpoint: string, id: number, action: TuningAction, actor: string) => {
      const t = actOnTuning(deps, need(), endpoint, id, action, actor);
      // An applied config is desired state: the supervisor rolls the replicas now, not at its next tick.
      if (action === 'apply') changed();
      return t;
    },
  };
}

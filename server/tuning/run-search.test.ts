import { describe, expect, it } from 'vitest';
import { fullSweepStep } from './full-sweep';
import { runSearch, type SearchLoop } from './run-search';
import { candidateKey, type Measurement } from './search';

/** Scratch runtimes as a log of what happened to them, in order. */
function harness(o: { failLaunch?: number; abortAfterPoints?: number } = {}) {
  const log: string[] = [];
  const abort = new AbortController();
  let points = 0;
  const loop: SearchLoop = {
    // One core, batches 1 and 2: four candidates (b1; b2 with no delay, 1 ms, 1 ms preferring 2), 2 points each.
    next: (ms: readonly Measurement[]) => fullSweepStep({ cores: 1, p99Ms: 50, concurrencies: [1, 4], maxBatchCap: 64, deadlineMs: Infinity, batches: [1, 2] }, ms, 0),
    launch: (candidate) => {
      const key = candidateKey(candidate);
      log.push(`launch ${key}`);
      const failed = o.failLaunch !== undefined && log.filter((l) => l.startsWith('launch')).length === o.failLaunch;
      const ready = failed ? Promise.reject(new Error('runtime exited with code 1')) : Promise.resolve();
      return { socketPath: `/tmp/${key}.sock`, ready, retire: async () => void log.push(`retire ${key}`) };
    },
    measure: async (socketPath, concurrency) => {
      log.push(`measure ${socketPath} c=${concurrency}`);
      if (++points === o.abortAfterPoints) abort.abort();
      return { throughputPerSec: 100 * concurrency, p50Ms: 1, p99Ms: 2, errors: 0 };
    },
    signal: abort.signal,
    onProgress: (stage, message) => log.push(`${stage}: ${message}`),
  };
  return { log, loop };
}

describe('runSearch', () => {
  it('launches one scratch runtime per candidate, retires it before the next, and measures every point in between', async () => {
    const { log, loop } = harness();
    const outcome = await runSearch(loop);
    expect(outcome).toMatchObject({ finished: 'searched', launched: 4 });
    expect(outcome.measurements).toHaveLength(8);
    const lifecycle = log.filter((l) => /^(launch|retire)/.test(l));
    expect(lifecycle).toEqual([
      'launch 1x1/b1/d0/p', 'retire 1x1/b1/d0/p',
      'launch 1x1/b2/d0/p', 'retire 1x1/b2/d0/p',
      'launch 1x1/b2/d1/p', 'retire 1x1/b2/d1/p',
      'launch 1x1/b2/d1/p2', 'retire 1x1/b2/d1/p2',
    ]);
    expect(log.slice(0, 5)).toEqual(['sweep: starting 1×1 threads, batch 1', 'launch 1x1/b1/d0/p', 'sweep: measuring 1×1 threads, batch 1 at 1 clients', 'measure /tmp/1x1/b1/d0/p.sock c=1', 'sweep: measured 1×1 threads, batch 1 at 1 clients']);
    // As the runner always did: "done" is reported first, the last runtime retired after.
    expect(log.slice(-2)).toEqual(['done: search complete', 'retire 1x1/b2/d1/p2']);
  });

  it('throws when a runtime exits before it serves, and still retires it', async () => {
    const { log, loop } = harness({ failLaunch: 2 });
    await expect(runSearch(loop)).rejects.toThrow('runtime exited with code 1');
    expect(log.at(-1)).toBe('retire 1x1/b2/d0/p');
  });

  it('stops on abort, keeping what it measured, and retires the runtime in use', async () => {
    const { log, loop } = harness({ abortAfterPoints: 3 });
    const outcome = await runSearch(loop);
    expect(outcome).toMatchObject({ finished: undefined, launched: 2 });
    expect(outcome.measurements).toHaveLength(2);
    expect(log.at(-1)).toBe('retire 1x1/b2/d0/p');
  });
});

import { describe, expect, it } from 'vitest';
import { CreateEndpointInput, RUNTIME_CONFIG_DEFAULTS, RuntimeConfig, RuntimeConfigPatch } from './schemas';

describe('RuntimeConfig', () => {
  it('applies every default from the contract to an empty input', () => {
    expect(RuntimeConfig.parse({})).toEqual({
      replicas: 1,
      instances: 'auto',
      maxBatchSize: 32,
      preferredBatchSizes: 'auto',
      maxQueueDelayMs: 0,
      maxQueueSize: 1024,
      queueTimeoutMs: 5000,
      cache: { enabled: false, maxBytes: 67108864 },
      device: 'cpu',
      intraOpThreads: 'auto',
      warmupRuns: 1,
    });
  });

  it('fills a partial cache object and does not share default objects between parses', () => {
    const a = RuntimeConfig.parse({ cache: { enabled: true } });
    expect(a.cache).toEqual({ enabled: true, maxBytes: RUNTIME_CONFIG_DEFAULTS.cache.maxBytes });
    a.cache.maxBytes = 1;
    expect(RuntimeConfig.parse({}).cache.maxBytes).toBe(RUNTIME_CONFIG_DEFAULTS.cache.maxBytes);
  });

  it.each([
    ['replicas 1', { replicas: 1 }, true],
    ['replicas 16', { replicas: 16 }, true],
    ['replicas 0', { replicas: 0 }, false],
    ['replicas 17', { replicas: 17 }, false],
    ['replicas 1.5', { replicas: 1.5 }, false],
    ['instances 16', { instances: 16 }, true],
    ['instances 17', { instances: 17 }, false],
    ['instances auto', { instances: 'auto' }, true],
    ['instances "2" (a string other than auto)', { instances: '2' }, false],
    ['intraOpThreads auto', { intraOpThreads: 'auto' }, true],
    ['intraOpThreads "AUTO"', { intraOpThreads: 'AUTO' }, false],
    ['maxBatchSize 0 (unbatched)', { maxBatchSize: 0 }, true],
    ['maxBatchSize 1024', { maxBatchSize: 1024 }, true],
    ['maxBatchSize 1025', { maxBatchSize: 1025 }, false],
    ['preferred sizes within max', { maxBatchSize: 8, preferredBatchSizes: [4, 8] }, true],
    ['preferred size above max', { maxBatchSize: 8, preferredBatchSizes: [16] }, false],
    ['preferred size above default max', { preferredBatchSizes: [64] }, false],
    ['preferred sizes auto', { preferredBatchSizes: 'auto' }, true],
    ['preferred sizes none', { preferredBatchSizes: [] }, true],
    ['preferred sizes "AUTO"', { preferredBatchSizes: 'AUTO' }, false],
    ['preferred size with unbatched', { maxBatchSize: 0, preferredBatchSizes: [1] }, false],
    ['maxQueueDelayMs 10000', { maxQueueDelayMs: 10_000 }, true],
    ['maxQueueDelayMs 10001', { maxQueueDelayMs: 10_001 }, false],
    ['maxQueueSize 0', { maxQueueSize: 0 }, false],
    ['maxQueueSize 1e6', { maxQueueSize: 1_000_000 }, true],
    ['queueTimeoutMs 600000', { queueTimeoutMs: 600_000 }, true],
    ['queueTimeoutMs -1', { queueTimeoutMs: -1 }, false],
    ['cache 16 GiB', { cache: { maxBytes: 16 * 1024 ** 3 } }, true],
    ['cache over 16 GiB', { cache: { maxBytes: 16 * 1024 ** 3 + 1 } }, false],
    ['device cuda', { device: 'cuda' }, true],
    ['device tpu', { device: 'tpu' }, false],
    ['intraOpThreads 64', { intraOpThreads: 64 }, true],
    ['intraOpThreads 65', { intraOpThreads: 65 }, false],
    ['warmupRuns 100', { warmupRuns: 100 }, true],
    ['warmupRuns 101', { warmupRuns: 101 }, false],
    ['unknown key', { batchSize: 8 }, false],
    ['unknown cache key', { cache: { ttlSeconds: 5 } }, false],
    ['string number', { replicas: '2' }, false],
  ])('%s → valid: %s', (_name, input, valid) => {
    expect(RuntimeConfig.safeParse(input).success).toBe(valid);
  });

  it('names the offending field in the issue path', () => {
    const r = RuntimeConfig.safeParse({ maxBatchSize: 4, preferredBatchSizes: [2, 8] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['preferredBatchSizes.1']);
  });
});

describe('RuntimeConfigPatch and CreateEndpointInput', () => {
  it('a patch has no defaults and rejects unknown keys', () => {
    expect(RuntimeConfigPatch.parse({ replicas: 2 })).toEqual({ replicas: 2 });
    expect(RuntimeConfigPatch.safeParse({ replica: 2 }).success).toBe(false);
  });

  it.each([
    [{ name: 'ep', model: 'm', version: 1 }, true],
    [{ name: 'Ep', model: 'm', version: 1 }, false],
    [{ name: 'ep', model: 'm', version: 0 }, false],
    [{ name: 'ep', model: 'm', version: 1, config: { replicas: 2 } }, true],
    [{ name: 'ep', model: 'm', version: 1, extra: true }, false],
  ])('%j → valid: %s', (input, valid) => {
    expect(CreateEndpointInput.safeParse(input).success).toBe(valid);
  });
});

import { describe, expect, it } from 'vitest';
import { batchingSummary, configPatchOf, DEFAULT_RUNTIME_CONFIG, formValuesOf } from './runtime-config';

describe('runtime config form mapping', () => {
  it('shows the contract defaults, with the cache in MB', () => {
    expect(formValuesOf(DEFAULT_RUNTIME_CONFIG)).toEqual({
      replicas: '1',
      instances: '',
      maxBatchSize: '32',
      maxQueueDelayMs: '0',
      cacheEnabled: false,
      cacheMaxMb: '64',
      device: 'cpu',
    });
  });

  it('round-trips the edited fields back to the wire shape in bytes', () => {
    const values = { ...formValuesOf(DEFAULT_RUNTIME_CONFIG), replicas: '3', cacheEnabled: true, cacheMaxMb: '1.5', device: 'cuda' as const };
    expect(configPatchOf(values)).toEqual({
      replicas: 3,
      instances: 'auto',
      maxBatchSize: 32,
      maxQueueDelayMs: 0,
      cache: { enabled: true, maxBytes: 1_572_864 },
      device: 'cuda',
    });
  });

  it.each([
    ['', 'auto'],
    ['auto', 'auto'],
    [' Auto ', 'auto'],
    ['3', 3],
  ])('instances %j → %j (blank is auto)', (typed, sent) => {
    expect(configPatchOf({ ...formValuesOf(DEFAULT_RUNTIME_CONFIG), instances: typed }).instances).toBe(sent);
  });

  it('passes invalid numbers through so that the API reports them', () => {
    expect(configPatchOf({ ...formValuesOf(DEFAULT_RUNTIME_CONFIG), replicas: '' }).replicas).toBe(0);
    expect(Number.isNaN(configPatchOf({ ...formValuesOf(DEFAULT_RUNTIME_CONFIG), replicas: 'x' }).replicas)).toBe(true);
  });
});

describe('batchingSummary', () => {
  it.each([
    [{ maxBatchSize: 32, maxQueueDelayMs: 2 }, 'max 32 · 2 ms delay'],
    [{ maxBatchSize: 8, maxQueueDelayMs: 0 }, 'max 8 · 0 ms delay'],
    [{ maxBatchSize: 1, maxQueueDelayMs: 5 }, 'off'],
  ])('summarises %j as %s', (patch, text) => {
    expect(batchingSummary({ ...DEFAULT_RUNTIME_CONFIG, ...patch })).toBe(text);
  });
});

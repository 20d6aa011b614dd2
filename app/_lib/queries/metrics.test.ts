import { describe, expect, it } from 'vitest';
import { endpointMetricsQuery, METRICS_POLL_MS, METRICS_RANGE_OPTIONS, overviewQuery } from './metrics';

describe('endpointMetricsQuery', () => {
  it.each([
    ['5m', 1_000],
    ['1h', 5_000],
    ['24h', 30_000],
    ['7d', 60_000],
  ] as const)('polls a live %s chart every %i ms', (range, intervalMs) => {
    expect(endpointMetricsQuery('ep', range, true).refetchInterval).toBe(intervalMs);
  });

  it('stops polling, and keeps what it has, while paused', () => {
    const paused = endpointMetricsQuery('ep', '5m', false);
    expect(paused.refetchInterval).toBe(false);
    expect(paused.staleTime).toBe(Infinity);
  });

  it('keys each endpoint and range apart, but not the Live/Paused state', () => {
    expect(endpointMetricsQuery('a', '5m', true).queryKey).not.toEqual(endpointMetricsQuery('b', '5m', true).queryKey);
    expect(endpointMetricsQuery('a', '5m', true).queryKey).not.toEqual(endpointMetricsQuery('a', '1h', true).queryKey);
    expect(endpointMetricsQuery('a', '5m', true).queryKey).toEqual(endpointMetricsQuery('a', '5m', false).queryKey);
  });

  it('offers a picker entry for every polled range', () => {
    expect(METRICS_RANGE_OPTIONS.map((o) => o.range).sort()).toEqual(Object.keys(METRICS_POLL_MS).sort());
  });
});

describe('overviewQuery', () => {
  it('polls every second', () => {
    expect(overviewQuery().refetchInterval).toBe(1_000);
  });
});

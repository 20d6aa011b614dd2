import { describe, expect, it } from 'vitest';
import type { RuntimeStats } from '../../protocol/stats';
import { bucketOfEnd, cellsFromLive, emptyCell, foldCells, splitStatuses } from './cells';
import { EMPTY_LATENCY } from './latency-counts';
import type { RuntimeSecond, TrafficSecond } from './live-store';

describe('bucketOfEnd', () => {
  it.each([
    [12_000, 1_000, 11_000], // an interval ending on a boundary belongs before it
    [12_001, 1_000, 12_000],
    [12_345, 1_000, 12_000],
    [20_000, 10_000, 10_000],
    [20_500, 10_000, 20_000],
  ])('an interval ending at %i falls in the %i ms bucket starting at %i', (endMs, bucketMs, start) => {
    expect(bucketOfEnd(endMs, bucketMs)).toBe(start);
  });
});

describe('splitStatuses', () => {
  it.each([
    [{}, 0, 0],
    [{ '400': 2, '404': 1 }, 0, 3],
    [{ '500': 1, '503': 4, '429': 2 }, 5, 2],
  ])('%j → %i server and %i client errors', (errors, server, client) => {
    expect(splitStatuses(errors)).toEqual({ errors: server, clientErrors: client });
  });
});

describe('foldCells', () => {
  it('adds cells of a version into coarser buckets aligned at the origin', () => {
    const cell = (version: number, atMs: number, requests: number) => ({ ...emptyCell(version, atMs), requests, latency: new Map([[1000, requests]]) });
    const folded = foldCells([cell(1, 0, 1), cell(1, 4_000, 2), cell(2, 4_000, 5), cell(1, 5_000, 4), cell(1, 12_000, 8)], 5_000, 2_000);
    expect(folded.map((c) => [c.version, c.atMs, c.requests, c.latency.get(1000)])).toEqual([
      [1, -3_000, 1, 1],
      [1, 2_000, 6, 6],
      [1, 12_000, 8, 8],
      [2, 2_000, 5, 5],
    ]);
  });
});

describe('cellsFromLive', () => {
  const runtime = (instanceId: string, atMs: number, queueDepth: number, hits: number): RuntimeSecond => ({
    atMs,
    version: 1,
    instanceId,
    stats: { atMs, queueDepth, inferences: 4, executions: 2, cache: { hits, misses: 1, evictions: 0, entries: 0, bytes: 0 } } as RuntimeStats,
  });

  it('sums replicas within a second for queue depth, then averages over the seconds', () => {
    const cells = cellsFromLive(
      [],
      [runtime('a', 1_500, 2, 1), runtime('b', 1_600, 4, 1), runtime('a', 2_500, 0, 0), runtime('b', 2_600, 0, 0)],
      10_000,
    );
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ atMs: 0, queueDepthSum: 6, queueDepthSamples: 2, cacheHits: 2, cacheMisses: 4, batches: 8, batchedItems: 16 });
  });

  it('splits gateway seconds by version and counts error classes', () => {
    const traffic: TrafficSecond[] = [
      { atMs: 1_000, version: 1, route: 'stable', requests: 10, errors: { '503': 1, '400': 2 }, rejected: 1, latency: EMPTY_LATENCY },
      { atMs: 1_000, version: 2, route: 'canary', requests: 3, errors: {}, rejected: 0, latency: EMPTY_LATENCY },
      { atMs: 2_000, version: 1, route: 'pinned', requests: 1, errors: {}, rejected: 0, latency: EMPTY_LATENCY },
    ];
    const cells = cellsFromLive(traffic, [], 1_000).sort((a, b) => a.version - b.version || a.atMs - b.atMs);
    expect(cells.map((c) => [c.version, c.atMs, c.requests, c.errors, c.clientErrors, c.rejected])).toEqual([
      [1, 0, 10, 1, 2, 1],
      [1, 1_000, 1, 0, 0, 0],
      [2, 0, 3, 0, 0, 0],
    ]);
  });
});

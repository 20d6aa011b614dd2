import { describe, expect, it } from 'vitest';
import { binaryRequest, bytesPerElement, concreteShape, dueRequests, emptyTally, parseLoadgenArgs, percentile, randomTensor, record, reportLine } from './loadgen-core';

describe('parseLoadgenArgs', () => {
  it('reads the documented flags', () => {
    const o = parseLoadgenArgs(['--endpoint', 'text-orientation', '--rps', '50', '--duration', '60', '--repeat-pct', '30']);
    expect(o).toMatchObject({ endpoint: 'text-orientation', rps: 50, durationSeconds: 60, repeatPct: 30 });
    expect(o.gateway.href).toBe('http://127.0.0.1:8000/');
    const closed = parseLoadgenArgs(['--concurrency', '8', '--gateway', 'http://localhost:9000']);
    expect(closed.concurrency).toBe(8);
    expect(closed.rps).toBeUndefined();
  });

  it.each([
    ['a remote gateway', ['--gateway', 'http://10.0.0.1:8000'], /loopback/],
    ['https', ['--gateway', 'https://127.0.0.1:8000'], /loopback/],
    ['both rps and concurrency', ['--rps', '5', '--concurrency', '2'], /not both/],
    ['a repeat share over 100', ['--repeat-pct', '101'], /repeat-pct/],
    ['a zero duration', ['--duration', '0'], /duration/],
  ])('rejects %s', (_, argv, message) => {
    expect(() => parseLoadgenArgs(argv)).toThrow(message);
  });
});

describe('concreteShape', () => {
  it.each([
    [[-1, 3, 48, -1], [1, 3, 48, 192]],
    [[-1, 3, -1, -1], [1, 3, 48, 192]],
    [[1, 4], [1, 4]],
    [[-1, -1], [1, 8]],
  ])('%j → %j', (shape, expected) => {
    expect(concreteShape(shape)).toEqual(expected);
  });
});

describe('tensors and requests', () => {
  it('sizes random tensors by datatype, floats in [0, 1)', () => {
    const t = randomTensor('FP32', 6);
    expect(t.byteLength).toBe(24);
    for (let i = 0; i < 6; i++) expect(t.readFloatLE(i * 4)).toBeGreaterThanOrEqual(0);
    expect(randomTensor('INT64', 3).byteLength).toBe(24);
    expect(() => bytesPerElement('BYTES')).toThrow(/BYTES/);
  });

  it('builds a binary request whose header announces each input\'s bytes', () => {
    const a = { name: 'a', datatype: 'FP32', shape: [1, 2], data: randomTensor('FP32', 2) };
    const b = { name: 'b', datatype: 'INT8', shape: [1, 3], data: randomTensor('INT8', 3) };
    const req = binaryRequest([a, b], ['y']);
    const headerLength = Number(req.headers['inference-header-content-length']);
    const header = JSON.parse(req.body.subarray(0, headerLength).toString()) as { inputs: { name: string; parameters: { binary_data_size: number } }[]; outputs: { name: string }[] };
    expect(header.inputs.map((i) => [i.name, i.parameters.binary_data_size])).toEqual([['a', 8], ['b', 3]]);
    expect(header.outputs.map((o) => o.name)).toEqual(['y']);
    expect(req.body.byteLength).toBe(headerLength + 11);
    expect(req.body.subarray(headerLength + 8).equals(b.data)).toBe(true);
  });
});

describe('pacing and reporting', () => {
  it.each([
    [50, 0, 0, 0],
    [50, 100, 0, 5],
    [50, 1000, 45, 5],
    [50, 1000, 50, 0],
    [50, 10_000, 0, 50], // after a stall, at most one second's worth at once
    [0.5, 2_000, 0, 1],
  ])('rps %d at %d ms with %d sent owes %d', (rps, elapsed, sent, owed) => {
    expect(dueRequests(rps, elapsed, sent)).toBe(owed);
  });

  it('reports rate, errors by status and nearest-rank percentiles', () => {
    const t = emptyTally();
    for (let i = 1; i <= 98; i++) record(t, 200, i);
    record(t, 400, 99);
    record(t, 0, 100);
    expect(percentile(t.latenciesMs, 50)).toBe(50);
    expect(reportLine('[1s]', t, 2)).toBe('[1s] rps=50.0 ok=98 errors=2 (0×1 400×1) p50=50.0ms p99=99.0ms');
    expect(reportLine('[2s]', emptyTally(), 1)).toBe('[2s] rps=0.0 ok=0 errors=0 p50=-ms p99=-ms');
  });
});

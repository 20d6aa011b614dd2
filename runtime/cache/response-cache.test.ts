import { describe, expect, it } from 'vitest';
import { encodeStrings } from '../codec/bytes-tensor';
import type { DecodedRequest, RawTensor } from '../codec/types';
import { cacheKey, ResponseCache } from './response-cache';

const req = (over: Partial<DecodedRequest> = {}, values = [1, 2]): DecodedRequest => ({
  inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 2], bytes: new Uint8Array(new Float32Array(values).buffer) }],
  outputs: [{ name: 'y', binary: false }],
  items: 1,
  priority: 0,
  ...over,
});
const tensor = (bytes: number): RawTensor => ({ name: 'y', datatype: 'UINT8', shape: [bytes], bytes: new Uint8Array(bytes) });

describe('cacheKey', () => {
  const base = cacheKey('m', '1', req());
  it.each<[string, string]>([
    ['model name', cacheKey('n', '1', req())],
    ['model version', cacheKey('m', '2', req())],
    ['input bytes', cacheKey('m', '1', req({}, [1, 3]))],
    ['input shape', cacheKey('m', '1', req({ inputs: [{ ...req().inputs[0]!, shape: [2, 1] }] }))],
    ['input datatype', cacheKey('m', '1', req({ inputs: [{ ...req().inputs[0]!, datatype: 'INT32' }] }))],
    ['requested outputs', cacheKey('m', '1', req({ outputs: [{ name: 'z', binary: false }] }))],
  ])('changes with the %s', (_name, other) => {
    expect(other).not.toBe(base);
  });

  it('is the same for an input held as views of several body chunks as for its bytes whole', () => {
    const whole = req().inputs[0]!.bytes as Uint8Array;
    expect(cacheKey('m', '1', req({ inputs: [{ ...req().inputs[0]!, bytes: [whole.subarray(0, 5), whole.subarray(5)] }] }))).toBe(base);
  });

  it.each<[string, string[], string[]]>([
    ['string contents', ['ab', 'c'], ['ab', 'd']],
    ['where one string ends and the next begins', ['ab', 'c'], ['a', 'bc']],
    ['an empty string against a missing one', ['', 'abc'], ['abc', '']],
  ])('changes with BYTES %s', (_name, one, two) => {
    const strings = (values: string[]) => req({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], bytes: encodeStrings(values) }] });
    expect(cacheKey('m', '1', strings(one))).not.toBe(cacheKey('m', '1', strings(two)));
    expect(cacheKey('m', '1', strings(one))).toBe(cacheKey('m', '1', strings([...one])));
  });

  it('ignores the binary flag, id and priority (encoding happens after the cache)', () => {
    expect(cacheKey('m', '1', req({ outputs: [{ name: 'y', binary: true }], id: 'x', priority: 3 }))).toBe(base);
  });
});

describe('ResponseCache', () => {
  it('counts hits and misses and returns what was stored', () => {
    const cache = new ResponseCache(10_000);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', [tensor(10)]);
    expect(cache.get('a')?.[0]?.bytes.byteLength).toBe(10);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, evictions: 0, entries: 1, bytes: 266 });
  });

  it('evicts the least recently used entry when over its byte bound, and counts it', () => {
    const cache = new ResponseCache(1000); // each entry is 256 + 200 bytes: two fit
    cache.set('a', [tensor(200)]);
    cache.set('b', [tensor(200)]);
    cache.get('a'); // a is now the most recent
    cache.set('c', [tensor(200)]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.stats()).toMatchObject({ evictions: 1, entries: 2, bytes: 912 });
  });

  it('does not store an entry larger than the whole cache', () => {
    const cache = new ResponseCache(300);
    cache.set('a', [tensor(100)]);
    expect(cache.stats().entries).toBe(0);
  });

  it('stores a copy, not a view of a shared batch buffer', () => {
    const cache = new ResponseCache(10_000);
    const shared = new Uint8Array([1, 2, 3, 4]);
    cache.set('a', [{ name: 'y', datatype: 'UINT8', shape: [2], bytes: shared.subarray(0, 2) }]);
    shared[0] = 9;
    const got = cache.get('a')![0]!.bytes;
    expect(Array.from(got)).toEqual([1, 2]);
    expect(got.buffer.byteLength).toBe(2);
  });
});

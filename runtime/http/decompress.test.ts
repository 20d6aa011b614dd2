import { gzipSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors';
import { decompressBody } from './decompress';

const text = Buffer.from('{"inputs":[]}');

describe('decompressBody', () => {
  it.each([
    ['no encoding', text, undefined],
    ['identity', text, 'identity'],
    ['gzip', gzipSync(text), 'gzip'],
    ['deflate', deflateSync(text), 'deflate'],
  ])('passes through or inflates: %s', (_name, body, encoding) => {
    expect(decompressBody(body, encoding, 1024).toString()).toBe(text.toString());
  });

  it.each<[string, Buffer, string, number, number]>([
    ['an unknown encoding', text, 'br', 1024, 400],
    ['corrupt gzip', Buffer.from('not gzip'), 'gzip', 1024, 400],
    ['a body that inflates past the limit', gzipSync(Buffer.alloc(10_000)), 'gzip', 1024, 413],
  ])('refuses %s', (_name, body, encoding, max, status) => {
    let caught: unknown;
    try {
      decompressBody(body, encoding, max);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RuntimeError);
    expect((caught as RuntimeError).status).toBe(status);
  });
});

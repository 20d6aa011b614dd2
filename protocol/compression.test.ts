import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from './compression';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['br, gzip', 'gzip'],
    ['gzip;q=0.5, deflate', 'deflate'],
    ['gzip;q=0', undefined],
    ['GZIP', 'gzip'],
    [['deflate', 'gzip;q=0.1'], 'deflate'],
  ])('Accept-Encoding %j answers %j', (accept, want) => {
    expect(negotiateEncoding(accept as string | string[] | undefined)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatTensor, formatTime, parseTags, shortSha } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [1_410_736, '1.3 MB'],
    [64 * 1024 * 1024, '64 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('shows %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatTensor', () => {
  it('names the tensor, its datatype and its shape with dynamic dims as given', () => {
    expect(formatTensor({ name: 'x', datatype: 'FP32', shape: [-1, 3, -1, -1] })).toBe('x FP32 [-1, 3, -1, -1]');
    expect(formatTensor({ name: 'ids', datatype: 'INT64', shape: ['batch', 128] })).toBe('ids INT64 [batch, 128]');
    expect(formatTensor({ name: 'scalar', datatype: 'FP64', shape: [] })).toBe('scalar FP64 []');
  });
});

describe('shortSha / formatTime / parseTags', () => {
  it('keeps the first 12 hex digits of a digest', () => {
    expect(shortSha('a'.repeat(20) + 'b'.repeat(44))).toBe('aaaaaaaaaaaa');
  });
  it('prints ISO times in UTC to the second and leaves junk untouched', () => {
    expect(formatTime('2026-11-22T11:14:06.123Z')).toBe('2026-11-22 11:14:06Z');
    expect(formatTime('yesterday')).toBe('yesterday');
  });
  it.each([
    ['', []],
    ['vision', ['vision']],
    [' vision , ocr ,, ', ['vision', 'ocr']],
  ])('splits %j into tags', (text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });
});

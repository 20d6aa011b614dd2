import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateModeFor, tightenModes } from './private-modes';

describe('privateModeFor', () => {
  it.each([
    ['a world-readable folder', 'dir', 0o40755, 0o700],
    ['a group-writable folder', 'dir', 0o40770, 0o700],
    ['a private folder', 'dir', 0o40700, undefined],
    ['a world-readable file', 'file', 0o100644, 0o600],
    ['an executable file', 'file', 0o100700, 0o600],
    ['a private file', 'file', 0o100600, undefined],
    ['a link or a socket', 'other', 0o120777, undefined],
  ] as const)('%s', (_name, kind, mode, expected) => {
    expect(privateModeFor(kind, mode)).toBe(expected);
  });
});

describe('tightenModes', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('makes every folder 0700 and every file 0600, and leaves the target of a link alone', () => {
    root = mkdtempSync(join(tmpdir(), 'slipway-modes-'));
    const outside = mkdtempSync(join(tmpdir(), 'slipway-modes-outside-'));
    try {
      const data = join(root, 'data');
      mkdirSync(join(data, 'artifacts'), { recursive: true });
      writeFileSync(join(data, 'slipway.db'), '');
      writeFileSync(join(data, 'artifacts', 'x.onnx'), '');
      writeFileSync(join(outside, 'target'), '');
      chmodSync(join(outside, 'target'), 0o644);
      symlinkSync(join(outside, 'target'), join(data, 'link'));
      for (const p of [data, join(data, 'artifacts')]) chmodSync(p, 0o755);
      for (const p of [join(data, 'slipway.db'), join(data, 'artifacts', 'x.onnx')]) chmodSync(p, 0o644);

      expect(tightenModes(data).sort()).toEqual(['.', 'artifacts', 'artifacts/x.onnx', 'slipway.db']);
      expect([data, join(data, 'artifacts')].map(modeOf)).toEqual([0o700, 0o700]);
      expect([join(data, 'slipway.db'), join(data, 'artifacts', 'x.onnx')].map(modeOf)).toEqual([0o600, 0o600]);
      expect(modeOf(join(outside, 'target'))).toBe(0o644);
      expect(tightenModes(data)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { NdjsonReader } from './ndjson';

describe('NdjsonReader', () => {
  it.each<[string, string[], unknown[], string[]]>([
    ['one line per message', ['{"a":1}\n{"b":2}\n'], [{ a: 1 }, { b: 2 }], []],
    ['a message split across chunks', ['{"a":', '1}\n'], [{ a: 1 }], []],
    ['no message before its newline', ['{"a":1}'], [], []],
    ['blank lines skipped', ['\n\n{"a":1}\n\n'], [{ a: 1 }], []],
    ['a line that is not JSON reported and skipped, the next one read', ['nope\n{"a":1}\n'], [{ a: 1 }], ['a line that is not JSON']],
    ['an over-long line dropped without buffering it', ['x'.repeat(40)], [], ['a line longer than 32 bytes']],
  ])('%s', (_name, chunks, messages, bad) => {
    const got: unknown[] = [];
    const reasons: string[] = [];
    const reader = new NdjsonReader((m) => got.push(m), 32, (r) => reasons.push(r));
    for (const c of chunks) reader.push(c);
    expect(got).toEqual(messages);
    expect(reasons).toEqual(bad);
  });
});

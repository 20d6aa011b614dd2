import { describe, expect, it } from 'vitest';
import { describeExit } from './local-launcher';

const info = (msg: string) => JSON.stringify({ level: 30, msg });
const error = (msg: string, err?: string) => JSON.stringify({ level: 50, msg, ...(err && { err }) });

describe('describeExit', () => {
  it.each<[string, Parameters<typeof describeExit>[0], string]>([
    ['a signal is the reason, not the last info line', { code: null, signal: 'SIGKILL', lastOutput: info('ready'), known: true }, 'runtime killed by SIGKILL'],
    ['a signal keeps the error that came before it', { code: null, signal: 'SIGABRT', lastOutput: `${info('ready')}\n${error('out of memory')}`, known: true }, 'runtime killed by SIGABRT: out of memory'],
    ['an exit code with the last error lines', { code: 3, signal: null, lastOutput: `${info('loading')}\n${error('runtime failed to start', 'no such file')}`, known: true }, 'runtime exited with code 3: runtime failed to start: no such file'],
    ['info lines are left out', { code: 1, signal: null, lastOutput: `${info('ready')}\n${info('draining')}`, known: true }, 'runtime exited with code 1'],
    ['plain text lines are kept (a crash trace)', { code: 1, signal: null, lastOutput: 'Error: boom\n', known: true }, 'runtime exited with code 1: Error: boom'],
    ['an adopted process has no known status', { code: null, signal: null, lastOutput: '', known: false }, 'runtime exited'],
  ])('%s', (_name, exit, want) => {
    expect(describeExit(exit)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toIssues } from './issues';

const Input = z.strictObject({
  name: z.string().regex(/^[a-z]+$/, 'Must be lower-case letters'),
  config: z.strictObject({ replicas: z.number().int() }).optional(),
  tags: z.array(z.string()).optional(),
});

describe('toIssues', () => {
  it.each([
    ['wrong type at the top', { name: 3 }, undefined, [{ path: 'name', message: expect.any(String) }]],
    ['refinement message is kept', { name: 'A' }, undefined, [{ path: 'name', message: 'Must be lower-case letters' }]],
    ['nested path is dotted', { name: 'a', config: { replicas: 1.5 } }, undefined, [{ path: 'config.replicas', message: expect.any(String) }]],
    ['array index in the path', { name: 'a', tags: ['x', 2] }, undefined, [{ path: 'tags.1', message: expect.any(String) }]],
    ['each unknown key at its own path', { name: 'a', extra: 1, more: 2 }, undefined, [
      { path: 'extra', message: 'Unknown field' },
      { path: 'more', message: 'Unknown field' },
    ]],
    ['nested unknown key', { name: 'a', config: { replicas: 1, gpu: true } }, undefined, [{ path: 'config.gpu', message: 'Unknown field' }]],
    ['prefix names the request part', { name: 3 }, 'query', [{ path: 'query.name', message: expect.any(String) }]],
  ])('%s', (_name, input, prefix, expected) => {
    const result = Input.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(toIssues(result.error, prefix)).toEqual(expected);
  });
});

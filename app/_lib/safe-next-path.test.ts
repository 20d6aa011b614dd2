import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    // Same-origin paths survive, query and fragment included.
    ['/models/cls?tab=versions', '/models/cls?tab=versions'],
    ['/endpoints/a#rollout', '/endpoints/a#rollout'],
    ['/', '/'],
    ['/a/../models', '/models'],
    ['/loginx', '/loginx'],
    // Nothing, or not an absolute path.
    [undefined, '/'],
    [null, '/'],
    ['', '/'],
    ['models', '/'],
    [' /models', '/'],
    // Other origins, however spelled.
    ['https://evil.example/', '/'],
    ['http:evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/\t/evil.example/', '/'],
    ['/\n/evil.example/', '/'],
    ['/\r/evil.example/', '/'],
    ['/\t\\evil.example/', '/'],
    ['/\\\tevil.example/', '/'],
    ['/.//evil.example/', '/'],
    ['/%2F/evil.example', '/%2F/evil.example'],
    // Back to the sign-in page would loop.
    ['/login', '/'],
    ['/login?next=/x', '/'],
    ['/login/', '/'],
  ])('turns next=%j into %j', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });

  it('never returns something the browser would resolve to another origin', () => {
    const hostile = ['/\t/a.example', '//a.example', '/\\a.example', '/./\\a.example', '/\u0000//a.example', '/ //a.example', '/%09/a.example'];
    for (const next of hostile) {
      const path = safeNextPath(next);
      expect(new URL(path, 'http://app.local:3000').origin, `${JSON.stringify(next)} → ${path}`).toBe('http://app.local:3000');
    }
  });
});

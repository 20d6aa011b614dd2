import type { z } from 'zod';
import type { ErrorIssue } from '../errors';

/**
 * zod issues → the envelope's `issues`: one entry per problem with a dotted path. An unknown key is
 * reported at its own path so a client can point at the offending field.
 */
export function toIssues(error: z.ZodError, prefix?: string): ErrorIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

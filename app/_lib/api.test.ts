import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, issuesFor, queryString } from './api';

describe('apiErrorFrom', () => {
  it('reads code, message and issues from the error envelope', () => {
    const error = apiErrorFrom(400, {
      error: { code: 'VALIDATION', message: 'Invalid body', issues: [{ path: 'name', message: 'Must be a DNS label' }] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([400, 'VALIDATION', 'Invalid body']);
    expect(error.issues).toEqual([{ path: 'name', message: 'Must be a DNS label' }]);
  });

  it.each([null, 'Bad Gateway', { error: 'plain string' }, { nope: 1 }])('falls back to a generic message for %j', (body) => {
    const error = apiErrorFrom(502, body);
    expect([error.code, error.message, error.issues]).toEqual(['INTERNAL', 'Request failed (502)', []]);
  });
});

describe('issuesFor', () => {
  const error = new ApiError(400, 'VALIDATION', 'Invalid body', [
    { path: 'name', message: 'Too long' },
    { path: 'config.cache.maxBytes', message: 'Must be positive' },
    { path: 'names', message: 'Other field' },
  ]);
  it.each([
    ['name', ['Too long']],
    ['config.cache', ['Must be positive']],
    ['tags', []],
  ])('picks the issues of %s and its sub-paths only', (field, messages) => {
    expect(issuesFor(error, field)).toEqual(messages);
  });
  it('finds none on errors that are not ApiErrors', () => {
    expect(issuesFor(new Error('x'), 'name')).toEqual([]);
  });
});

describe('queryString', () => {
  it.each([
    [{}, ''],
    [{ q: '', tag: undefined, cursor: null }, ''],
    [{ q: 'cls net', limit: 50 }, '?q=cls+net&limit=50'],
  ])('encodes %j as %j', (params, text) => {
    expect(queryString(params)).toBe(text);
  });
});

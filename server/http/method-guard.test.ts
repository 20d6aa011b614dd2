import { describe, expect, it } from 'vitest';
import { apiMethodTable, checkMethod, type MethodVerdict } from './method-guard';

const api = apiMethodTable();

describe('checkMethod', () => {
  it.each<[string, string, MethodVerdict]>([
    ['GET', '/models', { pass: true }],
    ['POST', '/login', { pass: true }],
    ['TRACE', '/models', { pass: false, allow: ['GET', 'HEAD'] }],
    ['TRACE', '/', { pass: false, allow: ['GET', 'HEAD'] }],
    ['PROPFIND', '/_next/static/x.js', { pass: false, allow: ['GET', 'HEAD'] }],
    ['GET', '/api/v1/models', { pass: true }],
    ['post', '/api/v1/models', { pass: true }],
    ['HEAD', '/api/v1/models', { pass: true }],
    ['OPTIONS', '/api/v1/models', { pass: true }],
    ['TRACE', '/api/v1/models', { pass: false, allow: ['GET', 'HEAD', 'OPTIONS', 'POST'] }],
    ['PUT', '/api/v1/models', { pass: false, allow: ['GET', 'HEAD', 'OPTIONS', 'POST'] }],
    ['TRACE', '/api/v1/models/resnet', { pass: false, allow: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH'] }],
    ['DELETE', '/api/v1/models/resnet/versions/1', { pass: false, allow: ['GET', 'HEAD', 'OPTIONS', 'PATCH'] }],
    ['GET', '/api/v1/auth/login', { pass: false, allow: ['OPTIONS', 'POST'] }],
    ['POST', '/api/v1/rollouts/3/promote', { pass: true }],
    // Unknown API paths: the usual methods reach the catch-all 404, others are refused without Allow.
    ['GET', '/api/v1/nothing/here', { pass: true }],
    ['TRACE', '/api/v1/nothing/here', { pass: false, allow: null }],
    ['TRACE', '/api/v1', { pass: false, allow: null }],
    ['', '/models', { pass: false, allow: ['GET', 'HEAD'] }],
  ])('%s %s', (method, path, verdict) => {
    expect(checkMethod(method, path, api)).toEqual(verdict);
  });
});

import { describe, expect, it } from 'vitest';
import { extractCredential, parseCookies } from './credentials';

const h = (init: Record<string, string>) => new Headers(init);

describe('extractCredential', () => {
  it.each([
    ['no header, no cookie → none', {}, { kind: 'none' }],
    ['bearer token', { authorization: 'Bearer slw_abc' }, { kind: 'bearer', secret: 'slw_abc' }],
    ['scheme is case-insensitive', { authorization: 'bearer slw_abc' }, { kind: 'bearer', secret: 'slw_abc' }],
    ['basic auth is malformed', { authorization: 'Basic dXNlcjpwdw==' }, { kind: 'malformed' }],
    ['bearer without a secret is malformed', { authorization: 'Bearer ' }, { kind: 'malformed' }],
    ['two secrets are malformed', { authorization: 'Bearer a b' }, { kind: 'malformed' }],
    ['session cookie', { cookie: 'x=1; slipway_session=s3cret' }, { kind: 'cookie', secret: 's3cret' }],
    ['bearer wins over the cookie', { authorization: 'Bearer slw_t', cookie: 'slipway_session=s' }, { kind: 'bearer', secret: 'slw_t' }],
    ['malformed header does not fall back to the cookie', { authorization: 'Token x', cookie: 'slipway_session=s' }, { kind: 'malformed' }],
    ['empty session cookie → none', { cookie: 'slipway_session=' }, { kind: 'none' }],
  ])('%s', (_name, headers, expected) => {
    expect(extractCredential(h(headers))).toEqual(expected);
  });
});

describe('parseCookies', () => {
  it.each([
    ['null header', null, {}],
    ['several cookies with spaces', 'a=1;  b=two ; c=3', { a: '1', b: 'two', c: '3' }],
    ['first occurrence wins', 'a=1; a=2', { a: '1' }],
    ['percent-decoding', 'a=x%20y', { a: 'x y' }],
    ['bad percent-encoding is kept as sent', 'a=%E0%A4%A', { a: '%E0%A4%A' }],
    ['quoted value', 'a="q"', { a: 'q' }],
    ['parts without "=" are ignored', 'junk; a=1', { a: '1' }],
  ])('%s', (_name, header, expected) => {
    expect(Object.fromEntries(parseCookies(header))).toEqual(expected);
  });
});

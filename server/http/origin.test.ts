import { describe, expect, it } from 'vitest';
import { isSecureRequest, originAllowed, requestOrigin } from './origin';

describe('requestOrigin', () => {
  it.each([
    ['host and url protocol', { host: '127.0.0.1:3000' }, 'http://127.0.0.1:3000/api/v1/models', 'http://127.0.0.1:3000'],
    ['forwarded protocol wins', { host: 'slipway.example', 'x-forwarded-proto': 'https' }, 'http://127.0.0.1/x', 'https://slipway.example'],
    ['first forwarded protocol of a list', { host: 'a', 'x-forwarded-proto': 'https, http' }, 'http://a/', 'https://a'],
    ['lower-cased', { host: 'Slipway.Example' }, 'http://x/', 'http://slipway.example'],
    ['no host header', {}, 'http://x/', null],
  ])('%s', (_name, headers, url, expected) => {
    expect(requestOrigin(new Headers(headers), url)).toBe(expected);
  });
});

describe('originAllowed', () => {
  const own = 'http://127.0.0.1:3000';
  it.each([
    ['cookie GET without origin', 'GET', true, null, true],
    ['cookie GET cross-site (reads are safe)', 'GET', true, 'https://evil.example', true],
    ['cookie POST from own origin', 'POST', true, own, true],
    ['cookie POST, origin differs only in case', 'POST', true, 'HTTP://127.0.0.1:3000', true],
    ['cookie POST cross-site', 'POST', true, 'https://evil.example', false],
    ['cookie DELETE without origin', 'DELETE', true, null, false],
    ['cookie PATCH with empty origin', 'PATCH', true, '', false],
    ['cookie POST with "null" origin', 'POST', true, 'null', false],
    ['bearer POST without origin (scripts)', 'POST', false, null, true],
    ['bearer POST cross-site', 'POST', false, 'https://evil.example', false],
    ['other port is another origin', 'POST', true, 'http://127.0.0.1:3001', false],
  ])('%s', (_name, method, cookieAuthenticated, origin, expected) => {
    expect(originAllowed({ method, cookieAuthenticated, origin, expectedOrigin: own })).toBe(expected);
  });

  it('refuses a mutation with an origin when the own origin is unknown', () => {
    expect(originAllowed({ method: 'POST', cookieAuthenticated: true, origin: own, expectedOrigin: null })).toBe(false);
  });
});

describe('isSecureRequest', () => {
  it.each([
    ['plain http', { host: 'a' }, 'http://a/', false],
    ['https url', { host: 'a' }, 'https://a/', true],
    ['behind a TLS proxy', { host: 'a', 'x-forwarded-proto': 'https' }, 'http://a/', true],
  ])('%s', (_name, headers, url, expected) => {
    expect(isSecureRequest(new Headers(headers), url)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

describe('sessionCookie', () => {
  it.each([
    ['plain http', 's3cret', 3600, false, 'slipway_session=s3cret; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600'],
    ['https adds Secure', 's3cret', 3600, true, 'slipway_session=s3cret; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600; Secure'],
    ['secret is percent-encoded', 'a b;c', 60, false, 'slipway_session=a%20b%3Bc; HttpOnly; SameSite=Strict; Path=/; Max-Age=60'],
    ['fractional max-age is floored', 'x', 59.9, false, 'slipway_session=x; HttpOnly; SameSite=Strict; Path=/; Max-Age=59'],
  ])('%s', (_name, secret, maxAge, secure, expected) => {
    expect(sessionCookie(secret, maxAge, secure)).toBe(expected);
  });

  it('clearing expires it with the same attributes', () => {
    expect(clearedSessionCookie(false)).toBe('slipway_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });
});

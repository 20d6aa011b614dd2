/**
 * Headers on every response of the control plane (pages, API, static assets, refusals), set by
 * the custom server before Next.js handles the request. The CSP holds only directives that need no
 * script nonces: framing (clickjacking), `<base>` hijacking and plugins.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'referrer-policy': 'same-origin',
};

import type { MiddlewareHandler } from 'hono';

/**
 * R34: headers on every response, pages and API alike (and on refused upgrades). The client is
 * built by Vite with no inline script, so scripts come only from this origin; Konva and React
 * set inline styles, hence 'unsafe-inline' for styles only. Images may be blob: URLs (photos
 * fetched with the token) and data: URLs (PNG export).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self' ws: wss:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * R34 on every answer; a route may set a stricter policy of its own (images). Set on the
 * response the route made: `c.header()` once a route has answered makes a new response from the
 * old one's body, which copied every photo, script and API answer into a stream again.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
};

/**
 * R33: which browser pages may open a socket. A browser always sends `Origin` on a WebSocket
 * upgrade; a page of another site must not use a participant's link from inside itself.
 * Allowed: no Origin (non-browser clients: they hold the token anyway), the server's own
 * origin (the request's Host, or CARTON_PUBLIC_URL) and CARTON_ALLOWED_ORIGINS.
 */
export function createOriginCheck(options: {
  publicUrl: string | null;
  allowedOrigins: readonly string[];
}): (origin: string | undefined, host: string | undefined) => boolean {
  const allowed = new Set<string>();
  for (const origin of options.allowedOrigins) {
    const normalised = normaliseOrigin(origin);
    if (normalised) allowed.add(normalised);
  }
  if (options.publicUrl) {
    const normalised = normaliseOrigin(options.publicUrl);
    if (normalised) allowed.add(normalised);
  }
  return (origin, host) => {
    if (origin === undefined) return true;
    const normalised = normaliseOrigin(origin);
    if (normalised === null) return false;
    if (allowed.has(normalised)) return true;
    // Same origin as the page the server served: the Origin's host:port is the Host header.
    if (host === undefined) return false;
    return new URL(normalised).host === host.toLowerCase();
  };
}

/** `HTTP://Example.org:80/` → `http://example.org`; null if not an http(s) origin. */
export function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

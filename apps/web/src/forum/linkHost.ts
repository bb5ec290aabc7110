// Links handed out must open on the participants' phones. A server started with the defaults
// (HOST=localhost, no CARTON_PUBLIC_URL) writes `http://localhost:8787/b/…` into every link and
// QR code: it works on the facilitator's laptop the day before, and on no phone the day itself.

/** The host of a link when it only reaches this very computer (loopback), else null. */
export function loopbackHost(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback =
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(bare) ||
    bare === '::1' ||
    bare === '0.0.0.0';
  return loopback ? host : null;
}

/**
 * The port the link's server listens on, as it goes after the address in CARTON_PUBLIC_URL
 * (« :8931 »), or '' on the scheme's own port. The warning said « :8787 » whatever the port: a
 * facilitator who had started Carton with PORT=8931 copied it and every QR code led nowhere.
 */
export function linkPortSuffix(url: string): string {
  try {
    const port = new URL(url).port;
    return port ? `:${port}` : '';
  } catch {
    return '';
  }
}

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The TCP peer's address (never X-Forwarded-For, which anyone can send). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Loopback peers: the machine's own operator (metrics). */
export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

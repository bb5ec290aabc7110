import type { Socket } from 'node:net';
import { isIPv4, isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Context } from 'hono';

/**
 * The TCP peer's address (never X-Forwarded-For, which anyone can send) as the per-address
 * limits count it (R32, R32b, R32c): see addressKey.
 */
export function clientAddress(c: Context): string {
  try {
    const bindings = (c.env as { server?: unknown } | undefined)?.server ?? c.env;
    const socket = (bindings as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
    return socket ? socketAddress(socket) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A socket's peer as the per-address limits count it (addressKey). */
export function socketAddress(socket: Pick<Socket, 'remoteAddress' | 'localAddress'>): string {
  return addressKey(socket.remoteAddress ?? 'unknown', socket.localAddress);
}

/**
 * R32c: the key a client is counted by. An IPv4 address is itself, and so is an IPv4-mapped
 * IPv6 address (`::ffff:192.0.2.7` is 192.0.2.7) and loopback. Any other IPv6 address counts
 * by its /64 (`2001:db8:1:2::/64`): a phone holds a whole /64 and may take a new address in it
 * for every connection (privacy addresses), so counted one by one it would never reach a limit.
 * Neighbours are the exception: a peer in the server's own /64 (`local`, the address it was
 * reached at) or link-local is on the venue's network with the server, where every phone of the
 * room shares that /64 — counted by its whole address, as on IPv4. Anything else (`unknown`)
 * is returned as is.
 */
export function addressKey(address: string, local?: string): string {
  if (isIPv4(address)) return address;
  const peer = ipv6(address);
  if (peer === null) return address;
  if (peer.isIPv4MappedAddress()) return peer.toIPv4Address().toString();
  const range = peer.range();
  if (range === 'loopback') return '::1';
  const own = local === undefined ? null : ipv6(local);
  if (range === 'linkLocal' || (own !== null && peer.match(own, 64))) {
    return peer.toNormalizedString();
  }
  return `${peer.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

/** An IPv6 address (zone dropped), or null if it is not one. */
function ipv6(address: string): ipaddr.IPv6 | null {
  const bare = address.split('%')[0]!;
  return isIPv6(bare) ? ipaddr.IPv6.parse(bare) : null;
}

/** Loopback peers: the machine's own operator (metrics). */
export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

import type { Socket } from 'node:net';
import { isIPv4, isIPv6 } from 'node:net';
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
  const groups = ipv6Groups(address);
  if (groups === null) return address;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return '::1';
  const linkLocal = (groups[0]! & 0xffc0) === 0xfe80;
  const localGroups = local === undefined ? null : ipv6Groups(local);
  const neighbour =
    localGroups !== null && groups.slice(0, 4).every((group, i) => group === localGroups[i]);
  if (linkLocal || neighbour) return groups.map((group) => group.toString(16)).join(':');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped), or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.split('%')[0]!;
  if (!isIPv6(bare)) return null;
  let text = bare.toLowerCase();
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) is two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const first = parse(head);
  if (tail === undefined) return first;
  const last = parse(tail);
  return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/** Loopback peers: the machine's own operator (metrics). */
export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

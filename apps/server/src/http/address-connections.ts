import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isLoopback, socketAddress } from './client-address.ts';
import type { Logger } from '../log.ts';

/**
 * R32b: open TCP connections per address (HTTP and WebSocket alike, before any byte is read).
 * Idle connections cost a file descriptor each until Node's 60 s header timeout, and sockets
 * to the forum room (F2) have no per-board cap: without this one address could hold every
 * descriptor the process has and nobody else could connect. The machine's own connections
 * (127.0.0.1, ::1: the facilitator's laptop showing every board live on the projector, a
 * reverse proxy on the same machine, benchmarks) are not counted: nobody on the wifi has them.
 * An IPv6 peer counts by its /64 (R32c, addressKey).
 */
export class AddressConnections {
  readonly #open = new Map<string, number>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** Counts the socket until it closes; false (and nothing counted) if its address is full. */
  admit(socket: Pick<Socket, 'remoteAddress' | 'localAddress' | 'once'>): boolean {
    const address = socketAddress(socket);
    if (isLoopback(address)) return true;
    const open = this.#open.get(address) ?? 0;
    if (open >= this.#max) return false;
    this.#open.set(address, open + 1);
    socket.once('close', () => {
      const left = (this.#open.get(address) ?? 1) - 1;
      if (left > 0) this.#open.set(address, left);
      else this.#open.delete(address);
    });
    return true;
  }

  /** Destroys, as they arrive, the connections of an address past its limit. */
  attach(server: Server, log: Logger): void {
    let refusing = new Set<string>();
    server.on('connection', (socket: Socket) => {
      if (this.admit(socket)) return;
      const address = socketAddress(socket);
      // Said once per address while it keeps trying, not once per socket.
      if (!refusing.has(address)) {
        if (refusing.size >= 1_000) refusing = new Set();
        refusing.add(address);
        log.warn('connections_per_address_exceeded', { ip: address, max: this.#max });
      }
      socket.destroy();
    });
  }
}

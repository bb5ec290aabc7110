// Test support: a connection dropped silently (PostgreSQL's LISTEN, the Redis bus).
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback whose open connections can be made to pass nothing, as when a
 * firewall or NAT forgets a connection without telling either end. New connections pass.
 */
export async function blackholeProxy(
  targetPort: number,
): Promise<{ port: number; blackholeOpenConnections(): void; close(): void }> {
  const pairs = new Set<[Socket, Socket]>();
  const proxy: Server = createServer((inbound) => {
    const outbound = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    const drop = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', drop);
    outbound.on('error', drop);
    inbound.on('close', drop);
    outbound.on('close', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const held: Socket[] = [];
  return {
    port,
    blackholeOpenConnections() {
      for (const pair of pairs) {
        const [inbound, outbound] = pair;
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
        // Still open, passing nothing: kept apart from the live pairs, closed at the end.
        inbound.removeAllListeners('close');
        outbound.removeAllListeners('close');
        held.push(inbound, outbound);
      }
      pairs.clear();
    },
    close() {
      for (const socket of held) socket.destroy();
      for (const [inbound, outbound] of pairs) {
        inbound.destroy();
        outbound.destroy();
      }
      proxy.close();
    },
  };
}

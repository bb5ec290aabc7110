// For the tests' throwaway servers (PostgreSQL, Redis, proxies): a port free on loopback now.
import { createServer } from 'node:net';

/** A TCP port nobody listens on at 127.0.0.1 (the OS's choice), released before answering. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

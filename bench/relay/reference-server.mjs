// The reference relay: @y/websocket-server 0.1.1 (yjs 13), no persistence, started from its
// package's `setupWSConnection` exactly as its own src/server.js does, but on port 0 and with the
// workspace's ws 8 (its bin would load ws 6 from its optional dependencies; same ws as Carton
// keeps the comparison about the relay, not the socket library). Prints `reference listening PORT`.
// SIGUSR2 runs a full GC when started with --expose-gc (memory figures).
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `reference listening ${typeof address === 'object' && address ? address.port : 0}\n`,
  );
});
process.on('SIGTERM', () => process.exit(0));

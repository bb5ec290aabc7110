// R25: a body refused partway through (a chunked body past CARTON_MAX_BODY_BYTES, which the
// limit can only count as it reads) is answered with its JSON 413 once the rest is read and
// dropped, within UNREAD_BODY_LIMITS. Answered at once, the client still writing its body
// lost the connection: the half-read body was dropped after 500 ms with a reset, and the next
// request on the keep-alive connection (or the answer itself) with it. A real server on port 0.
import { connect, type Socket } from 'node:net';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import { UNREAD_BODY_LIMITS } from './body.ts';

let running: LoggedServer;

beforeAll(async () => {
  running = await startLoggedServer('refused-body');
});
afterAll(() => running.close());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads HTTP/1.1 responses with a Content-Length off a raw socket, in order. */
function responses(socket: Socket): { next(): Promise<RawResponse> } {
  let buffered = Buffer.alloc(0);
  let ended = false;
  let wake: (() => void) | null = null;
  socket.on('data', (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    wake?.();
  });
  const stop = () => {
    ended = true;
    wake?.();
  };
  socket.on('close', stop);
  socket.on('error', stop);
  const parse = (): RawResponse | null => {
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const [statusLine, ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (buffered.length < end + 4 + length) return null;
    const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
    buffered = buffered.subarray(end + 4 + length);
    return { status: Number(statusLine!.split(' ')[1]), headers, body };
  };
  return {
    async next() {
      for (;;) {
        const parsed = parse();
        if (parsed) return parsed;
        if (ended) throw new Error('the connection closed before the answer');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
  };
}

const chunk = (data: Buffer) =>
  Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);

describe('R25: a chunked body past the JSON limit', () => {
  it('its client reads the JSON 413, and the next request on its connection is answered', async () => {
    const socket = connect(running.server.port, '127.0.0.1');
    const answers = responses(socket);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // A client writing its whole body (1 MiB, 16 times the limit) without reading, then its
    // next request on the same keep-alive connection.
    socket.write(
      'POST /api/forums HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n',
    );
    const piece = Buffer.alloc(64 * 1024, ' ');
    for (let i = 0; i < 16; i++) socket.write(chunk(piece));
    socket.write('0\r\n\r\n');
    socket.write('GET /api/time HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');

    const refused = await answers.next();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({
      error: { code: 'payload_too_large', message: 'The body must be at most 65536 bytes.' },
    });
    expect(refused.headers['connection']).not.toBe('close');
    const next = await answers.next();
    expect(next.status).toBe(200);
    expect(typeof (JSON.parse(next.body) as { now: unknown }).now).toBe('number');
    socket.destroy();
  });

  it('a body far past it is not read to its end: the server stops at its bound', async () => {
    const total = UNREAD_BODY_LIMITS.maxBytes * 4;
    let sent = 0;
    const outcome = await new Promise<{ status: number | null; connection?: string }>((resolve) => {
      const request = http.request({
        host: '127.0.0.1',
        port: running.server.port,
        method: 'POST',
        path: '/api/forums',
        headers: { 'content-type': 'application/json' },
        agent: false,
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode!, connection: response.headers.connection }),
        );
      });
      request.on('error', () => resolve({ status: null }));
      const piece = Buffer.alloc(64 * 1024, ' ');
      const pump = () => {
        while (sent < total) {
          sent += piece.length;
          if (!request.write(piece)) {
            request.once('drain', pump);
            return;
          }
        }
        request.end();
      };
      pump();
    });
    // The server read the limit and its bound, then closed: the rest never left the client.
    expect(sent).toBeLessThan(total);
    // Node's client reads while it writes: it has the answer, which says the connection ends.
    if (outcome.status !== null) expect(outcome).toEqual({ status: 413, connection: 'close' });
    const after = await fetch(`${running.server.url}/api/time`);
    expect(after.status).toBe(200);
  });
});

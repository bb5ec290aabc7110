import { once, type EventEmitter } from 'node:events';
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer, type LogRecord } from '../testing/logged-server.ts';
import { isClientGone } from './client-gone.ts';
import type { RunningServer } from './server.ts';

// A phone that loses the venue's wifi halfway through a photo, a facilitator who cancels an
// archive upload: the client went away, the server did nothing wrong. That is said at info
// level under its own name, not as an `http_error` at error level an operator would chase.

let running: LoggedServer;
let server: RunningServer;
let records: LogRecord[];
let logs: EventEmitter;

beforeAll(async () => {
  running = await startLoggedServer('client-gone');
  ({ server, records, logs } = running);
});
afterAll(() => running.close());

function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Announces a body of 1 MB, sends 20 kB of it, then drops the connection. */
async function cutUpload(path: string, headers: Record<string, string>): Promise<void> {
  const socket = tcpConnect(server.port, '127.0.0.1');
  await once(socket, 'connect');
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    'Content-Length: 1000000',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(head.join('\r\n') + '\r\n\r\n');
  // The PNG signature first, as a real photo would start.
  socket.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await new Promise<void>((resolve) => socket.write(Buffer.alloc(20_000, 0x41), () => resolve()));
  socket.destroy();
}

describe('a client that goes away mid-body', () => {
  it('a photo or archive upload cut by the client is logged at info as request_aborted_by_client, not as an error; the server keeps serving', async () => {
    const created = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum de Rimouski', territories: ['Rimouski-Neigette'] }),
    });
    expect(created.status).toBe(201);
    const forum = (await created.json()) as {
      boards: Array<{ id: string; kind: string; edit: { token: string } }>;
    };
    const board = forum.boards.find((b) => b.kind === 'territory')!;

    const uploads: Array<[string, Record<string, string>]> = [
      [
        `/api/boards/${board.id}/images`,
        { 'Content-Type': 'image/png', Authorization: `Bearer ${board.edit.token}` },
      ],
      ['/api/forums/import', { 'Content-Type': 'application/zip' }],
    ];
    for (const [path, headers] of uploads) {
      const logged = once(logs, 'request_aborted_by_client') as Promise<[LogRecord]>;
      await cutUpload(path, headers);
      const [record] = await within(logged, `the cut upload to ${path} to be logged`);
      expect(record).toMatchObject({ level: 'info', method: 'POST', path });
    }
    expect(records.filter((r) => r.level === 'error')).toEqual([]);
    // No token in the lines it wrote.
    const written = JSON.stringify(records);
    expect(written).not.toContain(board.edit.token);

    // The server keeps serving.
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('only Node’s « aborted » request error counts: a storage connection reset is still a server error', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const storageReset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(isClientGone(aborted)).toBe(true);
    expect(isClientGone(storageReset)).toBe(false);
    expect(isClientGone(new Error('aborted'))).toBe(false);
    expect(isClientGone('aborted')).toBe(false);
  });
});

// How long a request may take to send its body (config: CARTON_UPLOAD_TIMEOUT_MS,
// CARTON_UPLOAD_STALL_MS, CARTON_BODY_TIMEOUT_MS; apps/server/src/http/body.ts). An archive
// upload may take up to an hour (a 1.5 GiB archive over a venue's wifi: Node's 300 s default
// cut it with a bare 408), as long as it keeps sending; every other route keeps a short
// deadline on its small body. Each is answered in JSON, and the import's place is given back.
// Small values here, so that every case takes about a second.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { authFetch, createForum } from './helpers.ts';

let server: CartonServer;
let spoolRoot = '';

beforeAll(async () => {
  spoolRoot = mkdtempSync(join(tmpdir(), 'carton-deadline-spool-'));
  server = await startServer({
    env: {
      TMPDIR: spoolRoot,
      CARTON_BODY_TIMEOUT_MS: '400',
      CARTON_UPLOAD_STALL_MS: '700',
      CARTON_UPLOAD_TIMEOUT_MS: '3000',
    },
  });
});

afterAll(async () => {
  await server?.dispose();
  rmSync(spoolRoot, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: unknown;
  /** Whether the server closed the connection after answering. */
  closed: Promise<void>;
}

/**
 * A request whose body is sent `chunks` by `chunks`, one every `everyMs`, then (if `end`)
 * ended — or left hanging. Resolves with the answer; rejects if none comes within 10 s.
 */
function trickle(
  path: string,
  headers: Record<string, string>,
  chunks: readonly Uint8Array[],
  options: { everyMs: number; end: boolean; repeat?: boolean },
): Promise<Answer> {
  const request = http.request(`${server.url}${path}`, { method: 'POST', headers });
  let timer: NodeJS.Timeout | undefined;
  let sent = 0;
  const sendNext = () => {
    if (sent < chunks.length || options.repeat) {
      request.write(chunks[sent++ % chunks.length]!);
      timer = setTimeout(sendNext, options.everyMs);
    } else if (options.end) request.end();
  };
  sendNext();
  return new Promise<Answer>((resolve, reject) => {
    const giveUp = setTimeout(() => {
      clearTimeout(timer);
      request.destroy();
      reject(new Error(`no answer to ${path} within 10 s`));
    }, 10_000);
    request.on('error', (error) => {
      clearTimeout(giveUp);
      clearTimeout(timer);
      reject(error);
    });
    request.on('response', (response) => {
      clearTimeout(giveUp);
      clearTimeout(timer);
      const closed = new Promise<void>((done) => response.socket.once('close', () => done()));
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown, closed });
      });
    });
  });
}

const spooled = () => readdirSync(spoolRoot).filter((name) => name.startsWith('carton-import-'));

/** The import place of this address is free: a next upload is read (and refused: not a zip). */
async function importPlaceFree(): Promise<void> {
  const response = await fetch(`${server.url}/api/forums/import`, {
    method: 'POST',
    body: new Uint8Array([0x50, 0x4b]),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: 'not_zip' } });
}

describe('request body deadlines', () => {
  it('a client trickling the body of POST /api/forums is cut at its short deadline, in JSON', async () => {
    const title = Buffer.from(JSON.stringify({ title: 'Forum régional de l’Alliance 2023' }));
    const bytes = [...title].map((byte) => Uint8Array.of(byte));
    const answer = await trickle(
      '/api/forums',
      { 'content-type': 'application/json', 'content-length': String(title.byteLength) },
      bytes,
      { everyMs: 100, end: true },
    );
    expect(answer.status).toBe(408);
    expect(answer.body).toMatchObject({ error: { code: 'body_timeout' } });
    await answer.closed;
  });

  it('ARCHIVE: an import whose sender goes silent is 408 upload_stalled; no file stays, the place is free', async () => {
    const answer = await trickle(
      '/api/forums/import',
      { 'content-type': 'application/zip' },
      [new Uint8Array(64 * 1024).fill(0x50)],
      { everyMs: 50, end: false },
    );
    expect(answer.status).toBe(408);
    expect(answer.body).toMatchObject({ error: { code: 'upload_stalled' } });
    await answer.closed;
    expect(spooled()).toEqual([]);
    await importPlaceFree();
  });

  it('ARCHIVE: an import slower than every other route’s deadline, but steady, is imported', async () => {
    const forum = await createForum(server);
    const zip = new Uint8Array(
      await (
        await authFetch(
          server,
          `/api/forums/${forum.forum.id}/archive.zip`,
          forum.facilitator.token,
        )
      ).arrayBuffer(),
    );
    // About 1.2 s: three times CARTON_BODY_TIMEOUT_MS, never silent for CARTON_UPLOAD_STALL_MS.
    const parts = 12;
    const size = Math.ceil(zip.byteLength / parts);
    const chunks = Array.from({ length: parts }, (_, i) => zip.subarray(i * size, (i + 1) * size));
    const answer = await trickle(
      '/api/forums/import',
      { 'content-type': 'application/zip', 'content-length': String(zip.byteLength) },
      chunks,
      { everyMs: 100, end: true },
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ forum: { title: forum.forum.title } });
  });

  it('ARCHIVE: an import still sending at CARTON_UPLOAD_TIMEOUT_MS is 408 upload_timeout in JSON; the place is free', async () => {
    const answer = await trickle(
      '/api/forums/import',
      { 'content-type': 'application/zip' },
      [new Uint8Array(1024).fill(0x50)],
      { everyMs: 100, end: false, repeat: true },
    );
    expect(answer.status).toBe(408);
    expect(answer.body).toMatchObject({ error: { code: 'upload_timeout' } });
    await answer.closed;
    expect(spooled()).toEqual([]);
    await importPlaceFree();
  });

  it('a body the route refuses unread is drained as before: the keep-alive connection serves the next request', async () => {
    const forum = await createForum(server);
    const board = forum.boards[1]!;
    for (let i = 0; i < 3; i++) {
      // A view link cannot upload: 403 before a byte of the 2 MiB is read.
      const refused = await authFetch(server, `/api/boards/${board.id}/images`, board.view.token, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: new Uint8Array(2 * 1024 * 1024 + i),
      });
      expect(refused.status).toBe(403);
      await refused.text();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    }
  });
});

import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, SERVER_ORIGIN, territoryCartonTitle } from '@carton/board';
import { unzipSync } from 'fflate';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardFileWithPhoto, solidPng } from '../archive/test-support.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { DeferredStores } from './deferred-stores.ts';
import { startServer, type RunningServer } from './server.ts';

// Every store answer comes on a later macrotask (DeferredStores): the HTTP flows and the socket
// upgrade must await each one, and checks that used to share one event-loop turn with their
// write must hold inside the store's transaction.

let dir: string;
let server: RunningServer;
let stores: DeferredStores;
const logs = new EventEmitter();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-async-stores-'));
  stores = new DeferredStores();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  const log = createLogger('debug', (line) => {
    const record = JSON.parse(line) as { event: string };
    logs.emit(record.event, record);
  });
  server = await startServer(config, log, { wrapStores: (real) => stores.wrapAll(real) });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  // A store answer nobody awaited is a caller that forgot to (the write may land late, the
  // check may pass on a Promise object).
  expect(stores.takeUnconsumed()).toEqual([]);
});

function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Answer<T> {
  status: number;
  body: T;
}

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; bytes?: Uint8Array } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: RequestInit['body'];
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes) {
    body = options.bytes as Uint8Array<ArrayBuffer>;
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const parsed = type.includes('json')
    ? await response.json()
    : new Uint8Array(await response.arrayBuffer());
  return { status: response.status, body: parsed as T };
}

interface Link {
  token: string;
}
interface CreatedBoard {
  id: string;
  kind: string;
  title: string;
  territory: string | null;
  edit: Link;
  view: Link;
}
interface CreatedForum {
  forum: { id: string; title: string };
  facilitator: Link;
  boards: CreatedBoard[];
}

async function createForum(territories: string[]): Promise<CreatedForum> {
  const created = await api<CreatedForum>('POST', '/api/forums', {
    json: { title: 'Forum régional de l’Alliance 2023', territories },
  });
  expect(created.status).toBe(201);
  return created.body;
}

const territory = (forum: CreatedForum, name: string) =>
  forum.boards.find((board) => board.territory === name)!;

describe('every store answering asynchronously', () => {
  it('creates a forum, opens its boards, renames, corrects the forum and adds boards', async () => {
    const forum = await createForum(['Kamouraska', 'Rivière-du-Loup', 'Témiscouata']);
    const id = forum.forum.id;
    const facilitator = forum.facilitator.token;
    expect(forum.boards.map((board) => board.kind)).toEqual([
      'plenary',
      'territory',
      'territory',
      'territory',
      'postcards',
    ]);

    const page = await api<{ boards: Array<{ id: string; edit: Link | null }> }>(
      'GET',
      `/api/forums/${id}`,
      { token: facilitator },
    );
    expect(page.status).toBe(200);
    expect(page.body.boards.map((board) => board.edit?.token)).toEqual(
      forum.boards.map((board) => board.edit.token),
    );
    const kamouraska = territory(forum, 'Kamouraska');
    expect(
      await api('GET', `/api/boards/${kamouraska.id}`, { token: kamouraska.view.token }),
    ).toMatchObject({ status: 200, body: { role: 'view', board: { title: kamouraska.title } } });
    expect(
      await api('GET', `/api/boards/${kamouraska.id}`, { token: 'x'.repeat(43) }),
    ).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    expect(
      await api('GET', `/api/forums/${id}/boards`, { token: kamouraska.edit.token }),
    ).toMatchObject({ status: 200, body: { boards: expect.any(Array) } });

    // R55: the title follows the territory; a territory another board has is refused.
    const temis = territory(forum, 'Témiscouata');
    expect(
      await api('PATCH', `/api/forums/${id}/boards/${temis.id}`, {
        token: facilitator,
        json: { territory: 'Témiscouata-sur-le-Lac' },
      }),
    ).toMatchObject({
      status: 200,
      body: {
        board: {
          territory: 'Témiscouata-sur-le-Lac',
          title: territoryCartonTitle('Témiscouata-sur-le-Lac'),
        },
      },
    });
    expect(
      await api('PATCH', `/api/forums/${id}/boards/${temis.id}`, {
        token: facilitator,
        json: { territory: 'kamouraska' },
      }),
    ).toMatchObject({ status: 409, body: { error: { code: 'territory_taken' } } });

    // R57: only the day changes.
    expect(
      await api('PATCH', `/api/forums/${id}`, { token: facilitator, json: { date: '2023-05-31' } }),
    ).toEqual({
      status: 200,
      body: { forum: { id, title: 'Forum régional de l’Alliance 2023', date: '2023-05-31' } },
    });

    // R54: a new board; its territory once only.
    const basques = await api<{ board: CreatedBoard }>('POST', `/api/forums/${id}/boards`, {
      token: facilitator,
      json: {
        title: territoryCartonTitle('Les Basques'),
        territory: 'Les Basques',
        template: true,
      },
    });
    expect(basques).toMatchObject({ status: 201, body: { board: { territory: 'Les Basques' } } });
    expect(
      await api('GET', `/api/boards/${basques.body.board.id}`, {
        token: basques.body.board.edit.token,
      }),
    ).toMatchObject({ status: 200, body: { role: 'edit' } });
    expect(
      await api('POST', `/api/forums/${id}/boards`, {
        token: facilitator,
        json: { title: 'Encore', territory: 'LES BASQUES' },
      }),
    ).toMatchObject({ status: 409, body: { error: { code: 'territory_taken' } } });
  });

  it('R54, R55: at the same moment, one territory goes to one board only', async () => {
    const forum = await createForum(['La Mitis', 'La Matanie']);
    const id = forum.forum.id;
    const token = forum.facilitator.token;
    const added = await Promise.all(
      ['Rimouski-Neigette', 'rimouski-neigette', 'RIMOUSKI-NEIGETTE'].map((name) =>
        api('POST', `/api/forums/${id}/boards`, {
          token,
          json: { title: territoryCartonTitle(name), territory: name },
        }),
      ),
    );
    expect(added.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    const renamed = await Promise.all(
      ['La Mitis', 'La Matanie'].map((name) =>
        api('PATCH', `/api/forums/${id}/boards/${territory(forum, name).id}`, {
          token,
          json: { territory: 'La Matapédia' },
        }),
      ),
    );
    expect(renamed.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('R56, R58: removes and restores a board, each once, its links refused meanwhile', async () => {
    const forum = await createForum(['Les Basques', 'La Mitis']);
    const id = forum.forum.id;
    const token = forum.facilitator.token;
    const mitis = territory(forum, 'La Mitis');
    const removed = await Promise.all(
      [1, 2].map(() => api('DELETE', `/api/forums/${id}/boards/${mitis.id}`, { token })),
    );
    expect(removed.map((answer) => answer.status).sort()).toEqual([200, 404]);
    expect(await api('GET', `/api/boards/${mitis.id}`, { token: mitis.edit.token })).toMatchObject({
      status: 401,
    });
    // Meanwhile another board took its territory: it cannot come back.
    expect(
      await api('PATCH', `/api/forums/${id}/boards/${territory(forum, 'Les Basques').id}`, {
        token,
        json: { territory: 'La Mitis' },
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await api('POST', `/api/forums/${id}/boards/${mitis.id}/restore`, { token }),
    ).toMatchObject({ status: 409, body: { error: { code: 'territory_taken' } } });
    await api('PATCH', `/api/forums/${id}/boards/${territory(forum, 'Les Basques').id}`, {
      token,
      json: { territory: 'Les Basques' },
    });
    const restored = await Promise.all(
      [1, 2].map(() => api('POST', `/api/forums/${id}/boards/${mitis.id}/restore`, { token })),
    );
    expect(restored.map((answer) => answer.status).sort()).toEqual([200, 404]);
    expect(await api('GET', `/api/boards/${mitis.id}`, { token: mitis.edit.token })).toMatchObject({
      status: 200,
      body: { role: 'edit' },
    });
    // L2: a new view link; the old one is refused.
    const rotated = await api<{ link: Link }>(
      'POST',
      `/api/forums/${id}/boards/${mitis.id}/links/view/rotate`,
      { token },
    );
    expect(rotated.status).toBe(200);
    expect(await api('GET', `/api/boards/${mitis.id}`, { token: mitis.view.token })).toMatchObject({
      status: 401,
    });
    expect(
      await api('GET', `/api/boards/${mitis.id}`, { token: rotated.body.link.token }),
    ).toMatchObject({ status: 200, body: { role: 'view' } });
  });

  it('V3: dot votes keep their limit when the dots come at the same moment', async () => {
    const forum = await createForum(['Kamouraska']);
    const id = forum.forum.id;
    const kamouraska = territory(forum, 'Kamouraska');
    const file = await api<{ shapes: Array<{ id: string; type: string }> }>(
      'GET',
      `/api/boards/${kamouraska.id}/export.json`,
      { token: kamouraska.view.token },
    );
    const notes = file.body.shapes.filter((shape) => shape.type === 'note');
    expect(notes.length).toBeGreaterThan(0);
    // The carton's notes start blank (« Écrivez ici… »), refused for dots (409 empty_note):
    // an idea written on the one dotted.
    const written = await server.relay.changeBoard(kamouraska.id, (doc) => {
      const board = new Board(doc);
      board.run(
        (tx) => tx.update(notes[0]!.id, { text: 'Mobilité durable entre les municipalités' }),
        SERVER_ORIGIN,
      );
      board.destroy();
    });
    expect(written).toBe(true);
    const opened = await api<{ vote: { id: string } }>('POST', `/api/forums/${id}/votes`, {
      token: forum.facilitator.token,
      json: { title: 'Nos incontournables', boardIds: [kamouraska.id], dotsPerParticipant: 2 },
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.vote.id;
    const dot = { boardId: kamouraska.id, shapeId: notes[0]!.id, voterId: 'appareil-de-marie' };
    const cast = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', `/api/forums/${id}/votes/${voteId}/dots`, {
          token: kamouraska.edit.token,
          json: dot,
        }),
      ),
    );
    expect(cast.map((answer) => answer.status).sort()).toEqual([201, 201, 409]);
    expect(
      await api('GET', `/api/forums/${id}/votes/${voteId}/mine?voterId=appareil-de-marie`, {
        token: kamouraska.edit.token,
      }),
    ).toMatchObject({ status: 200, body: { remaining: 0 } });
    expect(
      await api('DELETE', `/api/forums/${id}/votes/${voteId}/dots`, {
        token: kamouraska.edit.token,
        json: dot,
      }),
    ).toMatchObject({ status: 200, body: { remaining: 1 } });
    expect(
      await api('POST', `/api/forums/${id}/votes/${voteId}/close`, {
        token: forum.facilitator.token,
      }),
    ).toMatchObject({ status: 200, body: { results: [{ shapeId: notes[0]!.id, count: 1 }] } });
  });

  // Uploads, a board from a file, an archive and its import: 3.5 s alone at load 6, past the
  // unit tests' 15 s at load 8 beside another file (28 November).
  it('R35: uploads, serves and archives an image; the archive comes back as a new forum', async () => {
    const forum = await createForum(['La Matapédia']);
    const id = forum.forum.id;
    const board = territory(forum, 'La Matapédia');
    const png = solidPng(40, 30, [30, 120, 200]);
    const uploaded = await api<{ blobId: string }>('POST', `/api/boards/${board.id}/images`, {
      token: board.edit.token,
      bytes: png,
    });
    expect(uploaded).toMatchObject({ status: 201, body: { mime: 'image/png', width: 40 } });
    const again = await api('POST', `/api/boards/${board.id}/images`, {
      token: board.edit.token,
      bytes: png,
    });
    expect(again.body).toEqual(uploaded.body);
    const fetched = await api<Uint8Array>(
      'GET',
      `/api/boards/${board.id}/images/${uploaded.body.blobId}`,
      { token: board.view.token },
    );
    expect(fetched.status).toBe(200);
    expect(Buffer.from(fetched.body).equals(Buffer.from(png))).toBe(true);

    // A postcard board made from a file whose image is that photo (stored once per forum).
    const postcards = await api('POST', `/api/forums/${id}/boards`, {
      token: forum.facilitator.token,
      json: {
        title: 'Cartes postales — flyers',
        kind: 'postcards',
        file: boardFileWithPhoto(png, 'flyer', { title: 'Cartes postales', kind: 'postcards' }),
      },
    });
    expect(postcards.status).toBe(201);

    const zip = await api<Uint8Array>('GET', `/api/forums/${id}/archive.zip`, {
      token: forum.facilitator.token,
    });
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.body);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      boards: Array<{ title: string; json: string }>;
      images: Array<{ blobId: string; path: string }>;
    };
    expect(manifest.boards).toHaveLength(forum.boards.length + 1);
    // The photo once in the archive (manifest version 2), by its SHA-256.
    expect(manifest.images.map((image) => image.blobId)).toEqual([uploaded.body.blobId]);
    expect(Buffer.from(files[manifest.images[0]!.path]!).equals(Buffer.from(png))).toBe(true);

    const imported = await api<CreatedForum>('POST', '/api/forums/import', { bytes: zip.body });
    expect(imported.status).toBe(201);
    const copy = imported.body.boards.find((b) => b.title === 'Cartes postales — flyers')!;
    expect(
      (
        await api('GET', `/api/boards/${copy.id}/images/${uploaded.body.blobId}`, {
          token: copy.view.token,
        })
      ).status,
    ).toBe(200);
  }, 45_000);
});

/** y-websocket's sync step 1 for an empty doc. */
function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

const isSyncStep2 = (message: Uint8Array) => {
  const decoder = decoding.createDecoder(message);
  return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1;
};

/** A client's binary frame (masked, as clients must). */
function maskedFrame(payload: Uint8Array): Buffer {
  expect(payload.byteLength).toBeLessThan(126);
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.byteLength]), mask, masked]);
}

/** The upgrade request and, if given, one frame in the same packet right behind it. */
function rawUpgrade(boardId: string, token: string, frame?: Uint8Array): Socket {
  const { port } = new URL(server.url);
  const socket = tcpConnect(Number(port), '127.0.0.1');
  socket.on('error', () => {});
  const request =
    `GET /sync/${boardId}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
  socket.write(Buffer.concat([Buffer.from(request), ...(frame ? [maskedFrame(frame)] : [])]));
  return socket;
}

/** Resolves with the status line, then every binary frame's payload, as they come. */
function readResponse(socket: Socket, onFrame: (payload: Uint8Array) => void): Promise<string> {
  let buffer = Buffer.alloc(0);
  let status: string | null = null;
  return new Promise((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (status === null) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
        buffer = buffer.subarray(end + 4);
        resolve(status);
      }
      while (buffer.byteLength >= 2) {
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.byteLength < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.byteLength < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.byteLength < offset + length) return;
        if ((buffer[0]! & 0x0f) === 0x2) onFrame(buffer.subarray(offset, offset + length));
        buffer = buffer.subarray(offset + length);
      }
    });
  });
}

describe('the socket upgrade with an asynchronous token lookup', () => {
  it('R18: connects with a token and syncs; refuses a wrong one', async () => {
    const forum = await createForum(['Kamouraska']);
    const board = territory(forum, 'Kamouraska');
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.edit.token}`,
    );
    const step2 = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        if (isSyncStep2(new Uint8Array(data))) resolve();
      }),
    );
    await within(once(ws, 'open'), 'the socket to open');
    ws.send(syncStep1());
    await within(step2, 'sync step 2');
    ws.close();
    const refused = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${'x'.repeat(43)}`,
    );
    refused.on('error', () => {});
    const [, response] = (await within(once(refused, 'unexpected-response'), 'the refusal')) as [
      unknown,
      { statusCode: number },
    ];
    expect(response.statusCode).toBe(401);
  });

  it('keeps frames sent before the handshake, and reads them only once the token is accepted', async () => {
    const forum = await createForum(['Les Basques']);
    const board = territory(forum, 'Les Basques');
    const release = stores.hold('forums.findGrant');
    const looking = stores.nextCall('forums.findGrant');
    // One frame in the request's packet (ws gets it as `head`), one while the token is looked up.
    const socket = rawUpgrade(board.id, board.edit.token, syncStep1());
    let answered = false;
    let steps = 0;
    const twoSteps = new Promise<void>((resolve) => {
      void readResponse(socket, (payload) => {
        if (isSyncStep2(payload) && ++steps === 2) resolve();
      }).then((status) => {
        answered = true;
        expect(status).toBe('HTTP/1.1 101 Switching Protocols');
      });
    });
    await within(looking, 'the token lookup');
    const read = once(logs, 'upgrade_early_bytes');
    socket.write(maskedFrame(syncStep1()));
    await within(read, 'the server to read the early frame');
    const opened = server.relay.metrics.connectionsOpened;
    expect(answered).toBe(false);
    release();
    await within(twoSteps, 'a sync step 2 for each early frame');
    expect(server.relay.metrics.connectionsOpened).toBe(opened + 1);
    socket.destroy();
  });

  it('drops a socket that closed while its token was looked up: it never reaches a room', async () => {
    const forum = await createForum(['La Mitis']);
    const board = territory(forum, 'La Mitis');
    const release = stores.hold('forums.findGrant');
    const looking = stores.nextCall('forums.findGrant');
    const socket = rawUpgrade(board.id, board.edit.token);
    await within(looking, 'the token lookup');
    const opened = server.relay.metrics.connectionsOpened;
    // The server reads the end of the stream and drops the socket: then it knows.
    socket.end();
    await within(once(socket, 'close'), 'the server to close its side');
    const abandoned = once(logs, 'upgrade_abandoned');
    release();
    await within(abandoned, 'the upgrade to be abandoned');
    expect(server.relay.metrics.connectionsOpened).toBe(opened);
  });

  it('L3, R56: a board removed while its link was looked up does not keep the new socket', async () => {
    const forum = await createForum(['Rimouski-Neigette', 'La Matanie']);
    const board = territory(forum, 'La Matanie');
    // The upgrade reads the board while it is in the forum; the answer comes after the removal
    // (whose own socket sweep ran before this socket existed).
    const release = stores.holdAnswer('forums.getBoard');
    const looked = stores.nextCall('forums.getBoard');
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.edit.token}`,
    );
    ws.on('error', () => {});
    const closed = once(ws, 'close');
    await within(looked, 'the upgrade to read the board');
    expect(
      await api('DELETE', `/api/forums/${forum.forum.id}/boards/${board.id}`, {
        token: forum.facilitator.token,
      }),
    ).toMatchObject({ status: 200 });
    release();
    const [code] = (await within(closed, 'the new socket to be closed')) as [number];
    expect(code).toBe(4403);
  });
});

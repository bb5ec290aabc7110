// Shared pieces of the integration tests: forum creation over HTTP, stock WebsocketProvider
// clients, raw `ws` sockets, and event waits with timeouts (never sleep-polling).
import { inflateRawSync } from 'node:zlib';
import { Board, localOrigin, type Shape } from '@carton/board';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type CartonServer } from '../support/server.ts';

export interface Link {
  token: string;
  url: string;
}
export interface CreatedBoard {
  id: string;
  kind: 'plenary' | 'territory' | 'postcards';
  title: string;
  territory: string | null;
  edit: Link;
  view: Link;
}
export interface CreatedForum {
  forum: { id: string; title: string };
  facilitator: Link;
  boards: CreatedBoard[];
}

export async function createForum(
  server: CartonServer,
  // Blank boards by default (templates: false): these tests count the shapes they draw.
  body: unknown = { title: 'Forum régional de l’Alliance 2023', templates: false },
): Promise<CreatedForum> {
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST /api/forums: ${response.status}`);
  return (await response.json()) as CreatedForum;
}

/**
 * Registers the file's beforeAll/afterAll: one built server and one forum made by `create`,
 * handed to `ready` before any test runs; `clients` are destroyed before the server stops.
 */
export function forumSuite(
  create: (server: CartonServer) => Promise<CreatedForum>,
  ready: (server: CartonServer, forum: CreatedForum) => void,
  clients: readonly Client[] = [],
): void {
  let server: CartonServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    ready(server, await create(server));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.dispose();
  });
}

/** `fetch` of a path on the server with a bearer token (none when null). */
export function authFetch(
  server: CartonServer,
  path: string,
  token: string | null,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
}

/** The entries of a zip, read from its central directory (stored or deflated). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return files;
}

export function territoryBoard(forum: CreatedForum, territory: string): CreatedBoard {
  const board = forum.boards.find((b) => b.territory === territory);
  if (!board) throw new Error(`no board for ${territory}`);
  return board;
}

/** Resolves when `happened()` is true, re-checked on each `subscribe` event; rejects on timeout. */
export function waitUntil(
  what: string,
  happened: () => boolean,
  subscribe: (check: () => void) => () => void,
  timeoutMs = 5_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (happened()) return resolve();
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    unsubscribe = subscribe(() => {
      if (!happened()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Waits until the doc satisfies `predicate`, checked after each update. */
export function docUntil(doc: Y.Doc, what: string, predicate: () => boolean, timeoutMs?: number) {
  return waitUntil(
    what,
    predicate,
    (check) => {
      doc.on('update', check);
      return () => doc.off('update', check);
    },
    timeoutMs,
  );
}

export interface Client {
  doc: Y.Doc;
  board: Board;
  provider: WebsocketProvider;
  /** Number of times the provider reported 'disconnected'. */
  disconnects: () => number;
  synced: Promise<void>;
  /** Runs Board commands as this client's user. */
  run<T>(
    fn: Parameters<Board['run']>[0] extends (tx: infer X) => unknown ? (tx: X) => T : never,
  ): T;
  shape(id: string): Shape | undefined;
  destroy(): void;
}

let nextUser = 1;

// Each stock provider adds a process 'exit' listener (y-websocket), removed on destroy; the
// limits tests keep a few dozen open at once, past Node's default warning threshold of 10.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

/**
 * The stock y-websocket client, exactly as the web app uses it. BroadcastChannel is disabled:
 * in one Node process two providers would otherwise sync through it, bypassing the server.
 */
export function connect(server: CartonServer, boardId: string, token: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const board = new Board(doc);
  const origin = localOrigin(`user-${nextUser++}`);
  let disconnects = 0;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') disconnects++;
  });
  const synced = waitUntil(
    `client on ${boardId} to sync`,
    () => provider.synced,
    (check) => {
      provider.on('sync', check);
      return () => provider.off('sync', check);
    },
  );
  return {
    doc,
    board,
    provider,
    disconnects: () => disconnects,
    synced,
    run: (fn) => board.run(fn, origin),
    shape: (id) => board.getShape(id),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A raw `ws` socket, for frames no well-behaved client would send. */
export async function rawSocket(
  server: CartonServer,
  boardId: string,
  token: string,
): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${server.syncUrl}/${boardId}?token=${encodeURIComponent(token)}`);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => {}); // the close code is what the tests look at
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  return { ws, closed };
}

export async function exportJson(
  server: CartonServer,
  boardId: string,
  token: string | null,
): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/export.json`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

export interface ClosedSocket {
  code: number;
  reason: string;
}

/**
 * A raw socket with options a browser would set (Origin) or another machine would have (a
 * local address such as 127.0.0.2: every 127/8 address is this machine, seen as another peer).
 * Resolves once open; `closed` resolves with the close code and reason.
 */
export async function openSocket(
  server: CartonServer,
  boardId: string,
  token: string,
  options: { localAddress?: string; origin?: string } = {},
): Promise<{ ws: WebSocket; closed: Promise<ClosedSocket> }> {
  const ws = new WebSocket(`${server.syncUrl}/${boardId}?token=${encodeURIComponent(token)}`, {
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const closed = new Promise<ClosedSocket>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not open in 5 s')), 5_000);
    ws.once('open', () => {
      clearTimeout(timer);
      // The server's greeting often shares the handshake's packet: ws would emit it on the
      // next tick, before the caller's `await` resumes and adds its listeners. Held until then.
      ws.pause();
      setImmediate(() => ws.resume());
      resolve();
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${res.statusCode}`));
    });
  });
  return { ws, closed };
}

export { refusedUpgrade, refusedUpgradeFrom } from '../../apps/server/src/http/test-upgrade.ts';

/** A y-websocket frame: message type, optional sync type, then a length-prefixed payload. */
export function frame(type: number, syncType: number | null, payload: Uint8Array): Buffer {
  const header: number[] = [type];
  if (syncType !== null) header.push(syncType);
  let length = payload.byteLength;
  do {
    header.push((length & 0x7f) | (length > 0x7f ? 0x80 : 0));
    length >>>= 7;
  } while (length > 0);
  return Buffer.concat([Buffer.from(header), payload]);
}

/** A Yjs update adding `text` under `key` of a scratch map of `doc` (valid on any board). */
export function scratchUpdate(doc: Y.Doc, key: string, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  doc.on('update', capture);
  doc.getMap('scratch').set(key, text);
  doc.off('update', capture);
  if (!update) throw new Error('no update');
  return update;
}

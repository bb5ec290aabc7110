// Shared pieces of the forum-day integration tests (forum-*.test.ts).
import { forumRoomName } from '@carton/board';
import type { CartonServer } from '../support/server.ts';
import type WebSocket from 'ws';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  frame,
  type Client,
  type CreatedForum,
} from './helpers.ts';

export const SEED_TITLE = 'Forum des Alliances — Rêvons ensemble notre future Alliance';

/** A forum as the home page creates it: title, date, territories; templates applied. */
export function createSeedForum(
  server: CartonServer,
  territories = ['Kamouraska', 'La Mitis', 'Témiscouata'],
): Promise<CreatedForum & { forum: { date: string | null } }> {
  return createForum(server, { title: SEED_TITLE, date: '2023-10-26', territories }) as Promise<
    CreatedForum & { forum: { date: string | null } }
  >;
}

/** A stock y-websocket client on the forum's room `forum:<forumId>`. */
export function connectForum(server: CartonServer, forumId: string, token: string): Client {
  return connect(server, forumRoomName(forumId), token);
}

/** A JSON request with a bearer token; the answer's body parsed when it is JSON. */
export async function api(
  server: CartonServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const response = await authFetch(server, path, token, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/**
 * Writes `texts` as notes on a board with one client, in a row from (`x`, 1200) 220 apart, or
 * into the board's empty template notes first (`fillTemplate`: a participant filling the
 * carton); returns once a second client sees every text.
 */
export async function writeNotes(
  server: CartonServer,
  boardId: string,
  token: string,
  texts: string[],
  { x = 3000, fillTemplate = false }: { x?: number; fillTemplate?: boolean } = {},
): Promise<void> {
  const client = connect(server, boardId, token);
  await client.synced;
  client.run((tx) => {
    const empty = fillTemplate ? client.board.listShapes().filter((s) => s.type === 'note') : [];
    texts.forEach((text, n) => {
      const target = empty[n];
      if (target) tx.update(target.id, { text });
      else tx.create('note', { x: x + n * 220, y: 1200, text });
    });
  });
  const watcher = connect(server, boardId, token);
  await watcher.synced;
  await docUntil(watcher.doc, 'the notes', () =>
    texts.every((text) =>
      watcher.board.listShapes().some((s) => s.type === 'note' && s.text === text),
    ),
  );
  client.destroy();
  watcher.destroy();
}

export async function metrics(server: CartonServer): Promise<Record<string, number>> {
  return (await (await fetch(`${server.url}/metrics`)).json()) as Record<string, number>;
}

/**
 * Sends a document update on a raw socket, then a query-awareness frame, and resolves on the
 * server's answer to it: the relay handles a connection's frames in order, so by then the
 * update was handled (applied or dropped).
 */
export async function updateThenRoundTrip(ws: WebSocket, update: Uint8Array): Promise<void> {
  const answered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to query awareness in 5 s')), 5_000);
    const onMessage = (data: Buffer) => {
      if (data[0] !== 1) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve();
    };
    ws.on('message', onMessage);
  });
  ws.send(frame(0, 2, update));
  ws.send(Buffer.from([3]));
  await answered;
}

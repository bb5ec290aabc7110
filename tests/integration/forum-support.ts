// Shared pieces of the forum-day integration tests (forum-*.test.ts).
import { createHash } from 'node:crypto';
import { forumRoomName, ideaKey, type Shape } from '@carton/board';
import { expect } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import type WebSocket from 'ws';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  exportJson,
  forumSuite,
  frame,
  type Client,
  type CreatedBoard,
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

// C10 « Les incontournables » on the plenary (plenary-list-*.test.ts, forum-plenary-list,
// list-on-plenary-state).

/** The title of the forum `blankForumSuite` makes; the tests' own forums are `blankForum`s. */
const SUITE_TITLE = 'Forum régional de l’Alliance 2023';

/** A forum of blank boards (no templates) with these territories. */
export function blankForum(
  server: CartonServer,
  territories: string[],
  title = 'Forum des Alliances',
): Promise<CreatedForum> {
  return createForum(server, { title, templates: false, territories });
}

/** `forumSuite` with one blank forum of these territories; `ready` is handed the server. */
export function blankForumSuite(
  territories: string[],
  ready: (server: CartonServer) => void,
): void {
  forumSuite(
    (started) => blankForum(started, territories, SUITE_TITLE),
    (started) => ready(started),
  );
}

export const plenaryOf = (f: CreatedForum): CreatedBoard =>
  f.boards.find((b) => b.kind === 'plenary')!;

/** « Mettre la liste sur la plénière »: the facilitator's POST of C10's placing. */
export const placeList = (server: CartonServer, f: CreatedForum, body: unknown = {}) =>
  api(server, 'POST', `/api/forums/${f.forum.id}/compilation/plenary`, f.facilitator.token, body);

/** The plenary's shapes, as its JSON export gives them. */
export async function plenaryShapes(server: CartonServer, f: CreatedForum): Promise<Shape[]> {
  const answer = await exportJson(server, plenaryOf(f).id, f.facilitator.token);
  return ((await answer.json()) as { shapes: Shape[] }).shapes;
}

export const noteOf = (shapes: Shape[], text: string) =>
  shapes.find((s) => s.type === 'note' && s.text === text);

/** The id C10 gives an idea's note in an area (any plenary writer can compute it). */
export const listNoteId = (areaId: string, text: string, attempt = 0) =>
  'shape:incontournable-' +
  createHash('sha256')
    .update(
      attempt === 0 ? `${areaId}\n${ideaKey(text)}` : `${areaId}\n${ideaKey(text)}\n${attempt}`,
    )
    .digest('base64url')
    .slice(0, 22);

/** The forum's archive (GET archive.zip, as the facilitator), its bytes. */
export async function forumArchive(server: CartonServer, f: CreatedForum): Promise<Uint8Array> {
  const zip = await authFetch(server, `/api/forums/${f.forum.id}/archive.zip`, f.facilitator.token);
  expect(zip.status).toBe(200);
  return new Uint8Array(await zip.arrayBuffer());
}

/** POST of a forum archive to the import; the answer as is. */
export const importArchive = (server: CartonServer, zip: Uint8Array): Promise<Response> =>
  fetch(`${server.url}/api/forums/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: Buffer.from(zip),
  });

/**
 * A participant's page on `board` (its edit link, the stock client) writes `write`; returns once
 * another client (its view link) sees `done`, so the server holds it.
 */
export async function participantWrites(
  server: CartonServer,
  board: CreatedBoard,
  write: (participant: Client) => void,
  done: (watcher: Client) => boolean,
  what = 'the participant’s writing',
): Promise<void> {
  const participant = connect(server, board.id, board.edit.token);
  await participant.synced;
  write(participant);
  const watcher = connect(server, board.id, board.view.token);
  await watcher.synced;
  await docUntil(watcher.doc, what, () => done(watcher));
  watcher.destroy();
  participant.destroy();
}

/** A blank forum whose first territory's board holds `texts` as notes. */
export async function forumWithIdeas(
  server: CartonServer,
  territories: string[],
  texts: string[],
): Promise<{ f: CreatedForum; territory: CreatedBoard }> {
  const f = await blankForum(server, territories);
  const territory = f.boards.find((b) => b.territory === territories[0])!;
  await writeNotes(server, territory.id, territory.edit.token, texts);
  return { f, territory };
}

/** `forumWithIdeas`, then the list placed on the plenary (200); `first` is the placing's answer. */
export async function forumWithListPlaced(
  server: CartonServer,
  territories: string[],
  texts: string[],
): Promise<{ f: CreatedForum; territory: CreatedBoard; first: Awaited<ReturnType<typeof api>> }> {
  const { f, territory } = await forumWithIdeas(server, territories, texts);
  const first = await placeList(server, f);
  expect(first.status).toBe(200);
  return { f, territory, first };
}

// R70: after the forum, the facilitators download its archive and delete the forum for good —
// participants' photos show faces, notes carry names. Everything of it leaves storage (the
// SQLite file's bytes included), every link answers 410, every live socket closes with 4410 and
// stays closed, and another forum of the same server (even one sharing a photo) is untouched.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { forumRoomName } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeStore, type StoreProbe } from '../../apps/server/src/archive/test-refused-writes.ts';
import { carton } from '../support/cli.ts';
import { databaseUrlFor, startServer, type CartonServer } from '../support/server.ts';
import { png } from './fixtures/images.ts';
import {
  authFetch,
  connect,
  docUntil,
  refusedUpgrade,
  type Client,
  type CreatedForum,
} from './helpers.ts';
import { api, connectForum, createSeedForum } from './forum-support.ts';

let server: CartonServer;
let probe: StoreProbe;
let doomed: CreatedForum;
let kept: CreatedForum;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
  probe = await probeStore(server.dataDir, databaseUrlFor(server.dataDir));
  doomed = await createSeedForum(server, ['Kamouraska', 'La Mitis', 'Témiscouata']);
  kept = await createSeedForum(server, ['Kamouraska', 'Rimouski-Neigette']);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await probe?.close();
  await server?.dispose();
});

const sqlite = () => databaseUrlFor(server.dataDir) === undefined;
const territory = (forum: CreatedForum, name: string) =>
  forum.boards.find((b) => b.territory === name)!;
const plenary = (forum: CreatedForum) => forum.boards.find((b) => b.kind === 'plenary')!;
const deleteForum = (forum: CreatedForum, token: string) =>
  api(server, 'DELETE', `/api/forums/${forum.forum.id}`, token);

async function upload(boardId: string, token: string, bytes: Buffer): Promise<string> {
  const response = await authFetch(server, `/api/boards/${boardId}/images`, token, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png' },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { blobId: string }).blobId;
}

/** Writes notes through the stock client; resolves once a second link's client sees them. */
async function writeNotes(boardId: string, token: string, texts: string[]): Promise<string[]> {
  const writer = connect(server, boardId, token);
  const reader = connect(server, boardId, token);
  try {
    await Promise.all([writer.synced, reader.synced]);
    const ids = texts.map((text, i) =>
      writer.run((tx) => tx.create('note', { x: 40 + i * 10, y: 40, text })),
    );
    await docUntil(reader.doc, 'the notes on the server', () =>
      ids.every((id) => reader.shape(id)),
    );
    return ids;
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

/** The SQLite file and its WAL, as bytes (what a disk image or a stolen laptop would show). */
function databaseBytes(): Buffer {
  const file = join(server.dataDir, 'carton.sqlite');
  const parts = [file, `${file}-wal`].filter((path) => existsSync(path));
  return Buffer.concat(parts.map((path) => readFileSync(path)));
}

/** Resolves with the close code the stock client got (the first close). */
function closeCode(client: Client): Promise<number> {
  return new Promise((resolve) =>
    client.provider.once('connection-close', (event: { code: number } | null) =>
      resolve(event?.code ?? 0),
    ),
  );
}

describe('a forum deleted for good', () => {
  // Unique words and pixels: found in the file before the delete, searched for after it.
  const secret = `Ginette Bérubé, 418-555-${Date.now() % 10_000} — transport à Pohénégamook`;
  const face = png(61, 43); // only the doomed forum has it
  const shared = png(64, 48); // both forums have it (one row per forum, R36)

  it('R70: erases documents, photos, votes and versions; links 410, sockets 4410', async () => {
    const kamouraska = territory(doomed, 'Kamouraska');
    const mitis = territory(doomed, 'La Mitis');
    const [noteId] = await writeNotes(kamouraska.id, kamouraska.edit.token, [secret]);
    const faceId = await upload(kamouraska.id, kamouraska.edit.token, face);
    const sharedId = await upload(mitis.id, mitis.edit.token, shared);
    const keptBoard = territory(kept, 'Kamouraska');
    const [keptNote] = await writeNotes(keptBoard.id, keptBoard.edit.token, ['Épicerie solidaire']);
    expect(await upload(keptBoard.id, keptBoard.edit.token, shared)).toBe(sharedId);
    // A named version (R27), a dot vote (V1–V4) on each forum, a removed board (R56).
    const version = await api(
      server,
      'POST',
      `/api/boards/${kamouraska.id}/snapshots`,
      doomed.facilitator.token,
      { name: 'Avant la pause' },
    );
    expect(version.status).toBe(201);
    for (const [forum, board, shapeId] of [
      [doomed, kamouraska, noteId!],
      [kept, keptBoard, keptNote!],
    ] as const) {
      const vote = await api(
        server,
        'POST',
        `/api/forums/${forum.forum.id}/votes`,
        forum.facilitator.token,
        {
          title: 'Nos incontournables',
          boardIds: [board.id],
          dotsPerParticipant: 3,
        },
      );
      expect(vote.status).toBe(201);
      const dot = await api(
        server,
        'POST',
        `/api/forums/${forum.forum.id}/votes/${vote.body.vote.id}/dots`,
        board.edit.token,
        { boardId: board.id, shapeId, voterId: 'voter-amelie-0001' },
      );
      expect(dot.status).toBe(201);
    }
    const temis = territory(doomed, 'Témiscouata');
    expect(
      (
        await api(
          server,
          'DELETE',
          `/api/forums/${doomed.forum.id}/boards/${temis.id}`,
          doomed.facilitator.token,
        )
      ).status,
    ).toBe(200);
    if (sqlite()) {
      expect(databaseBytes().includes(Buffer.from(secret))).toBe(true);
      expect(databaseBytes().includes(face)).toBe(true);
    }

    // Live: a participant on the board, another on the forum document, both stock clients.
    const onBoard = connect(server, mitis.id, mitis.edit.token);
    const onForum = connectForum(server, doomed.forum.id, plenary(doomed).view.token);
    const keptClient = connect(server, keptBoard.id, keptBoard.edit.token);
    clients.push(onBoard, onForum, keptClient);
    await Promise.all([onBoard.synced, onForum.synced, keptClient.synced]);
    const closes = [closeCode(onBoard), closeCode(onForum)];

    // Only the facilitator deletes.
    const participant = await deleteForum(doomed, mitis.edit.token);
    expect(participant.status).toBe(403);
    expect(participant.body.error.code).toBe('forbidden');

    // A participant still drawing while the delete runs: in-flight appends race the erase.
    for (let i = 0; i < 30; i++)
      onBoard.run((tx) => tx.create('note', { x: i, y: 300, text: `${secret} ${i}` }));
    const deleted = await deleteForum(doomed, doomed.facilitator.token);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: { id: doomed.forum.id, title: doomed.forum.title } });

    // Gone from the file and its WAL as soon as the delete answers (the server still running).
    if (sqlite()) {
      expect(databaseBytes().includes(Buffer.from('Ginette Bérubé'))).toBe(false);
      expect(databaseBytes().includes(face)).toBe(false);
    }
    expect(await Promise.all(closes)).toEqual([4410, 4410]);
    expect(onBoard.provider.shouldConnect).toBe(false);
    expect(onForum.provider.shouldConnect).toBe(false);

    // Every link of the forum answers 410 — removed board's too — and a second DELETE as well.
    const gone = { error: { code: 'forum_deleted', message: 'This forum was deleted.' } };
    for (const board of doomed.boards) {
      for (const link of [board.edit, board.view]) {
        const info = await api(server, 'GET', `/api/boards/${board.id}`, link.token);
        expect([board.id, info.status, info.body]).toEqual([board.id, 410, gone]);
        const upgrade = await refusedUpgrade(
          `${server.syncUrl}/${board.id}?token=${encodeURIComponent(link.token)}`,
        );
        expect(upgrade.status).toBe(410);
        expect(upgrade.body).toEqual(gone);
      }
    }
    const forumPath = `/api/forums/${doomed.forum.id}`;
    expect((await api(server, 'GET', forumPath, doomed.facilitator.token)).status).toBe(410);
    const listing = await api(server, 'GET', `${forumPath}/boards`, plenary(doomed).edit.token);
    expect([listing.status, listing.body]).toEqual([410, gone]);
    const room = await refusedUpgrade(
      `${server.syncUrl}/${forumRoomName(doomed.forum.id)}?token=${encodeURIComponent(doomed.facilitator.token)}`,
    );
    expect([room.status, room.body]).toEqual([410, gone]);
    const again = await deleteForum(doomed, doomed.facilitator.token);
    expect([again.status, again.body]).toEqual([410, gone]);
    expect((await deleteForum(doomed, mitis.edit.token)).status).toBe(410);

    // A restart flushes whatever room was still held (R8): nothing comes back.
    onBoard.destroy();
    onForum.destroy();
    keptClient.destroy();
    await server.restart();
    const tally = await probe.tally();
    const documents = [...doomed.boards.map((b) => b.id), forumRoomName(doomed.forum.id)];
    for (const table of ['board_updates', 'board_state', 'board_snapshots']) {
      for (const id of documents)
        expect([table, id, tally[table]?.[id]]).toEqual([table, id, undefined]);
    }
    expect(tally.blobs?.[doomed.forum.id]).toBeUndefined();
    expect(tally.vote_dots?.[doomed.forum.id]).toBeUndefined();
    // The tombstone: its rows, no names.
    expect(tally.forums?.[doomed.forum.id]).toBe(1);
    expect(await probe.blobIds(doomed.forum.id)).toEqual([]);
    if (sqlite()) {
      const bytes = databaseBytes();
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from('Ginette Bérubé'))).toBe(false);
      expect(bytes.includes(face)).toBe(false);
    }
    expect(faceId).not.toBe(sharedId);

    // The other forum: its board, its photo (the shared one too) and its dot are intact.
    expect(await probe.blobIds(kept.forum.id)).toEqual([sharedId]);
    expect(tally.vote_dots?.[kept.forum.id]).toBe(1);
    const image = await authFetch(
      server,
      `/api/boards/${keptBoard.id}/images/${sharedId}`,
      keptBoard.view.token,
    );
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(shared)).toBe(true);
    const reader = connect(server, keptBoard.id, keptBoard.view.token);
    clients.push(reader);
    await reader.synced;
    expect(reader.shape(keptNote!)).toMatchObject({ text: 'Épicerie solidaire' });
    expect(
      (await api(server, 'GET', `/api/forums/${kept.forum.id}`, kept.facilitator.token)).status,
    ).toBe(200);
  });
});

describe('carton delete, beside the running server', () => {
  it('R70: refuses without --yes and says what would go; with it, the server closes 4410', async () => {
    const forum = await createSeedForum(server, ['La Matapédia']);
    const board = territory(forum, 'La Matapédia');
    const words = `Ghislain Ouellet, Causapscal ${Date.now()}`;
    await writeNotes(board.id, board.edit.token, [words]);
    await upload(board.id, board.edit.token, png(53, 29));
    const onBoard = connect(server, board.id, board.view.token);
    const onForum = connectForum(server, forum.forum.id, board.edit.token);
    clients.push(onBoard, onForum);
    await Promise.all([onBoard.synced, onForum.synced]);
    const closes = [closeCode(onBoard), closeCode(onForum)];
    const args = ['delete', '--data', server.dataDir, '--forum', forum.forum.id];

    const refused = (await carton(args).catch((error: unknown) => error)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`(${forum.forum.id})\u00a0: le supprimer efface pour de bon`);
    expect(refused.stdout).toContain('3 tableaux\u00a0: chaque papillon');
    expect(refused.stdout).toContain('Cela ne peut pas être annulé');
    expect(refused.stdout).toContain(`carton export --forum ${forum.forum.id} --out forum.zip`);
    expect(refused.stderr).toContain('rien n’a été supprimé\u00a0: ajoutez --yes');
    const page = `/api/forums/${forum.forum.id}`;
    expect((await api(server, 'GET', page, forum.facilitator.token)).status).toBe(200);

    const done = await carton([...args, '--yes']);
    expect(done.stdout).toContain(`(${forum.forum.id}) supprimé\u00a0: 3 tableaux et`);
    // Another process's commit: the server closes the forum's sockets by itself (L4's check).
    expect(await Promise.all(closes)).toEqual([4410, 4410]);
    expect(onBoard.provider.shouldConnect).toBe(false);
    const gone = await api(server, 'GET', `/api/boards/${board.id}`, board.edit.token);
    expect([gone.status, gone.body.error.code]).toEqual([410, 'forum_deleted']);
    expect((await api(server, 'GET', page, forum.facilitator.token)).status).toBe(410);

    // The server held the rooms: once they unload (a restart flushes them all), nothing is back.
    onBoard.destroy();
    onForum.destroy();
    await server.restart();
    const tally = await probe.tally();
    for (const id of [...forum.boards.map((b) => b.id), forumRoomName(forum.forum.id)]) {
      for (const table of ['board_updates', 'board_state', 'board_snapshots']) {
        expect([table, id, tally[table]?.[id]]).toEqual([table, id, undefined]);
      }
    }
    expect(await probe.blobIds(forum.forum.id)).toEqual([]);
    if (sqlite()) expect(databaseBytes().includes(Buffer.from(words))).toBe(false);
    const again = (await carton([...args, '--yes']).catch((error: unknown) => error)) as {
      code: number;
      stderr: string;
    };
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`le forum ${forum.forum.id} est déjà supprimé`);
  });
});

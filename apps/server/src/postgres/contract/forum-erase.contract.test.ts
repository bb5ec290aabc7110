// R70: a forum deleted for good, on SQLite and PostgreSQL — what the erase leaves (a tombstone
// with no names), what its links resolve to, and writes racing it (a room's flush, a
// compaction, a version, an upload, a dot, from this process or another) dropped by storage.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewBlob } from '../../blobs/blob-store.ts';
import type { BoardRecord, ForumStore, NewTokenGrant } from '../../forums/forum-store.ts';
import { hashToken } from '../../forums/tokens.ts';
import type { BoardStorage } from '../../storage/board-storage.ts';
import { SqliteBoardStorage } from '../../storage/sqlite-board-storage.ts';
import { PgBoardStorage } from '../pg-board-storage.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';
import { blobStoreOn, forumStoreOn, voteStoreOn } from './stores.ts';

const board = (id: string, forumId: string, position: number, territory: string | null) =>
  ({
    id,
    forumId,
    position,
    kind: territory === null ? 'plenary' : 'territory',
    title: territory === null ? 'Plénière' : `Conditions de succès — ${territory}`,
    territory,
  }) satisfies BoardRecord;

const grant = (
  token: string,
  role: NewTokenGrant['role'],
  forumId: string,
  boardId: string | null,
): NewTokenGrant => ({
  hash: hashToken(token),
  role,
  forumId,
  boardId,
  sealed: role === 'facilitator' ? null : Buffer.from(`scellé:${token}`),
});

function photo(text: string): NewBlob {
  const data = new TextEncoder().encode(`PNG… ${text}`);
  const blobId = createHash('sha256').update(data).digest('hex');
  return { info: { blobId, mime: 'image/png', width: 4, height: 3, bytes: data.byteLength }, data };
}

const note = new TextEncoder().encode('Ginette Bérubé, transport à Pohénégamook');

for (const makeBackend of BACKENDS) {
  const backend = makeBackend();
  describe(`ForumStore.eraseForum on ${backend.name}`, () => {
    let db: TestDatabase;
    let forums: ForumStore;
    let boards: BoardStorage;

    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    beforeEach(async () => {
      db = await backend.open();
      forums = forumStoreOn(db);
      boards = db.sqlite
        ? new SqliteBoardStorage(db.sqlite)
        : new PgBoardStorage(db.pool!, { closePool: false });
      for (const forumId of ['doomed', 'kept']) {
        await forums.createForum(
          { id: forumId, title: `Forum ${forumId}`, createdAt: 1, date: '2023-11-09' },
          [
            board(`${forumId}-p`, forumId, 0, null),
            board(`${forumId}-k`, forumId, 1, 'Kamouraska'),
          ],
          [
            grant(`${forumId}-animation`, 'facilitator', forumId, null),
            grant(`${forumId}-k-edit`, 'edit', forumId, `${forumId}-k`),
            grant(`${forumId}-p-view`, 'view', forumId, `${forumId}-p`),
          ],
        );
        for (const id of [`${forumId}-p`, `${forumId}-k`, `forum:${forumId}`]) {
          await boards.append(id, note);
          await boards.saveSnapshot(id, note, { kind: 'named', name: 'Avant la pause' });
        }
        await blobStoreOn(db).put(forumId, [photo('visage'), photo(`${forumId} seul`)], 1e9);
        await voteStoreOn(db).add(
          forumId,
          'v1',
          'voter',
          { boardId: `${forumId}-k`, shapeId: 's' },
          3,
        );
      }
      expect(await forums.removeBoard('doomed-k', 'doomed')).not.toBeNull();
    });
    afterEach(() => db.close());

    it('R70: erases every document, photo and dot; keeps a tombstone whose links say deleted', async () => {
      const erased = await forums.eraseForum('doomed');
      expect(erased).toMatchObject({
        id: 'doomed',
        title: 'Forum doomed',
        documentIds: ['doomed-p', 'doomed-k', 'forum:doomed'],
      });
      expect(erased!.tokenHashes).toHaveLength(3);
      for (const id of ['doomed-p', 'doomed-k', 'forum:doomed']) {
        expect(await boards.load(id)).toMatchObject({ snapshot: null, updates: [] });
        expect(await boards.listSnapshots(id)).toEqual([]);
      }
      expect(await blobStoreOn(db).forumBytes('doomed')).toBe(0);
      expect(await voteStoreOn(db).counts('v1')).toEqual([
        { boardId: 'kept-k', shapeId: 's', count: 1 },
      ]);
      // The tombstone: no title, no day, no board names, no sealed links.
      expect(await forums.getForum('doomed')).toMatchObject({ title: '', date: null });
      expect((await forums.getForum('doomed'))!.deletedAt).toBeGreaterThan(0);
      expect(await forums.listBoards('doomed')).toEqual([
        expect.objectContaining({ id: 'doomed-p', title: '', territory: null }),
      ]);
      expect(await forums.listSealedLinks('doomed')).toEqual([
        { boardId: 'doomed-p', role: 'view', sealed: null },
      ]);
      expect((await forums.listForums()).map((f) => f.id)).toEqual(['kept']);
      // Every link, the removed board's too, resolves as deleted (410), not unknown (401).
      for (const token of ['doomed-animation', 'doomed-k-edit', 'doomed-p-view']) {
        expect(await forums.findGrant(hashToken(token))).toMatchObject({ forumDeleted: true });
      }
      expect(await forums.findGrant(hashToken('kept-k-edit'))).toEqual({
        role: 'edit',
        forumId: 'kept',
        boardId: 'kept-k',
      });
      // Once.
      expect(await forums.eraseForum('doomed')).toBeNull();
      expect(await forums.eraseForum('nowhere')).toBeNull();
      // The other forum: its documents, its photos (the one both forums had too), its dot.
      for (const id of ['kept-p', 'kept-k', 'forum:kept']) {
        expect((await boards.load(id)).updates).toHaveLength(1);
      }
      expect(await blobStoreOn(db).get('kept', photo('visage').info.blobId)).not.toBeNull();
      expect(await blobStoreOn(db).get('kept', photo('kept seul').info.blobId)).not.toBeNull();
    });

    it('R70 (SQLite): nothing of the forum stays in the file, even what a compaction freed', async () => {
      if (!db.sqlite) return;
      const secret = new TextEncoder().encode('Ginette Bérubé, 418-555-0199');
      // The group's note in the log, then compacted away (R7) before the erase, as a room's
      // unload does: its log rows are freed before the erase ever runs.
      await boards.append('doomed-p', secret);
      const seq = await boards.append('doomed-p', note);
      await boards.compact('doomed-p', new Uint8Array(8), seq);
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const file = db.sqlite.name;
      const bytes = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
      expect(bytes().includes(Buffer.from(secret))).toBe(false);
      await forums.eraseForum('doomed');
      expect(bytes().includes(Buffer.from(note))).toBe(true); // the other forum's
      expect(bytes().includes(Buffer.from(photo('doomed seul').data))).toBe(false);
      expect(bytes().includes(Buffer.from('Forum doomed'))).toBe(false);
    });

    it('R70: writes racing the erase — this process or another — never bring it back', async () => {
      await forums.eraseForum('doomed');
      // Another process (a second connection) that still held the rooms, flushing them.
      const other = await db.openSecond();
      try {
        const late = other.sqlite
          ? new SqliteBoardStorage(other.sqlite)
          : new PgBoardStorage(other.pool!, { closePool: false });
        for (const storage of [boards, late]) {
          for (const id of ['doomed-p', 'doomed-k', 'forum:doomed']) {
            await storage.append(id, note);
            await storage.compact(id, note, 1_000);
            await Promise.resolve(storage.saveSnapshot(id, note, { kind: 'auto' })).catch(() => {});
          }
        }
        for (const id of ['doomed-p', 'doomed-k', 'forum:doomed']) {
          expect(await boards.load(id)).toMatchObject({ snapshot: null, updates: [] });
          expect(await boards.listSnapshots(id)).toEqual([]);
        }
        await Promise.resolve(blobStoreOn(other).put('doomed', [photo('visage')], 1e9)).catch(
          () => {},
        );
        await Promise.resolve(
          voteStoreOn(other).add('doomed', 'v2', 'voter', { boardId: 'doomed-p', shapeId: 's' }, 3),
        ).catch(() => {});
        expect(await blobStoreOn(db).forumBytes('doomed')).toBe(0);
        expect(await voteStoreOn(db).counts('v2')).toEqual([]);
        // The other forum still takes writes.
        expect(await late.append('kept-k', note)).toBeGreaterThan(0);
      } finally {
        await other.close();
      }
    });
  });
}

// One behaviour suite for ForumStore (R21, R54–R58, L2, L4), run against SQLite and PostgreSQL.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  BoardRecord,
  ForumRecord,
  ForumStore,
  NewTokenGrant,
} from '../../forums/forum-store.ts';
import { hashToken } from '../../forums/tokens.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';
import { forumStoreOn } from './stores.ts';

const FORUM: ForumRecord = {
  id: 'alliance-2023',
  title: 'Forum de l’Alliance BSL 2023',
  createdAt: 1_700_000_000_000,
  date: '2023-11-09',
};
const TERRITORIES = ['Kamouraska', 'Rivière-du-Loup', 'Témiscouata', 'La Mitis'];

function board(id: string, position: number, territory: string | null): BoardRecord {
  return {
    id,
    forumId: FORUM.id,
    position,
    kind: territory === null ? 'plenary' : 'territory',
    title: territory === null ? 'Plénière' : `Conditions de succès — ${territory}`,
    territory,
  };
}

const grant = (
  token: string,
  role: NewTokenGrant['role'],
  boardId: string | null,
  forumId = FORUM.id,
): NewTokenGrant => ({
  hash: hashToken(token),
  role,
  forumId,
  boardId,
  sealed: role === 'facilitator' ? null : Buffer.from(`scellé:${token}`),
});

const BOARDS = [board('pleniere', 0, null), ...TERRITORIES.map((t, i) => board(`t${i}`, i + 1, t))];
const hex = (hashes: Buffer[] | null) => hashes?.map((h) => h.toString('hex')).sort() ?? null;

for (const makeBackend of BACKENDS) {
  const backend = makeBackend();
  describe(`ForumStore contract on ${backend.name}`, () => {
    let db: TestDatabase;
    let forums: ForumStore;

    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    beforeEach(async () => {
      db = await backend.open();
      forums = forumStoreOn(db);
      await forums.createForum(FORUM, BOARDS, [
        grant('animation', 'facilitator', null),
        ...BOARDS.flatMap((b) => [
          grant(`${b.id}-edit`, 'edit', b.id),
          grant(`${b.id}-view`, 'view', b.id),
        ]),
      ]);
    });
    afterEach(() => db.close());

    it('R21: a forum, its boards in order, and grants found by hash only', async () => {
      expect(await forums.getForum(FORUM.id)).toEqual(FORUM);
      expect(await forums.getForum('absent')).toBeNull();
      expect(await forums.listBoards(FORUM.id)).toEqual(BOARDS);
      expect(await forums.getBoard('t3')).toEqual(BOARDS[4]);
      expect(await forums.findGrant(hashToken('t1-edit'))).toEqual({
        role: 'edit',
        forumId: FORUM.id,
        boardId: 't1',
      });
      expect(await forums.findGrant(hashToken('animation'))).toEqual({
        role: 'facilitator',
        forumId: FORUM.id,
        boardId: null,
      });
      expect(await forums.findGrant(hashToken('inconnu'))).toBeNull();
      const sealed = await forums.listSealedLinks(FORUM.id);
      expect(sealed).toHaveLength(BOARDS.length * 2);
      expect(sealed).toContainEqual({
        boardId: 't2',
        role: 'view',
        sealed: Buffer.from('scellé:t2-view'),
      });
    });

    it('survives reopening the database', async () => {
      db = await db.reopen();
      forums = forumStoreOn(db);
      expect(await forums.listBoards(FORUM.id)).toEqual(BOARDS);
      expect(await forums.findGrant(hashToken('t0-view'))).toMatchObject({ role: 'view' });
    });

    it('lists forums oldest first, then by id', async () => {
      await forums.createForum({ id: 'b-forum', title: 'Suivi', createdAt: 5, date: null }, [], []);
      await forums.createForum({ id: 'a-forum', title: 'Bilan', createdAt: 5, date: null }, [], []);
      expect((await forums.listForums()).map((f) => f.id)).toEqual([
        'a-forum',
        'b-forum',
        FORUM.id,
      ]);
    });

    it('R54: a board goes after the last; the limit and the territory are checked', async () => {
      const added = await forums.addBoard(
        {
          id: 'basques',
          forumId: FORUM.id,
          kind: 'territory',
          title: 'Les Basques',
          territory: 'Les Basques',
        },
        [grant('basques-edit', 'edit', 'basques')],
        10,
      );
      expect(added).toEqual({
        ok: true,
        board: expect.objectContaining({ id: 'basques', position: 5 }),
      });
      expect(await forums.findGrant(hashToken('basques-edit'))).toMatchObject({
        boardId: 'basques',
      });
      const taken = await forums.addBoard(
        {
          id: 'mitis2',
          forumId: FORUM.id,
          kind: 'territory',
          title: 'Mitis',
          territory: 'la mitis',
        },
        [],
        10,
      );
      expect(taken).toEqual({ ok: false, reason: 'territory_taken' });
      const full = await forums.addBoard(
        {
          id: 'matanie',
          forumId: FORUM.id,
          kind: 'territory',
          title: 'Matanie',
          territory: 'La Matanie',
        },
        [],
        6,
      );
      expect(full).toEqual({ ok: false, reason: 'too_many_boards' });
      expect(await forums.getBoard('matanie')).toBeNull();
    });

    it('R54: additions at once from two processes never pass the limit', async () => {
      const other = forumStoreOn(await db.openSecond());
      const attempts = Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? other : forums).addBoard(
          {
            id: `cartes-${i}`,
            forumId: FORUM.id,
            kind: 'postcards',
            title: `Cartes ${i}`,
            territory: null,
          },
          [],
          BOARDS.length + 3,
        ),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      const positions = (await forums.listBoards(FORUM.id)).map((b) => b.position);
      expect(new Set(positions).size).toBe(BOARDS.length + 3);
    });

    it('L2: replacing a board token removes the old hash; another forum’s board is refused', async () => {
      const removed = await forums.replaceBoardToken(
        't1',
        'view',
        grant('t1-view-2', 'view', 't1'),
      );
      expect(hex(removed)).toEqual(hex([hashToken('t1-view')]));
      expect(await forums.findGrant(hashToken('t1-view'))).toBeNull();
      expect(await forums.findGrant(hashToken('t1-view-2'))).toMatchObject({ boardId: 't1' });
      expect(await forums.findGrant(hashToken('t1-edit'))).not.toBeNull();
      await forums.createForum({ id: 'autre', title: 'Autre', createdAt: 2, date: null }, [], []);
      expect(
        await forums.replaceBoardToken('t1', 'edit', grant('vol', 'edit', 't1', 'autre')),
      ).toBeNull();
      expect(await forums.findGrant(hashToken('vol'))).toBeNull();
      expect(await forums.findGrant(hashToken('t1-edit'))).not.toBeNull();
    });

    it('L4: a new facilitator token replaces the old one in one step', async () => {
      const removed = await forums.replaceFacilitatorToken(
        FORUM.id,
        grant('animation-2', 'facilitator', null),
      );
      expect(hex(removed)).toEqual(hex([hashToken('animation')]));
      expect(await forums.findGrant(hashToken('animation'))).toBeNull();
      expect(await forums.findGrant(hashToken('animation-2'))).toMatchObject({
        role: 'facilitator',
      });
      expect(await forums.findGrant(hashToken('t0-edit'))).not.toBeNull();
    });

    it('R57: a correction keeps the field it does not give', async () => {
      expect(await forums.updateForum(FORUM.id, { title: 'Forum 2023' })).toEqual({
        ...FORUM,
        title: 'Forum 2023',
      });
      expect(await forums.updateForum(FORUM.id, { date: null })).toEqual({
        ...FORUM,
        title: 'Forum 2023',
        date: null,
      });
      expect(await forums.getForum(FORUM.id)).toMatchObject({ title: 'Forum 2023', date: null });
      expect(await forums.updateForum('absent', { title: 'x' })).toBeNull();
    });

    it('R55: a board renamed, unless another has the territory or it is another forum’s', async () => {
      const renamed = await forums.renameBoard('t0', FORUM.id, {
        title: 'Conditions de succès — Kamouraska (MRC)',
        territory: 'Kamouraska (MRC)',
      });
      expect(renamed).toEqual({
        ok: true,
        before: BOARDS[1],
        after: {
          ...BOARDS[1],
          title: 'Conditions de succès — Kamouraska (MRC)',
          territory: 'Kamouraska (MRC)',
        },
        generation: 1,
      });
      expect(
        await forums.renameBoard('t0', FORUM.id, { title: 'x', territory: 'TÉMISCOUATA' }),
      ).toEqual({ ok: false, reason: 'territory_taken' });
      expect(await forums.renameBoard('t0', 'autre', { title: 'x', territory: null })).toEqual({
        ok: false,
        reason: 'board_not_found',
      });
      expect((await forums.getBoard('t0'))?.territory).toBe('Kamouraska (MRC)');
    });

    it('R55: an undo (ifGeneration) writes only over its own rename', async () => {
      const first = { title: 'Carton du Kamouraska', territory: 'Kamouraska' };
      const second = { title: 'Conditions de succès — MRC de Kamouraska', territory: 'Kamouraska' };
      const wroteFirst = await forums.renameBoard('t0', FORUM.id, first);
      const wroteSecond = await forums.renameBoard('t0', FORUM.id, second);
      if (!wroteFirst.ok || !wroteSecond.ok) throw new Error('renames refused');
      // Each rename counts one more.
      expect(wroteSecond.generation).toBe(wroteFirst.generation + 1);
      // The first rename's undo finds a rename since: nothing written.
      const original = { title: BOARDS[1]!.title, territory: BOARDS[1]!.territory };
      const undo = { ifGeneration: wroteFirst.generation };
      expect(await forums.renameBoard('t0', FORUM.id, original, undo)).toEqual({
        ok: false,
        reason: 'board_changed',
      });
      expect(await forums.getBoard('t0')).toMatchObject(second);
      // The second's undo finds its own write: the board has the name from before it.
      const undone = await forums.renameBoard('t0', FORUM.id, first, {
        ifGeneration: wroteSecond.generation,
      });
      expect(undone).toMatchObject({ ok: true, generation: wroteSecond.generation + 1 });
      expect(await forums.getBoard('t0')).toMatchObject(first);
    });

    it('R55: an undo leaves a later rename that gave the same name back', async () => {
      const fixed = { title: 'Conditions de succès — Témiscouata', territory: 'Kamouraska' };
      const other = { title: 'Carton du Kamouraska', territory: 'Kamouraska' };
      const failed = await forums.renameBoard('t0', FORUM.id, fixed);
      if (!failed.ok) throw new Error('rename refused');
      // Two renames stored meanwhile, the second writing the failed one's name again.
      expect((await forums.renameBoard('t0', FORUM.id, other)).ok).toBe(true);
      expect((await forums.renameBoard('t0', FORUM.id, fixed)).ok).toBe(true);
      const before = { title: failed.before.title, territory: failed.before.territory };
      expect(
        await forums.renameBoard('t0', FORUM.id, before, { ifGeneration: failed.generation }),
      ).toEqual({ ok: false, reason: 'board_changed' });
      expect(await forums.getBoard('t0')).toMatchObject(fixed);
    });

    it('R56, R58: a removed board is out of every read, then back with its grants and place', async () => {
      const removed = await forums.removeBoard('t3', FORUM.id);
      expect(hex(removed)).toEqual(hex([hashToken('t3-edit'), hashToken('t3-view')]));
      expect(await forums.removeBoard('t3', FORUM.id)).toBeNull();
      expect(await forums.getBoard('t3')).toBeNull();
      expect(await forums.findGrant(hashToken('t3-edit'))).toBeNull();
      expect((await forums.listBoards(FORUM.id)).map((b) => b.id)).not.toContain('t3');
      expect((await forums.listSealedLinks(FORUM.id)).map((l) => l.boardId)).not.toContain('t3');
      expect(await forums.listRemovedBoards(FORUM.id)).toEqual([
        { ...BOARDS[4], removedAt: expect.any(Number) },
      ]);
      db = await db.reopen();
      forums = forumStoreOn(db);
      // Its territory is free meanwhile: a new board takes it, so the restore is refused.
      await forums.addBoard(
        {
          id: 'mitis-bis',
          forumId: FORUM.id,
          kind: 'territory',
          title: 'La Mitis',
          territory: 'La Mitis',
        },
        [],
        64,
      );
      expect(await forums.restoreBoard('t3', FORUM.id, 64)).toEqual({
        ok: false,
        reason: 'territory_taken',
      });
      await forums.removeBoard('mitis-bis', FORUM.id);
      expect(await forums.restoreBoard('t3', 'autre', 64)).toEqual({
        ok: false,
        reason: 'board_not_found',
      });
      expect(await forums.restoreBoard('t3', FORUM.id, 64)).toEqual({ ok: true, board: BOARDS[4] });
      expect(await forums.restoreBoard('t3', FORUM.id, 64)).toEqual({
        ok: false,
        reason: 'board_not_found',
      });
      expect(await forums.findGrant(hashToken('t3-edit'))).toMatchObject({ boardId: 't3' });
      expect((await forums.listRemovedBoards(FORUM.id)).map((b) => b.id)).toEqual(['mitis-bis']);
    });
  });
}

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, dataDir, solidPng, type DataDir } from '../archive/test-support.ts';
import type { BoardRecord, NewTokenGrant } from './forum-store.ts';
import { generateToken, hashToken } from './tokens.ts';

// The store methods documented « atomic » (forum-store.ts): each checks its condition in the
// transaction that writes, and a refusal writes nothing. A PostgreSQL store answers the same.

let data: DataDir;
const forumId = 'forum-alliance-bsl';

const board = (id: string, territory: string | null, position = 0): BoardRecord => ({
  id,
  forumId,
  position,
  kind: territory === null ? 'postcards' : 'territory',
  title: territory === null ? 'Cartes postales' : `Conditions de succès — ${territory}`,
  territory,
});
const grant = (boardId: string, role: 'edit' | 'view' = 'edit'): NewTokenGrant => ({
  hash: hashToken(generateToken()),
  role,
  forumId,
  boardId,
});

beforeEach(() => {
  data = dataDir();
  data.forums.createForum(
    { id: forumId, title: 'Forum régional de l’Alliance 2023', createdAt: 1, date: null },
    [board('kamouraska', 'Kamouraska', 0), board('mitis', 'La Mitis', 1)],
    [grant('kamouraska'), grant('mitis')],
  );
});
afterEach(() => data.dispose());

describe('SqliteForumStore, atomic methods', () => {
  it('R54: addBoard places a board last, unless the forum is full or has its territory', () => {
    const added = data.forums.addBoard(
      { id: 'basques', forumId, kind: 'territory', title: 'Les Basques', territory: 'Les Basques' },
      [grant('basques')],
      3,
    );
    expect(added).toEqual({ ok: true, board: expect.objectContaining({ position: 2 }) });
    const before = [count(data, 'boards'), count(data, 'tokens')];
    expect(
      data.forums.addBoard(
        { id: 'x', forumId, kind: 'territory', title: 'x', territory: 'la mitis' },
        [grant('x')],
        10,
      ),
    ).toEqual({ ok: false, reason: 'territory_taken' });
    expect(
      data.forums.addBoard(
        { id: 'y', forumId, kind: 'postcards', title: 'y', territory: null },
        [grant('y')],
        3,
      ),
    ).toEqual({ ok: false, reason: 'too_many_boards' });
    expect([count(data, 'boards'), count(data, 'tokens')]).toEqual(before);
  });

  it('R55: renameBoard answers before and after; refuses a taken territory or another forum', () => {
    expect(
      data.forums.renameBoard('mitis', forumId, {
        title: 'La Mitis (Mont-Joli)',
        territory: 'La Mitis',
      }),
    ).toEqual({
      ok: true,
      before: board('mitis', 'La Mitis', 1),
      after: { ...board('mitis', 'La Mitis', 1), title: 'La Mitis (Mont-Joli)' },
      generation: 1,
    });
    expect(
      data.forums.renameBoard('mitis', forumId, { title: 'K', territory: 'KAMOURASKA' }),
    ).toEqual({ ok: false, reason: 'territory_taken' });
    expect(
      data.forums.renameBoard('mitis', 'another-forum', { title: 'K', territory: null }),
    ).toEqual({ ok: false, reason: 'board_not_found' });
    expect(data.forums.getBoard('mitis')?.title).toBe('La Mitis (Mont-Joli)');
  });

  it('R56, R58, L2: removal and restore once each; no new link for a removed board', () => {
    expect(data.forums.removeBoard('mitis', 'another-forum')).toBeNull();
    expect(data.forums.removeBoard('mitis', forumId)).toHaveLength(1);
    expect(data.forums.removeBoard('mitis', forumId)).toBeNull();
    expect(data.forums.replaceBoardToken('mitis', 'view', grant('mitis', 'view'))).toBeNull();
    expect(data.forums.replaceBoardToken('kamouraska', 'view', grant('mitis', 'view'))).toEqual([]);
    // Meanwhile another board took its territory, then the forum filled up.
    data.forums.renameBoard('kamouraska', forumId, { title: 'M', territory: 'La Mitis' });
    expect(data.forums.restoreBoard('mitis', forumId, 10)).toEqual({
      ok: false,
      reason: 'territory_taken',
    });
    data.forums.renameBoard('kamouraska', forumId, { title: 'K', territory: 'Kamouraska' });
    expect(data.forums.restoreBoard('mitis', forumId, 1)).toEqual({
      ok: false,
      reason: 'too_many_boards',
    });
    expect(data.forums.restoreBoard('mitis', 'another-forum', 10)).toEqual({
      ok: false,
      reason: 'board_not_found',
    });
    expect(data.forums.listRemovedBoards(forumId).map((b) => b.id)).toEqual(['mitis']);
    expect(data.forums.restoreBoard('mitis', forumId, 10)).toEqual({
      ok: true,
      board: board('mitis', 'La Mitis', 1),
    });
  });

  it('R57: updateForum changes only the fields given', () => {
    expect(data.forums.updateForum(forumId, { date: '2023-05-31' })).toMatchObject({
      title: 'Forum régional de l’Alliance 2023',
      date: '2023-05-31',
    });
    expect(data.forums.updateForum(forumId, { title: 'Forum 2023' })).toMatchObject({
      title: 'Forum 2023',
      date: '2023-05-31',
    });
    expect(data.forums.updateForum(forumId, { date: null })?.date).toBeNull();
    expect(data.forums.updateForum('another-forum', { title: 'x' })).toBeNull();
  });
});

describe('SqliteBlobStore.put (R35)', () => {
  const image = (rgb: [number, number, number]) => {
    const bytes = solidPng(8, 8, rgb);
    const blobId = createHash('sha256').update(bytes).digest('hex');
    return {
      info: { blobId, mime: 'image/png' as const, width: 8, height: 8, bytes: bytes.byteLength },
      data: bytes,
    };
  };

  it('stores a batch within the quota, or nothing; images it has cost nothing', () => {
    const red = image([200, 30, 30]);
    const blue = image([30, 30, 200]);
    const quota = red.info.bytes + blue.info.bytes - 1;
    expect(data.blobs.put(forumId, [red, blue], quota)).toBeNull();
    expect(count(data, 'blobs')).toBe(0);
    expect(data.blobs.put(forumId, [red], quota)).toEqual([red.info]);
    expect(data.blobs.put(forumId, [red, red], quota)).toEqual([red.info, red.info]);
    expect(data.blobs.put(forumId, [blue], quota)).toBeNull();
    expect(data.blobs.forumBytes(forumId)).toBe(red.info.bytes);
  });
});

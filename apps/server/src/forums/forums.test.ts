import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMeta } from '@carton/board';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import {
  canWrite,
  resolveBoardAccess,
  resolveForumAccess,
  resolveForumMemberAccess,
} from './access.ts';
import { createForum, CreateForumInput, DEFAULT_TERRITORIES } from './create-forum.ts';
import { SqliteForumStore } from './sqlite-forum-store.ts';
import { generateToken, hashToken } from './tokens.ts';

let dir: string;
let db: SqliteDatabase;
let forums: SqliteForumStore;
let boards: SqliteBoardStorage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-forums-'));
  db = openDatabase(dir);
  forums = new SqliteForumStore(db);
  boards = new SqliteBoardStorage(db);
});

afterEach(() => {
  boards.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (input: CreateForumInput = { title: 'Forum de l’Alliance' }) =>
  createForum(input, { forums, boards, baseUrl: 'http://carton.local:8787' });

describe('createForum', () => {
  it('R23: writes each board’s initial doc through the model', async () => {
    const created = await create();
    expect(created.boards).toHaveLength(DEFAULT_TERRITORIES.length + 2);
    for (const board of created.boards) {
      const stored = boards.load(board.id);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.snapshot!);
      expect(readMeta(doc)).toMatchObject({ title: board.title, kind: board.kind });
    }
    expect(forums.listBoards(created.forum.id).map((b) => b.id)).toEqual(
      created.boards.map((b) => b.id),
    );
  });

  it('R21: stores token hashes only, each resolving to its grant', async () => {
    const created = await create();
    const board = created.boards[1]!;
    expect(forums.findGrant(hashToken(board.edit.token))).toEqual({
      role: 'edit',
      forumId: created.forum.id,
      boardId: board.id,
    });
    const raw = db.prepare('SELECT hash FROM tokens').all() as Array<{ hash: Buffer }>;
    expect(raw).toHaveLength(1 + created.boards.length * 2);
    expect(raw.some((row) => row.hash.toString('base64url') === board.edit.token)).toBe(false);
  });

  it('R24: validates the input', () => {
    expect(CreateForumInput.safeParse({ title: ' Forum ' }).data).toEqual({ title: 'Forum' });
    expect(CreateForumInput.safeParse({ title: '' }).success).toBe(false);
    expect(CreateForumInput.safeParse({ title: 'F', territories: ['A', 'a'] }).success).toBe(false);
    expect(CreateForumInput.safeParse({ title: 'F', territories: [] }).success).toBe(false);
  });
});

describe('access', () => {
  it('R22: edit, view and facilitator roles, and refusals', async () => {
    const created = await create();
    const other = await create({ title: 'Autre', territories: ['Matane'] });
    const board = created.boards[2]!;
    const at = (token: string | null, id = board.id) => resolveBoardAccess(forums, id, token);
    expect(await at(board.edit.token)).toMatchObject({ ok: true, role: 'edit' });
    expect(await at(board.view.token)).toMatchObject({ ok: true, role: 'view' });
    expect(await at(created.facilitator.token)).toMatchObject({ ok: true, role: 'facilitator' });
    expect(await at(null)).toMatchObject({ ok: false, status: 401, code: 'missing_token' });
    expect(await at('court')).toMatchObject({ ok: false, status: 401, code: 'invalid_token' });
    expect(await at(generateToken())).toMatchObject({
      ok: false,
      status: 401,
      code: 'invalid_token',
    });
    expect(await at(created.boards[3]!.edit.token)).toMatchObject({ ok: false, status: 403 });
    expect(await at(other.facilitator.token)).toMatchObject({ ok: false, status: 403 });
    expect(await at(board.edit.token, 'absent')).toMatchObject({ ok: false, status: 404 });
    expect(await at(board.edit.token, '../x')).toMatchObject({ ok: false, status: 404 });
    expect(canWrite('edit') && canWrite('facilitator') && !canWrite('view')).toBe(true);
    expect((await resolveForumAccess(forums, created.forum.id, created.facilitator.token)).ok).toBe(
      true,
    );
    expect(await resolveForumAccess(forums, created.forum.id, board.edit.token)).toMatchObject({
      status: 403,
    });
  });
});

describe('forum day access', () => {
  it('P1: the plenary links view every board of their forum; other links only their board', async () => {
    const created = await create({ title: 'Forum', territories: ['Kamouraska', 'La Mitis'] });
    const [plenary, kamouraska, mitis] = created.boards;
    for (const token of [plenary!.edit.token, plenary!.view.token]) {
      const access = await resolveBoardAccess(forums, kamouraska!.id, token);
      expect(access.ok && access.role).toBe('view');
    }
    expect(await resolveBoardAccess(forums, mitis!.id, kamouraska!.edit.token)).toMatchObject({
      status: 403,
    });
    const other = await create({ title: 'Autre', territories: ['Les Basques'] });
    expect(
      await resolveBoardAccess(forums, kamouraska!.id, other.boards[0]!.edit.token),
    ).toMatchObject({
      status: 403,
    });
  });

  it('F2, P2: any token of the forum is a member; another forum’s is not', async () => {
    const created = await create({ title: 'Forum', territories: ['Kamouraska'] });
    const member = await resolveForumMemberAccess(
      forums,
      created.forum.id,
      created.boards[1]!.view.token,
    );
    expect(member.ok && member.grant.role).toBe('view');
    const other = await create({ title: 'Autre' });
    expect(
      await resolveForumMemberAccess(forums, created.forum.id, other.facilitator.token),
    ).toMatchObject({ status: 403 });
  });

  it('L2: replacing a board token removes the old hash', async () => {
    const created = await create({ title: 'Forum', territories: ['Kamouraska'] });
    const board = created.boards[1]!;
    const fresh = generateToken();
    const removed = forums.replaceBoardToken(board.id, 'view', {
      hash: hashToken(fresh),
      role: 'view',
      forumId: created.forum.id,
      boardId: board.id,
    });
    expect(removed).toEqual([hashToken(board.view.token)]);
    expect(forums.findGrant(hashToken(board.view.token))).toBeNull();
    expect(forums.findGrant(hashToken(fresh))).toMatchObject({ role: 'view', boardId: board.id });
    expect(forums.findGrant(hashToken(board.edit.token))).not.toBeNull();
  });
});

describe('a removed board (R56, R58)', () => {
  it('is out of every read while removed, and back with its same grants once restored', async () => {
    const created = await create({ title: 'Forum de l’Alliance', territories: ['La Mitis'] });
    const board = created.boards.find((b) => b.territory === 'La Mitis')!;
    const edit = hashToken(board.edit.token);
    const position = forums.getBoard(board.id)!.position;
    const removed = forums.removeBoard(board.id, created.forum.id)!.map((h) => h.toString('hex'));
    expect(removed).toContain(edit.toString('hex'));
    expect(forums.removeBoard(board.id, created.forum.id)).toBeNull();
    expect(forums.getBoard(board.id)).toBeNull();
    expect(forums.findGrant(edit)).toBeNull();
    expect(forums.listBoards(created.forum.id).map((b) => b.id)).not.toContain(board.id);
    expect(forums.listSealedLinks(created.forum.id).map((l) => l.boardId)).not.toContain(board.id);
    expect(forums.listRemovedBoards(created.forum.id)).toEqual([
      expect.objectContaining({ id: board.id, territory: 'La Mitis' }),
    ]);
    // The row and hashes survive a reopening of the file (schema 4's removed_at).
    boards.close();
    db = openDatabase(dir);
    forums = new SqliteForumStore(db);
    boards = new SqliteBoardStorage(db);
    expect(forums.restoreBoard(board.id, created.forum.id, 50)).toMatchObject({
      ok: true,
      board: { id: board.id, territory: 'La Mitis' },
    });
    expect(forums.restoreBoard(board.id, created.forum.id, 50)).toEqual({
      ok: false,
      reason: 'board_not_found',
    });
    expect(forums.findGrant(edit)).toEqual({
      role: 'edit',
      forumId: created.forum.id,
      boardId: board.id,
    });
    expect(forums.getBoard(board.id)?.position).toBe(position);
    expect(forums.listRemovedBoards(created.forum.id)).toEqual([]);
  });
});

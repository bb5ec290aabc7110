import { createHash } from 'node:crypto';
import { exportBoard, forumRoomName, readMeta } from '@carton/board';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  boardFileWithPhoto,
  count,
  dataDir,
  editStoredBoard,
  ME,
  solidPng,
  type DataDir,
} from '../archive/test-support.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { withStoredDoc } from '../storage/stored-doc.ts';
import {
  BoardNotCreatedError,
  createBoard,
  CreateBoardInput,
  MAX_BOARDS_PER_FORUM,
} from './create-board.ts';
import { defaultCompilationBoards } from '../facilitation/compile-forum.ts';
import { createForum, type CreatedForum } from './create-forum.ts';
import type { ForumStore } from './forum-store.ts';
import { linksKey, openToken } from './links.ts';
import { hashToken } from './tokens.ts';

let data: DataDir;
let forum: CreatedForum;

beforeEach(async () => {
  data = dataDir();
  forum = await createForum(
    { title: 'Forum de l’Alliance', territories: ['Kamouraska'], templates: false },
    { forums: data.forums, boards: data.boards, baseUrl: 'http://carton.local:8787' },
  );
});
afterEach(() => data.dispose());

const deps = (maxForumImageBytes = 1024 * 1024) => ({
  forums: data.forums,
  boards: data.boards,
  blobs: data.blobs,
  maxForumImageBytes,
  baseUrl: 'http://carton.local:8787',
  readBoardDoc: storedReader(data.boards),
});
/** No relay here: every board is read as stored. */
const storedReader =
  (boards: BoardStorage) =>
  <T>(boardId: string, read: (doc: Y.Doc) => T) =>
    withStoredDoc(boards, boardId, read);
const record = () => data.forums.getForum(forum.forum.id)!;
const create = (input: unknown, maxImages?: number) =>
  createBoard(record(), forum.facilitator.token, CreateBoardInput.parse(input), deps(maxImages));

function storedDoc(boardId: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, data.boards.load(boardId).snapshot!);
  return doc;
}

const png = solidPng(40, 30, [200, 30, 30]);
const file = boardFileWithPhoto(png, 'flyer', { title: 'Cartes postales', kind: 'postcards' });

describe('createBoard (R54)', () => {
  it('adds a board after the last, with hashed and sealed tokens', async () => {
    const result = await create({ title: 'Conditions de succès — Les Basques' });
    if (!result.ok) throw new Error(result.message);
    const boards = data.forums.listBoards(forum.forum.id);
    expect(boards.at(-1)).toMatchObject({
      id: result.board.id,
      kind: 'territory',
      position: boards.length - 1,
    });
    expect(data.forums.findGrant(hashToken(result.board.edit.token))).toEqual({
      role: 'edit',
      forumId: forum.forum.id,
      boardId: result.board.id,
    });
    const key = linksKey(forum.facilitator.token, forum.forum.id);
    const sealed = data.forums.listSealedLinks(forum.forum.id).filter((l) => {
      return l.boardId === result.board.id;
    });
    expect(sealed.map((l) => openToken(key, l.boardId, l.role, l.sealed!)).sort()).toEqual(
      [result.board.edit.token, result.board.view.token].sort(),
    );
    expect(readMeta(storedDoc(result.board.id))).toMatchObject({
      title: 'Conditions de succès — Les Basques',
      kind: 'territory',
    });
  });

  it('inserts a file’s shapes with new ids and stores its images', async () => {
    const result = await create({ title: 'Cartes postales', kind: 'postcards', file });
    if (!result.ok) throw new Error(result.message);
    const shapes = exportBoard(storedDoc(result.board.id)).shapes;
    expect(shapes).toHaveLength(1);
    expect(shapes[0]!.id).not.toBe(file.shapes[0]!.id);
    const blobId = String((shapes[0] as { blobId?: unknown }).blobId);
    expect(data.blobs.info(forum.forum.id, blobId)).toMatchObject({ mime: 'image/png' });
  });

  it('creates nothing for a bad file, a full image quota or a full forum', async () => {
    const before = ['boards', 'tokens', 'blobs'].map((t) => count(data, t as 'boards'));
    const broken = { ...file, shapes: [{ ...file.shapes[0], parentId: 'shape:nobody' }] };
    expect(await create({ title: 'x', file: broken })).toMatchObject({
      ok: false,
      status: 400,
      code: 'bad_reference',
    });
    expect(await create({ title: 'x', file }, 10)).toMatchObject({
      ok: false,
      status: 507,
      code: 'image_quota_exceeded',
    });
    expect(['boards', 'tokens', 'blobs'].map((t) => count(data, t as 'boards'))).toEqual(before);

    const room = MAX_BOARDS_PER_FORUM - data.forums.listBoards(forum.forum.id).length;
    for (let n = 0; n < room; n++) expect((await create({ title: `Tableau ${n}` })).ok).toBe(true);
    expect(await create({ title: 'Un de trop' })).toMatchObject({
      status: 409,
      code: 'too_many_boards',
    });
  });

  it('R54, R6: a board whose row storage refuses leaves neither its new images nor its document', async () => {
    // A full disk at the last write: the row's insert fails after the document and the images
    // were written; the route gets a storage error (503), and the quota is as before.
    data.db.exec(
      `CREATE TRIGGER refuse_boards BEFORE INSERT ON boards
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    try {
      const refused = create({ title: 'Cartes postales du Kamouraska', file });
      await expect(refused).rejects.toBeInstanceOf(BoardNotCreatedError);
      await expect(refused).rejects.toHaveProperty(
        'cause.message',
        expect.stringMatching(/refused by the test/),
      );
    } finally {
      data.db.exec('DROP TRIGGER IF EXISTS refuse_boards');
    }
    expect(count(data, 'blobs')).toBe(0);
    expect(data.blobs.forumBytes(forum.forum.id)).toBe(0);
    const known = new Set([
      ...data.forums.listBoards(forum.forum.id).map((b) => b.id),
      forumRoomName(forum.forum.id),
    ]);
    const documents = (
      data.db.prepare('SELECT board_id, snapshot FROM board_state').all() as Array<{
        board_id: string;
        snapshot: Buffer;
      }>
    ).filter((row) => !known.has(row.board_id));
    for (const row of documents) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(row.snapshot));
      expect(doc.getMap('board').size).toBe(0);
    }
  });

  describe('refused at the store’s last check (another request took the territory meanwhile)', () => {
    const flyer = createHash('sha256').update(png).digest('hex');
    /**
     * The forum store as two requests at once see it: the early check reads the boards before
     * the other request's Kamouraska landed (stale), the transaction that adds the row refuses.
     * `meanwhile` runs just before that transaction.
     */
    const racing = (meanwhile: () => void = () => {}): ForumStore => {
      let stale = true;
      return new Proxy(data.forums, {
        get(target, prop) {
          if (prop === 'listBoards' && stale) {
            stale = false;
            return () => [];
          }
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop === 'addBoard') {
            return (...args: Parameters<ForumStore['addBoard']>) => {
              meanwhile();
              return target.addBoard(...args);
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const createRacing = (forums: ForumStore) =>
      createBoard(
        record(),
        forum.facilitator.token,
        CreateBoardInput.parse({ title: 'Kamouraska bis', territory: 'Kamouraska', file }),
        { ...deps(), forums },
      );
    /** Stored documents of no board and no forum: what refused boards leave. */
    const orphanDocs = () => {
      const known = new Set([
        ...data.forums.listBoards(forum.forum.id).map((b) => b.id),
        forumRoomName(forum.forum.id),
      ]);
      return (
        data.db.prepare('SELECT board_id, snapshot FROM board_state').all() as Array<{
          board_id: string;
          snapshot: Buffer;
        }>
      ).filter((row) => !known.has(row.board_id));
    };

    it('R54: its document is emptied and its new images removed (the quota is as before)', async () => {
      expect(await createRacing(racing())).toMatchObject({
        ok: false,
        status: 409,
        code: 'territory_taken',
      });
      expect(count(data, 'blobs')).toBe(0);
      expect(data.blobs.forumBytes(forum.forum.id)).toBe(0);
      const orphans = orphanDocs();
      expect(orphans).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(orphans[0]!.snapshot));
      expect(readMeta(doc)).toBeNull();
      expect(doc.getMap('board').size).toBe(0);
    });

    it('R54: an image a board of the forum shows by then (the same photo, uploaded meanwhile) stays', async () => {
      const kamouraska = forum.boards.find((b) => b.territory === 'Kamouraska')!;
      const meanwhile = () =>
        editStoredBoard(data, kamouraska.id, (board) =>
          board.run((tx) => {
            tx.create('image', {
              x: 0,
              y: 0,
              blobId: flyer,
              mime: 'image/png',
              naturalWidth: 40,
              naturalHeight: 30,
            });
          }, ME),
        );
      expect((await createRacing(racing(meanwhile))).ok).toBe(false);
      expect(data.blobs.info(forum.forum.id, flyer)).toMatchObject({ mime: 'image/png' });
    });

    it('R54: reading every board of the forum for its images, it lets other work run between boards', async () => {
      // Each board is rebuilt from storage (up to CARTON_MAX_BOARD_BYTES): CPU work with no
      // I/O to wait for on SQLite, so the scan alone would hold every socket of the process.
      let scanning = false;
      const loads: string[] = [];
      let loadsBeforeOtherWork = -1;
      const boards = new Proxy(data.boards, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop === 'load') {
            return (boardId: string) => {
              if (scanning && loads.length === 0) {
                setImmediate(() => (loadsBeforeOtherWork = loads.length));
              }
              if (scanning) loads.push(boardId);
              return target.load(boardId);
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const refused = await createBoard(
        record(),
        forum.facilitator.token,
        CreateBoardInput.parse({ title: 'Kamouraska bis', territory: 'Kamouraska', file }),
        {
          ...deps(),
          boards,
          readBoardDoc: storedReader(boards),
          forums: racing(() => (scanning = true)),
        },
      );
      expect(refused.ok).toBe(false);
      expect(loads.length).toBeGreaterThan(1);
      expect(loadsBeforeOtherWork).toBe(1);
    });
  });

  it('a territory board’s export is its territory’s; beside that territory’s board it is refused', async () => {
    const kamouraska = {
      ...file,
      meta: { ...file.meta, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
    };
    // The forum already has Kamouraska: a second « Kamouraska » would double its ideas.
    const before = data.forums.listBoards(forum.forum.id).length;
    const taken = await create({ title: kamouraska.meta.title, file: kamouraska });
    expect(taken).toMatchObject({ ok: false, status: 409, code: 'territory_taken' });
    expect(data.forums.listBoards(forum.forum.id)).toHaveLength(before);
    // Asked for without a territory (« Autre tableau »), it is created, and C6 leaves it out.
    const other = await create({ title: kamouraska.meta.title, file: kamouraska, territory: null });
    if (!other.ok) throw new Error(other.message);
    expect(other.board).toMatchObject({ kind: 'territory', territory: null });
    const boards = data.forums.listBoards(forum.forum.id);
    expect(defaultCompilationBoards(boards)).not.toContain(other.board.id);
    expect(defaultCompilationBoards(boards)).toContain(
      boards.find((b) => b.territory === 'Kamouraska')!.id,
    );
    // Into a forum without it, it is La Mitis's board, named as the export names it.
    const mitis = await create({
      title: 'Conditions de succès — La Mitis',
      file: {
        ...kamouraska,
        meta: { ...kamouraska.meta, title: 'Conditions de succès — La Mitis' },
      },
    });
    if (!mitis.ok) throw new Error(mitis.message);
    expect(mitis.board).toMatchObject({ kind: 'territory', territory: 'La Mitis' });
    // A postcards file or another title names no territory.
    const wall = await create({ title: 'Cartes postales', file });
    expect(wall.ok && wall.board.territory).toBe(null);
  });

  it('a renamed territory board’s export names its territory: it comes back as that territory’s', async () => {
    const renamed = {
      ...file,
      meta: {
        ...file.meta,
        title: 'Notre carton final',
        kind: 'territory',
        territory: 'Les Basques',
      },
    };
    const basques = await create({ title: renamed.meta.title, file: renamed });
    if (!basques.ok) throw new Error(basques.message);
    expect(basques.board).toMatchObject({
      kind: 'territory',
      territory: 'Les Basques',
      title: 'Notre carton final',
    });
    // A territory that is no name (R24: a bidi override) stays off the row.
    const hostile = {
      ...renamed,
      meta: { ...renamed.meta, territory: 'Les\u202e Basques' },
    };
    const other = await create({ title: 'Autre', file: hostile });
    if (!other.ok) throw new Error(other.message);
    expect(other.board.territory).toBe(null);
  });

  it('validates the request body', () => {
    expect(CreateBoardInput.safeParse({ title: '' }).success).toBe(false);
    expect(CreateBoardInput.safeParse({ title: 'a'.repeat(201) }).success).toBe(false);
    expect(CreateBoardInput.safeParse({ title: 'Plénière', kind: 'plenary' }).success).toBe(false);
    expect(CreateBoardInput.safeParse({ title: 'x', extra: 1 }).success).toBe(false);
  });
});

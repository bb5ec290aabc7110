import type { BoardKind } from '@carton/board';
import type { SqliteDatabase } from '../storage/database.ts';
import type {
  AccessRole,
  BoardName,
  ErasedForum,
  BoardPlacementRefusal,
  BoardRecord,
  ForumRecord,
  ForumStore,
  NewTokenGrant,
  RenameOptions,
  RenameResult,
  RemovedBoardRecord,
  SealedLink,
  TokenGrant,
} from './forum-store.ts';
import { sameTerritory } from './forum-store.ts';

interface BoardRow {
  id: string;
  forum_id: string;
  position: number;
  kind: BoardKind;
  title: string;
  territory: string | null;
}

const toBoard = (row: BoardRow): BoardRecord => ({
  id: row.id,
  forumId: row.forum_id,
  position: row.position,
  kind: row.kind,
  title: row.title,
  territory: row.territory,
});

export class SqliteForumStore implements ForumStore {
  readonly #insertForum;
  readonly #insertBoard;
  readonly #insertToken;
  readonly #selectForum;
  readonly #selectBoard;
  readonly #selectBoards;
  readonly #selectGrant;
  readonly #selectSealed;
  readonly #selectBoardTokens;
  readonly #deleteToken;
  readonly #createTx;
  readonly #replaceTx;
  readonly #addBoardTx;
  readonly #renameBoard;
  readonly #updateForum;
  readonly #selectForums;
  readonly #replaceFacilitatorTx;
  readonly #removeBoard;
  readonly #restoreBoard;
  readonly #selectRemoved;
  readonly #discardTx;
  readonly #eraseTx;
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insertForum = db.prepare<[string, string, number, string | null]>(
      'INSERT INTO forums (id, title, created_at, date) VALUES (?, ?, ?, ?)',
    );
    this.#insertBoard = db.prepare<[string, string, number, string, string, string | null, number]>(
      `INSERT INTO boards (id, forum_id, position, kind, title, territory, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertToken = db.prepare<
      [Buffer, AccessRole, string, string | null, number, Buffer | null]
    >(
      `INSERT INTO tokens (hash, role, forum_id, board_id, created_at, sealed)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#selectForum = db.prepare<
      [string],
      {
        id: string;
        title: string;
        created_at: number;
        date: string | null;
        deleted_at: number | null;
      }
    >('SELECT id, title, created_at, date, deleted_at FROM forums WHERE id = ?');
    // A removed board (R56) is out of every read below: its row, its links and its grants are
    // kept only for R58's restore.
    this.#selectBoard = db.prepare<[string], BoardRow>(
      `SELECT id, forum_id, position, kind, title, territory FROM boards
       WHERE id = ? AND removed_at IS NULL`,
    );
    this.#selectBoards = db.prepare<[string], BoardRow>(
      `SELECT id, forum_id, position, kind, title, territory FROM boards
       WHERE forum_id = ? AND removed_at IS NULL ORDER BY position`,
    );
    this.#selectRemoved = db.prepare<[string], BoardRow & { removed_at: number }>(
      `SELECT id, forum_id, position, kind, title, territory, removed_at FROM boards
       WHERE forum_id = ? AND removed_at IS NOT NULL ORDER BY removed_at DESC, position`,
    );
    // A deleted forum's links (R70), its removed boards' too, resolve to a grant marked
    // deleted, so they answer 410 rather than 401.
    this.#selectGrant = db.prepare<
      [Buffer],
      { role: AccessRole; forum_id: string; board_id: string | null; deleted_at: number | null }
    >(
      `SELECT t.role, t.forum_id, t.board_id, f.deleted_at FROM tokens t
       JOIN forums f ON f.id = t.forum_id
       LEFT JOIN boards b ON b.id = t.board_id
       WHERE t.hash = ?
         AND (t.board_id IS NULL OR b.removed_at IS NULL OR f.deleted_at IS NOT NULL)`,
    );
    this.#selectSealed = db.prepare<
      [string],
      { board_id: string; role: 'edit' | 'view'; sealed: Buffer | null }
    >(
      `SELECT t.board_id, t.role, t.sealed FROM tokens t
       JOIN boards b ON b.id = t.board_id
       WHERE t.forum_id = ? AND b.removed_at IS NULL ORDER BY t.created_at`,
    );
    this.#selectBoardTokens = db.prepare<[string, string], { hash: Buffer }>(
      'SELECT hash FROM tokens WHERE board_id = ? AND role = ?',
    );
    this.#deleteToken = db.prepare<[Buffer]>('DELETE FROM tokens WHERE hash = ?');
    const insertGrant = (grant: NewTokenGrant, at: number) =>
      this.#insertToken.run(
        grant.hash,
        grant.role,
        grant.forumId,
        grant.boardId,
        at,
        grant.sealed ?? null,
      );
    const discardDocument = ['board_updates', 'board_state', 'board_snapshots'].map((table) =>
      db.prepare<[string]>(`DELETE FROM ${table} WHERE board_id = ?`),
    );
    const discardRows = [
      'DELETE FROM vote_dots WHERE forum_id = ?',
      'DELETE FROM tokens WHERE forum_id = ?',
      'DELETE FROM boards WHERE forum_id = ?',
      'DELETE FROM forums WHERE id = ?',
    ].map((sql) => db.prepare<[string]>(sql));
    this.#discardTx = db.transaction((forumId: string, documentIds: readonly string[]) => {
      for (const id of documentIds) for (const statement of discardDocument) statement.run(id);
      for (const statement of discardRows) statement.run(forumId);
    });
    const selectLiveForum = db.prepare<[string], { title: string }>(
      'SELECT title FROM forums WHERE id = ? AND deleted_at IS NULL',
    );
    const selectBoardIds = db.prepare<[string], { id: string }>(
      'SELECT id FROM boards WHERE forum_id = ? ORDER BY position',
    );
    const selectForumTokens = db.prepare<[string], { hash: Buffer }>(
      'SELECT hash FROM tokens WHERE forum_id = ?',
    );
    const markErased = db.prepare<[string, number]>(
      'INSERT OR IGNORE INTO erased_documents (id, erased_at) VALUES (?, ?)',
    );
    const eraseRows = [
      'DELETE FROM vote_dots WHERE forum_id = ?',
      'DELETE FROM blobs WHERE forum_id = ?',
      'UPDATE tokens SET sealed = NULL WHERE forum_id = ?',
      "UPDATE boards SET title = '', territory = NULL WHERE forum_id = ?",
    ].map((sql) => db.prepare<[string]>(sql));
    const markDeleted = db.prepare<[number, string]>(
      "UPDATE forums SET title = '', date = NULL, deleted_at = ? WHERE id = ?",
    );
    this.#eraseTx = db.transaction((forumId: string): ErasedForum | null => {
      const forum = selectLiveForum.get(forumId);
      if (!forum) return null;
      const at = Date.now();
      const documentIds = [...selectBoardIds.all(forumId).map((row) => row.id), `forum:${forumId}`];
      // Listed first: from here on, the triggers drop any write of these documents.
      for (const id of documentIds) markErased.run(id, at);
      for (const id of documentIds) for (const statement of discardDocument) statement.run(id);
      for (const statement of eraseRows) statement.run(forumId);
      markDeleted.run(at, forumId);
      const tokenHashes = selectForumTokens.all(forumId).map((row) => row.hash);
      return { id: forumId, title: forum.title, documentIds, tokenHashes };
    });
    this.#createTx = db.transaction(
      (forum: ForumRecord, boards: BoardRecord[], grants: NewTokenGrant[]) => {
        this.#insertForum.run(forum.id, forum.title, forum.createdAt, forum.date ?? null);
        for (const board of boards) {
          this.#insertBoard.run(
            board.id,
            board.forumId,
            board.position,
            board.kind,
            board.title,
            board.territory,
            forum.createdAt,
          );
        }
        for (const grant of grants) insertGrant(grant, forum.createdAt);
      },
    );
    const nextPosition = db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM boards WHERE forum_id = ?',
    );
    this.#addBoardTx = db.transaction(
      (
        board: Omit<BoardRecord, 'position'>,
        grants: NewTokenGrant[],
        maxBoards: number,
      ): { ok: true; board: BoardRecord } | { ok: false; reason: BoardPlacementRefusal } => {
        const refused = this.#placementRefusal(board.forumId, board.id, board.territory, maxBoards);
        if (refused) return { ok: false, reason: refused };
        const at = Date.now();
        const position = nextPosition.get(board.forumId)?.next ?? 0;
        this.#insertBoard.run(
          board.id,
          board.forumId,
          position,
          board.kind,
          board.title,
          board.territory,
          at,
        );
        for (const grant of grants) insertGrant(grant, at);
        return { ok: true, board: { ...board, position } };
      },
    );
    this.#selectForums = db.prepare<
      [],
      { id: string; title: string; created_at: number; date: string | null }
    >(
      'SELECT id, title, created_at, date FROM forums WHERE deleted_at IS NULL ORDER BY created_at, id',
    );
    const selectFacilitators = db.prepare<[string], { hash: Buffer }>(
      "SELECT hash FROM tokens WHERE forum_id = ? AND role = 'facilitator'",
    );
    this.#replaceFacilitatorTx = db.transaction(
      (forumId: string, grant: NewTokenGrant): Buffer[] => {
        const old = selectFacilitators.all(forumId).map((row) => row.hash);
        for (const hash of old) this.#deleteToken.run(hash);
        insertGrant(grant, Date.now());
        return old;
      },
    );
    const updateForum = db.prepare<[string, string | null, string]>(
      'UPDATE forums SET title = ?, date = ? WHERE id = ?',
    );
    this.#updateForum = db.transaction(
      (forumId: string, changes: { title?: string; date?: string | null }) => {
        const forum = this.getForum(forumId);
        if (!forum) return null;
        const next: ForumRecord = {
          ...forum,
          title: changes.title ?? forum.title,
          date: changes.date === undefined ? (forum.date ?? null) : changes.date,
        };
        updateForum.run(next.title, next.date ?? null, forumId);
        return next;
      },
    );
    const renameBoard = db.prepare<[string, string | null, string], { generation: number }>(
      `UPDATE boards SET title = ?, territory = ?, rename_generation = rename_generation + 1
       WHERE id = ? RETURNING rename_generation AS generation`,
    );
    const selectGeneration = db.prepare<[string], { generation: number }>(
      'SELECT rename_generation AS generation FROM boards WHERE id = ?',
    );
    this.#renameBoard = db.transaction(
      (boardId: string, forumId: string, name: BoardName, options: RenameOptions): RenameResult => {
        const before = this.getBoard(boardId);
        if (!before || before.forumId !== forumId) {
          return { ok: false, reason: 'board_not_found' };
        }
        // Read and written in this one transaction: no rename slips in between.
        if (
          options.ifGeneration !== undefined &&
          selectGeneration.get(boardId)?.generation !== options.ifGeneration
        ) {
          return { ok: false, reason: 'board_changed' };
        }
        const taken = this.listBoards(forumId).some(
          (other) => other.id !== boardId && sameTerritory(other.territory, name.territory),
        );
        if (taken) return { ok: false, reason: 'territory_taken' };
        const { generation } = renameBoard.get(name.title, name.territory, boardId)!;
        return { ok: true, before, after: { ...before, ...name }, generation };
      },
    );
    const selectAllBoardTokens = db.prepare<[string], { hash: Buffer }>(
      'SELECT hash FROM tokens WHERE board_id = ?',
    );
    const markRemoved = db.prepare<[number, string]>(
      'UPDATE boards SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    this.#removeBoard = db.transaction((boardId: string, forumId: string): Buffer[] | null => {
      if (this.getBoard(boardId)?.forumId !== forumId) return null;
      if (markRemoved.run(Date.now(), boardId).changes === 0) return null;
      return selectAllBoardTokens.all(boardId).map((row) => row.hash);
    });
    const markRestored = db.prepare<[string]>(
      'UPDATE boards SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL',
    );
    this.#restoreBoard = db.transaction(
      (
        boardId: string,
        forumId: string,
        maxBoards: number,
      ):
        | { ok: true; board: BoardRecord }
        | { ok: false; reason: 'board_not_found' | BoardPlacementRefusal } => {
        const removed = this.listRemovedBoards(forumId).find((board) => board.id === boardId);
        if (!removed) return { ok: false, reason: 'board_not_found' };
        const refused = this.#placementRefusal(forumId, boardId, removed.territory, maxBoards);
        if (refused) return { ok: false, reason: refused };
        markRestored.run(boardId);
        const { removedAt: _removedAt, ...board } = removed;
        return { ok: true, board };
      },
    );
    this.#replaceTx = db.transaction(
      (boardId: string, role: 'edit' | 'view', grant: NewTokenGrant): Buffer[] | null => {
        if (this.getBoard(boardId)?.forumId !== grant.forumId) return null;
        const old = this.#selectBoardTokens.all(boardId, role).map((row) => row.hash);
        for (const hash of old) this.#deleteToken.run(hash);
        insertGrant(grant, Date.now());
        return old;
      },
    );
  }

  /**
   * R54, R58: why the forum has no place for this board (called inside a transaction): the
   * forum's other live boards, their count and their territories.
   */
  #placementRefusal(
    forumId: string,
    boardId: string,
    territory: string | null,
    maxBoards: number,
  ): BoardPlacementRefusal | null {
    const others = this.listBoards(forumId).filter((board) => board.id !== boardId);
    if (others.length >= maxBoards) return 'too_many_boards';
    if (others.some((board) => sameTerritory(board.territory, territory))) return 'territory_taken';
    return null;
  }

  createForum(forum: ForumRecord, boards: BoardRecord[], grants: NewTokenGrant[]): void {
    this.#createTx(forum, boards, grants);
  }

  discardForum(forumId: string, documentIds: readonly string[]): void {
    this.#discardTx(forumId, documentIds);
  }

  addBoard(
    board: Omit<BoardRecord, 'position'>,
    grants: NewTokenGrant[],
    maxBoards: number,
  ): { ok: true; board: BoardRecord } | { ok: false; reason: BoardPlacementRefusal } {
    return this.#addBoardTx(board, grants, maxBoards);
  }

  getForum(id: string): ForumRecord | null {
    const row = this.#selectForum.get(id);
    return row
      ? {
          id: row.id,
          title: row.title,
          createdAt: row.created_at,
          date: row.date,
          ...(row.deleted_at === null ? {} : { deletedAt: row.deleted_at }),
        }
      : null;
  }

  /**
   * R70: the erase runs with `secure_delete` on (every connection has it from openDatabase; set
   * here too for a handle opened otherwise), so the pages it frees or rewrites are zeroed (the
   * notes' text and the photos' bytes do not linger in carton.sqlite's free space), then
   * checkpoints the WAL into the file and truncates it, so the older copies of those pages
   * that the WAL still held are gone too. A checkpoint another connection's read holds back
   * cannot truncate: the WAL's next checkpoint (R5) overwrites them.
   */
  eraseForum(forumId: string): ErasedForum | null {
    const before = this.#db.pragma('secure_delete', { simple: true }) as number;
    this.#db.pragma('secure_delete = ON');
    let erased: ErasedForum | null;
    try {
      erased = this.#eraseTx(forumId);
    } finally {
      this.#db.pragma(`secure_delete = ${before}`);
    }
    if (erased) this.#db.pragma('wal_checkpoint(TRUNCATE)');
    return erased;
  }

  getBoard(id: string): BoardRecord | null {
    const row = this.#selectBoard.get(id);
    return row ? toBoard(row) : null;
  }

  listBoards(forumId: string): BoardRecord[] {
    return this.#selectBoards.all(forumId).map(toBoard);
  }

  findGrant(tokenHash: Buffer): TokenGrant | null {
    const row = this.#selectGrant.get(tokenHash);
    if (!row) return null;
    const grant: TokenGrant = { role: row.role, forumId: row.forum_id, boardId: row.board_id };
    if (row.deleted_at !== null) grant.forumDeleted = true;
    return grant;
  }

  listSealedLinks(forumId: string): SealedLink[] {
    return this.#selectSealed
      .all(forumId)
      .map((row) => ({ boardId: row.board_id, role: row.role, sealed: row.sealed }));
  }

  replaceBoardToken(boardId: string, role: 'edit' | 'view', grant: NewTokenGrant): Buffer[] | null {
    return this.#replaceTx(boardId, role, grant);
  }

  listForums(): ForumRecord[] {
    return this.#selectForums
      .all()
      .map((row) => ({ id: row.id, title: row.title, createdAt: row.created_at, date: row.date }));
  }

  replaceFacilitatorToken(forumId: string, grant: NewTokenGrant): Buffer[] {
    return this.#replaceFacilitatorTx(forumId, grant);
  }

  updateForum(
    forumId: string,
    changes: { title?: string; date?: string | null },
  ): ForumRecord | null {
    return this.#updateForum(forumId, changes);
  }

  renameBoard(
    boardId: string,
    forumId: string,
    name: BoardName,
    options: RenameOptions = {},
  ): RenameResult {
    return this.#renameBoard(boardId, forumId, name, options);
  }

  removeBoard(boardId: string, forumId: string): Buffer[] | null {
    return this.#removeBoard(boardId, forumId);
  }

  listRemovedBoards(forumId: string): RemovedBoardRecord[] {
    return this.#selectRemoved
      .all(forumId)
      .map((row) => ({ ...toBoard(row), removedAt: row.removed_at }));
  }

  restoreBoard(
    boardId: string,
    forumId: string,
    maxBoards: number,
  ):
    | { ok: true; board: BoardRecord }
    | { ok: false; reason: 'board_not_found' | BoardPlacementRefusal } {
    return this.#restoreBoard(boardId, forumId, maxBoards);
  }
}

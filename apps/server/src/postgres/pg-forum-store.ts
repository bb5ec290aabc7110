import type { BoardKind } from '@carton/board';
import type pg from 'pg';
import type {
  AccessRole,
  BoardName,
  BoardPlacementRefusal,
  BoardRecord,
  ErasedForum,
  ForumRecord,
  ForumStore,
  NewTokenGrant,
  RenameOptions,
  RenameResult,
  RemovedBoardRecord,
  SealedLink,
  TokenGrant,
} from '../forums/forum-store.ts';
import { sameTerritory } from '../forums/forum-store.ts';
import { LINKS_CHANNEL } from './link-signal.ts';
import { BOARD_LOCK } from './schema.ts';
import { inTransaction } from './transaction.ts';

interface BoardRow {
  id: string;
  forum_id: string;
  position: number;
  kind: BoardKind;
  title: string;
  territory: string | null;
}

interface ForumRow {
  id: string;
  title: string;
  created_at: number;
  date: string | null;
  deleted_at?: number | null;
}

const BOARD_COLUMNS = 'id, forum_id, position, kind, title, territory';

const toBoard = (row: BoardRow): BoardRecord => ({
  id: row.id,
  forumId: row.forum_id,
  position: row.position,
  kind: row.kind,
  title: row.title,
  territory: row.territory,
});

const toForum = (row: ForumRow): ForumRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  date: row.date,
  ...(row.deleted_at === undefined || row.deleted_at === null ? {} : { deletedAt: row.deleted_at }),
});

type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * ForumStore on PostgreSQL. Every method answers a promise. The « atomic » methods (see
 * ForumStore) lock the forum's row first (`FOR UPDATE`), so two requests on one forum — from any
 * number of server processes — are serialised. Whenever token hashes are deleted or a board is
 * removed, the transaction also NOTIFYs `carton_links` with the forum id: every server LISTENs
 * and closes the sockets of links that no longer resolve (L3, L4; link-signal.ts).
 */
export class PgForumStore implements ForumStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async createForum(forum: ForumRecord, boards: BoardRecord[], grants: NewTokenGrant[]) {
    await inTransaction(this.#pool, async (client) => {
      await client.query(
        'INSERT INTO forums (id, title, created_at, date) VALUES ($1, $2, $3, $4)',
        [forum.id, forum.title, forum.createdAt, forum.date ?? null],
      );
      for (const board of boards) await insertBoard(client, board, board.position, forum.createdAt);
      for (const grant of grants) await insertGrant(client, grant, forum.createdAt);
    });
  }

  async discardForum(forumId: string, documentIds: readonly string[]): Promise<void> {
    const ids = [...documentIds];
    await inTransaction(this.#pool, async (client) => {
      for (const table of ['board_updates', 'board_state', 'board_snapshots']) {
        await client.query(`DELETE FROM ${table} WHERE board_id = ANY($1::text[])`, [ids]);
      }
      await client.query('DELETE FROM vote_dots WHERE forum_id = $1', [forumId]);
      await client.query('DELETE FROM tokens WHERE forum_id = $1', [forumId]);
      await client.query('DELETE FROM boards WHERE forum_id = $1', [forumId]);
      await client.query('DELETE FROM forums WHERE id = $1', [forumId]);
    });
  }

  eraseForum(forumId: string): Promise<ErasedForum | null> {
    return inTransaction(this.#pool, async (client) => {
      const forum = await client.query<{ title: string }>(
        'SELECT title FROM forums WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
        [forumId],
      );
      const title = forum.rows[0]?.title;
      if (title === undefined) return null;
      const at = Date.now();
      const boards = await client.query<{ id: string }>(
        'SELECT id FROM boards WHERE forum_id = $1 ORDER BY position',
        [forumId],
      );
      const documentIds = [...boards.rows.map((row) => row.id), `forum:${forumId}`];
      await client.query(
        `INSERT INTO erased_documents (id, erased_at) SELECT unnest($1::text[]), $2
         ON CONFLICT (id) DO NOTHING`,
        [documentIds, at],
      );
      // Each board's lock, the one appends and compactions take (R60, R65): one already under
      // way commits before the deletes below read the rows, so none is left behind.
      for (const id of [...documentIds].sort()) {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BOARD_LOCK, id]);
      }
      for (const table of ['board_updates', 'board_state', 'board_snapshots']) {
        await client.query(`DELETE FROM ${table} WHERE board_id = ANY($1::text[])`, [documentIds]);
      }
      await client.query('DELETE FROM vote_dots WHERE forum_id = $1', [forumId]);
      await client.query('DELETE FROM blobs WHERE forum_id = $1', [forumId]);
      await client.query('UPDATE tokens SET sealed = NULL WHERE forum_id = $1', [forumId]);
      await client.query("UPDATE boards SET title = '', territory = NULL WHERE forum_id = $1", [
        forumId,
      ]);
      await client.query(
        "UPDATE forums SET title = '', date = NULL, deleted_at = $1 WHERE id = $2",
        [at, forumId],
      );
      const tokens = await client.query<{ hash: Buffer }>(
        'SELECT hash FROM tokens WHERE forum_id = $1',
        [forumId],
      );
      // Every process closes the forum's sockets (R61's LISTEN, watchRevokedLinks).
      await notifyLinks(client, forumId);
      return { id: forumId, title, documentIds, tokenHashes: tokens.rows.map((row) => row.hash) };
    });
  }

  addBoard(
    board: Omit<BoardRecord, 'position'>,
    grants: NewTokenGrant[],
    maxBoards: number,
  ): Promise<{ ok: true; board: BoardRecord } | { ok: false; reason: BoardPlacementRefusal }> {
    return inTransaction(this.#pool, async (client) => {
      await lockForum(client, board.forumId);
      const refused = await placementRefusal(
        client,
        board.forumId,
        board.id,
        board.territory,
        maxBoards,
      );
      if (refused) return { ok: false, reason: refused };
      const next = await client.query<{ next: number }>(
        'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM boards WHERE forum_id = $1',
        [board.forumId],
      );
      const position = next.rows[0]?.next ?? 0;
      const at = Date.now();
      await insertBoard(client, board, position, at);
      for (const grant of grants) await insertGrant(client, grant, at);
      return { ok: true, board: { ...board, position } };
    });
  }

  async getForum(id: string): Promise<ForumRecord | null> {
    const result = await this.#pool.query<ForumRow>(
      'SELECT id, title, created_at, date, deleted_at FROM forums WHERE id = $1',
      [id],
    );
    return result.rows[0] ? toForum(result.rows[0]) : null;
  }

  getBoard(id: string): Promise<BoardRecord | null> {
    return liveBoard(this.#pool, id);
  }

  listBoards(forumId: string): Promise<BoardRecord[]> {
    return liveBoards(this.#pool, forumId);
  }

  async findGrant(tokenHash: Buffer): Promise<TokenGrant | null> {
    // A removed board's (R56) grants are kept for R58's restore, but refused meanwhile.
    // A deleted forum's links (R70), its removed boards' too, resolve marked deleted (410).
    const result = await this.#pool.query<{
      role: AccessRole;
      forum_id: string;
      board_id: string | null;
      deleted: boolean;
    }>(
      `SELECT t.role, t.forum_id, t.board_id, f.deleted_at IS NOT NULL AS deleted FROM tokens t
       JOIN forums f ON f.id = t.forum_id
       LEFT JOIN boards b ON b.id = t.board_id
       WHERE t.hash = $1
         AND (t.board_id IS NULL OR b.removed_at IS NULL OR f.deleted_at IS NOT NULL)`,
      [tokenHash],
    );
    const row = result.rows[0];
    if (!row) return null;
    const grant: TokenGrant = { role: row.role, forumId: row.forum_id, boardId: row.board_id };
    if (row.deleted) grant.forumDeleted = true;
    return grant;
  }

  async listSealedLinks(forumId: string): Promise<SealedLink[]> {
    const result = await this.#pool.query<{
      board_id: string;
      role: 'edit' | 'view';
      sealed: Buffer | null;
    }>(
      `SELECT t.board_id, t.role, t.sealed FROM tokens t
       JOIN boards b ON b.id = t.board_id
       WHERE t.forum_id = $1 AND b.removed_at IS NULL ORDER BY t.created_at, t.hash`,
      [forumId],
    );
    return result.rows.map((row) => ({
      boardId: row.board_id,
      role: row.role,
      sealed: row.sealed,
    }));
  }

  replaceBoardToken(
    boardId: string,
    role: 'edit' | 'view',
    grant: NewTokenGrant,
  ): Promise<Buffer[] | null> {
    return inTransaction(this.#pool, async (client) => {
      await lockForum(client, grant.forumId);
      if ((await liveBoard(client, boardId))?.forumId !== grant.forumId) return null;
      const old = await client.query<{ hash: Buffer }>(
        'DELETE FROM tokens WHERE board_id = $1 AND role = $2 RETURNING hash',
        [boardId, role],
      );
      await insertGrant(client, grant, Date.now());
      await notifyLinks(client, grant.forumId);
      return old.rows.map((row) => row.hash);
    });
  }

  async listForums(): Promise<ForumRecord[]> {
    // COLLATE "C": the same order as SQLite's byte-wise comparison, whatever the locale.
    const result = await this.#pool.query<ForumRow>(
      `SELECT id, title, created_at, date FROM forums WHERE deleted_at IS NULL
       ORDER BY created_at, id COLLATE "C"`,
    );
    return result.rows.map(toForum);
  }

  replaceFacilitatorToken(forumId: string, grant: NewTokenGrant): Promise<Buffer[]> {
    return inTransaction(this.#pool, async (client) => {
      await lockForum(client, forumId);
      const old = await client.query<{ hash: Buffer }>(
        "DELETE FROM tokens WHERE forum_id = $1 AND role = 'facilitator' RETURNING hash",
        [forumId],
      );
      await insertGrant(client, grant, Date.now());
      await notifyLinks(client, forumId);
      return old.rows.map((row) => row.hash);
    });
  }

  updateForum(
    forumId: string,
    changes: { title?: string; date?: string | null },
  ): Promise<ForumRecord | null> {
    return inTransaction(this.#pool, async (client) => {
      const found = await client.query<ForumRow>(
        'SELECT id, title, created_at, date FROM forums WHERE id = $1 FOR UPDATE',
        [forumId],
      );
      if (!found.rows[0]) return null;
      const forum = toForum(found.rows[0]);
      const next: ForumRecord = {
        ...forum,
        title: changes.title ?? forum.title,
        date: changes.date === undefined ? (forum.date ?? null) : changes.date,
      };
      await client.query('UPDATE forums SET title = $1, date = $2 WHERE id = $3', [
        next.title,
        next.date ?? null,
        forumId,
      ]);
      return next;
    });
  }

  renameBoard(
    boardId: string,
    forumId: string,
    name: BoardName,
    options: RenameOptions = {},
  ): Promise<RenameResult> {
    return inTransaction(this.#pool, async (client) => {
      // The forum's lock orders this rename after any other of the forum's boards (R55's undo
      // reads the name it checks under it).
      await lockForum(client, forumId);
      const before = await liveBoard(client, boardId);
      if (!before || before.forumId !== forumId) return { ok: false, reason: 'board_not_found' };
      if (options.ifGeneration !== undefined) {
        const current = await client.query<{ generation: number }>(
          'SELECT rename_generation AS generation FROM boards WHERE id = $1',
          [boardId],
        );
        if (current.rows[0]?.generation !== options.ifGeneration) {
          return { ok: false, reason: 'board_changed' };
        }
      }
      const taken = (await liveBoards(client, forumId)).some(
        (other) => other.id !== boardId && sameTerritory(other.territory, name.territory),
      );
      if (taken) return { ok: false, reason: 'territory_taken' };
      const written = await client.query<{ generation: number }>(
        `UPDATE boards SET title = $1, territory = $2, rename_generation = rename_generation + 1
         WHERE id = $3 RETURNING rename_generation AS generation`,
        [name.title, name.territory, boardId],
      );
      return {
        ok: true,
        before,
        after: { ...before, ...name },
        generation: written.rows[0]!.generation,
      };
    });
  }

  removeBoard(boardId: string, forumId: string): Promise<Buffer[] | null> {
    return inTransaction(this.#pool, async (client) => {
      await lockForum(client, forumId);
      const marked = await client.query(
        `UPDATE boards SET removed_at = $1
         WHERE id = $2 AND forum_id = $3 AND removed_at IS NULL`,
        [Date.now(), boardId, forumId],
      );
      if (marked.rowCount === 0) return null;
      const hashes = await client.query<{ hash: Buffer }>(
        'SELECT hash FROM tokens WHERE board_id = $1',
        [boardId],
      );
      await notifyLinks(client, forumId);
      return hashes.rows.map((row) => row.hash);
    });
  }

  async listRemovedBoards(forumId: string): Promise<RemovedBoardRecord[]> {
    const result = await this.#pool.query<BoardRow & { removed_at: number }>(
      `SELECT ${BOARD_COLUMNS}, removed_at FROM boards
       WHERE forum_id = $1 AND removed_at IS NOT NULL ORDER BY removed_at DESC, position`,
      [forumId],
    );
    return result.rows.map((row) => ({ ...toBoard(row), removedAt: row.removed_at }));
  }

  restoreBoard(
    boardId: string,
    forumId: string,
    maxBoards: number,
  ): Promise<
    | { ok: true; board: BoardRecord }
    | { ok: false; reason: 'board_not_found' | BoardPlacementRefusal }
  > {
    return inTransaction(this.#pool, async (client) => {
      await lockForum(client, forumId);
      const removed = await client.query<BoardRow>(
        `SELECT ${BOARD_COLUMNS} FROM boards
         WHERE id = $1 AND forum_id = $2 AND removed_at IS NOT NULL`,
        [boardId, forumId],
      );
      if (!removed.rows[0]) return { ok: false, reason: 'board_not_found' };
      const board = toBoard(removed.rows[0]);
      const refused = await placementRefusal(client, forumId, boardId, board.territory, maxBoards);
      if (refused) return { ok: false, reason: refused };
      await client.query('UPDATE boards SET removed_at = NULL WHERE id = $1', [boardId]);
      return { ok: true, board };
    });
  }
}

/** Serialises the « atomic » methods of one forum across connections and processes. */
async function lockForum(client: Queryable, forumId: string): Promise<void> {
  await client.query('SELECT id FROM forums WHERE id = $1 FOR UPDATE', [forumId]);
}

/** Delivered at commit, to every server listening (and not at all on rollback). */
async function notifyLinks(client: Queryable, forumId: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [LINKS_CHANNEL, forumId]);
}

async function liveBoard(db: Queryable, id: string): Promise<BoardRecord | null> {
  // A removed board (R56) is out of every read: kept only for R58's restore.
  const result = await db.query<BoardRow>(
    `SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1 AND removed_at IS NULL`,
    [id],
  );
  return result.rows[0] ? toBoard(result.rows[0]) : null;
}

async function liveBoards(db: Queryable, forumId: string): Promise<BoardRecord[]> {
  const result = await db.query<BoardRow>(
    `SELECT ${BOARD_COLUMNS} FROM boards WHERE forum_id = $1 AND removed_at IS NULL
     ORDER BY position`,
    [forumId],
  );
  return result.rows.map(toBoard);
}

/** R54, R58: why the forum has no place for this board (inside the locked transaction). */
async function placementRefusal(
  client: Queryable,
  forumId: string,
  boardId: string,
  territory: string | null,
  maxBoards: number,
): Promise<BoardPlacementRefusal | null> {
  const others = (await liveBoards(client, forumId)).filter((board) => board.id !== boardId);
  if (others.length >= maxBoards) return 'too_many_boards';
  if (others.some((board) => sameTerritory(board.territory, territory))) return 'territory_taken';
  return null;
}

async function insertBoard(
  client: Queryable,
  board: Omit<BoardRecord, 'position'>,
  position: number,
  at: number,
): Promise<void> {
  await client.query(
    `INSERT INTO boards (id, forum_id, position, kind, title, territory, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [board.id, board.forumId, position, board.kind, board.title, board.territory, at],
  );
}

async function insertGrant(client: Queryable, grant: NewTokenGrant, at: number): Promise<void> {
  await client.query(
    `INSERT INTO tokens (hash, role, forum_id, board_id, created_at, sealed)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [grant.hash, grant.role, grant.forumId, grant.boardId, at, grant.sealed ?? null],
  );
}

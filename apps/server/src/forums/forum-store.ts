import type { BoardKind } from '@carton/board';
import type { MaybePromise } from '../storage/board-storage.ts';

export type AccessRole = 'facilitator' | 'edit' | 'view';

export interface ForumRecord {
  id: string;
  title: string;
  createdAt: number;
  /** The forum's day, ISO `YYYY-MM-DD`, if given. */
  date?: string | null;
  /** R70: when the forum was deleted for good (ms); its row is then a tombstone. */
  deletedAt?: number | null;
}

export interface BoardRecord {
  id: string;
  forumId: string;
  position: number;
  kind: BoardKind;
  title: string;
  territory: string | null;
}

/** R58: a board taken out of its forum (R56), kept so it can be brought back. */
export interface RemovedBoardRecord extends BoardRecord {
  /** When it was removed, ms since the epoch. */
  removedAt: number;
}

/** What a token grants: a role on one board, or (facilitator) on every board of a forum. */
export interface TokenGrant {
  role: AccessRole;
  forumId: string;
  boardId: string | null;
  /** R70: the forum was deleted: every link of it answers 410 (removed boards' too). */
  forumDeleted?: boolean;
}

/** R70: what ForumStore.eraseForum erased. */
export interface ErasedForum {
  id: string;
  /** The title as it was just before the erase (answered once, never stored again). */
  title: string;
  /** The documents erased: every board's (removed ones too) and `forum:<id>`. */
  documentIds: string[];
  /** Every token hash of the forum: their connections are closed (4410). */
  tokenHashes: Buffer[];
}

export interface NewTokenGrant extends TokenGrant {
  hash: Buffer;
  /** The token sealed under the facilitator's links key (L1); null for the facilitator's own. */
  sealed?: Buffer | null;
}

/** A board token as stored for recovery: sealed, never in clear (L1). */
export interface SealedLink {
  boardId: string;
  role: 'edit' | 'view';
  sealed: Buffer | null;
}

/** R54, R58: why a board cannot take a place in its forum (added or brought back). */
export type BoardPlacementRefusal = 'too_many_boards' | 'territory_taken';

/** R55: a board's name as the facilitator corrects it. */
export interface BoardName {
  title: string;
  territory: string | null;
}

/**
 * R54, R55, R58: two territories are the same one if they differ only by case, as French
 * lowercases them (« Rimouski-Neigette » = « rimouski-neigette »). Every implementation
 * compares with this function, so SQLite and PostgreSQL refuse the same names.
 */
export function sameTerritory(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLocaleLowerCase('fr-CA') === b.toLocaleLowerCase('fr-CA');
}

/** ForumStore.renameBoard's condition (R55's undo). */
export interface RenameOptions {
  /**
   * Write only if the board's rename generation is still this one: no rename since, even one
   * that gave the same name back (which comparing names cannot tell from no rename at all).
   */
  ifGeneration?: number;
}

/** ForumStore.renameBoard's answer. */
export type RenameResult =
  | {
      ok: true;
      before: BoardRecord;
      after: BoardRecord;
      /** The row's rename generation this write gave it: one more than before, each time. */
      generation: number;
    }
  | { ok: false; reason: 'board_not_found' | 'territory_taken' | 'board_changed' };

/** True if the board's stored name is exactly `name` (R55: a rename's document following the row). */
export function hasName(board: BoardRecord, name: BoardName): boolean {
  return board.title === name.title && board.territory === name.territory;
}

/**
 * Forums, boards and token hashes. SQLite now (synchronous answers); PostgreSQL answers with
 * promises: every caller awaits every method (MaybePromise, like BoardStorage).
 *
 * Atomicity: a method documented « atomic » checks its condition and writes in ONE transaction
 * (SQLite: one better-sqlite3 transaction; PostgreSQL: one transaction that first locks the
 * forum's row, `SELECT … FROM forums WHERE id = $1 FOR UPDATE`, so two requests on one forum —
 * from any number of server processes — are serialised), and answers a refusal without writing
 * anything when the condition fails. Callers check first only to answer early; the method's own
 * check is the one that counts, since other requests run while a caller awaits.
 */
export interface ForumStore {
  /** Creates a forum, its boards and its token hashes in one transaction. */
  createForum(
    forum: ForumRecord,
    boards: BoardRecord[],
    grants: NewTokenGrant[],
  ): MaybePromise<void>;
  /**
   * R54, atomic: adds one board to a forum with its token hashes, after the forum's last board
   * (its position is chosen inside the transaction) — unless the forum already holds
   * `maxBoards` boards (`too_many_boards`) or another of its boards has the same territory
   * (`territory_taken`, compared with `sameTerritory`). Removed boards (R56) do not count.
   */
  addBoard(
    board: Omit<BoardRecord, 'position'>,
    grants: NewTokenGrant[],
    maxBoards: number,
  ): MaybePromise<{ ok: true; board: BoardRecord } | { ok: false; reason: BoardPlacementRefusal }>;
  getForum(id: string): MaybePromise<ForumRecord | null>;
  getBoard(id: string): MaybePromise<BoardRecord | null>;
  listBoards(forumId: string): MaybePromise<BoardRecord[]>;
  findGrant(tokenHash: Buffer): MaybePromise<TokenGrant | null>;
  /** Every board token of the forum, sealed (L1). */
  listSealedLinks(forumId: string): MaybePromise<SealedLink[]>;
  /**
   * L2, atomic: replaces a board's edit or view token; returns the hashes removed (the links
   * now refused) — or null, writing nothing, if the board is not a board of `grant.forumId`
   * (or was removed, R56, meanwhile).
   */
  replaceBoardToken(
    boardId: string,
    role: 'edit' | 'view',
    grant: NewTokenGrant,
  ): MaybePromise<Buffer[] | null>;
  /** Every forum of the server, oldest first (the CLI's `carton forums`). */
  listForums(): MaybePromise<ForumRecord[]>;
  /**
   * L4: a new facilitator token for a forum whose link was lost: the old facilitator hashes are
   * deleted and the new one stored, in one transaction; returns the hashes removed.
   */
  replaceFacilitatorToken(forumId: string, grant: NewTokenGrant): MaybePromise<Buffer[]>;
  /**
   * R57, atomic: changes the forum's title and/or day (a field left undefined keeps its stored
   * value, read in the same transaction, so two corrections of different fields both stay);
   * answers the forum as stored after the change, null if there is no such forum.
   */
  updateForum(
    forumId: string,
    changes: { title?: string; date?: string | null },
  ): MaybePromise<ForumRecord | null>;
  /**
   * R55, atomic: a board's title and territory after a correction (a typo, a renamed
   * territory) — unless the board is not (or no longer, R56) a board of `forumId`
   * (`board_not_found`) or another board of the forum has that territory (`territory_taken`,
   * `sameTerritory`). Answers the board as it was just before (read in the transaction) and
   * after, and the row's new rename generation (each rename, undo included, adds one). With
   * `ifGeneration`, nothing is written unless the row's generation is still that one
   * (`board_changed`): a rename undoing itself after its document change was not stored (R55)
   * puts the old name back only over its own write, never over a rename made since — not even
   * one that wrote the same name again.
   */
  renameBoard(
    boardId: string,
    forumId: string,
    name: BoardName,
    options?: RenameOptions,
  ): MaybePromise<RenameResult>;
  /**
   * R56, atomic: takes a board of `forumId` out of its forum — its row and token hashes are
   * kept but marked removed, so every read above leaves it out and its links are refused;
   * returns the hashes of the links now refused, or null if it was not (or no longer) a board
   * of that forum (two removals at once: one of them answers null). The document stays in
   * board storage.
   */
  removeBoard(boardId: string, forumId: string): MaybePromise<Buffer[] | null>;
  /**
   * ARCHIVE, atomic: erases a forum whose links were never given (a forum import that failed
   * part-way) as if it never was — its dots, token hashes, board rows and forum row, and the
   * stored documents (state, updates, versions) of `documentIds`, its boards' and its forum
   * document's, which are written before its rows. Its images must be gone first
   * (BlobStore.remove): one left makes the foreign key refuse, and nothing is erased.
   * Never for a forum anyone may hold a link of.
   */
  discardForum(forumId: string, documentIds: readonly string[]): MaybePromise<void>;
  /**
   * R70, atomic: deletes a forum for good — every board's document (removed boards' too) and
   * the forum document (state, update log, versions), its images, its dots, its boards' names
   * and its sealed links — and keeps a tombstone: the forum's row (title blanked, `deleted_at`),
   * its boards' rows (names blanked), its token hashes (so its links answer 410), and the
   * erased document ids, whose later writes storage drops (triggers), so a room flushing, a
   * compaction or another process racing the erase never writes the forum back. Null if there
   * is no such forum, or it was deleted already (nothing written).
   */
  eraseForum(forumId: string): MaybePromise<ErasedForum | null>;
  /** R58: the forum's removed boards, most recently removed first. */
  listRemovedBoards(forumId: string): MaybePromise<RemovedBoardRecord[]>;
  /**
   * R58, atomic: brings a removed board of `forumId` back with its same links — unless it is
   * not a removed board of that forum (`board_not_found`), the forum already holds `maxBoards`
   * boards, or another of its boards has the same territory (`sameTerritory`). Answers the
   * board brought back.
   */
  restoreBoard(
    boardId: string,
    forumId: string,
    maxBoards: number,
  ): MaybePromise<
    | { ok: true; board: BoardRecord }
    | { ok: false; reason: 'board_not_found' | BoardPlacementRefusal }
  >;
}

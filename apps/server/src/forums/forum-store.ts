import type { BoardKind } from '@carton/board';

export type AccessRole = 'facilitator' | 'edit' | 'view';

export interface ForumRecord {
  id: string;
  title: string;
  createdAt: number;
  /** The forum's day, ISO `YYYY-MM-DD`, if given. */
  date?: string | null;
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

/** Forums, boards and token hashes. SQLite now; the interface lets PostgreSQL plug in. */
export interface ForumStore {
  /** Creates a forum, its boards and its token hashes in one transaction. */
  createForum(forum: ForumRecord, boards: BoardRecord[], grants: NewTokenGrant[]): void;
  /**
   * R54: adds one board to a forum with its token hashes, in one transaction; the board goes
   * after the forum's last (its position is chosen inside the transaction).
   */
  addBoard(board: Omit<BoardRecord, 'position'>, grants: NewTokenGrant[]): BoardRecord;
  getForum(id: string): ForumRecord | null;
  getBoard(id: string): BoardRecord | null;
  listBoards(forumId: string): BoardRecord[];
  findGrant(tokenHash: Buffer): TokenGrant | null;
  /** Every board token of the forum, sealed (L1). */
  listSealedLinks(forumId: string): SealedLink[];
  /**
   * L2: replaces a board's edit or view token in one transaction; returns the hashes removed
   * (the links now refused).
   */
  replaceBoardToken(boardId: string, role: 'edit' | 'view', grant: NewTokenGrant): Buffer[];
  /** Every forum of the server, oldest first (the CLI's `carton forums`). */
  listForums(): ForumRecord[];
  /**
   * L4: a new facilitator token for a forum whose link was lost: the old facilitator hashes are
   * deleted and the new one stored, in one transaction; returns the hashes removed.
   */
  replaceFacilitatorToken(forumId: string, grant: NewTokenGrant): Buffer[];
  /** R57: a forum's title and day after a correction. */
  updateForum(forumId: string, title: string, date: string | null): void;
  /** R55: a board's title and territory after a correction (a typo, a renamed territory). */
  renameBoard(boardId: string, title: string, territory: string | null): void;
  /**
   * R56: takes a board out of its forum — its row and token hashes are kept but marked removed,
   * so every read above leaves it out and its links are refused; returns the hashes of the
   * links now refused (none if it was not in the forum). The document stays in board storage.
   */
  removeBoard(boardId: string): Buffer[];
  /** R58: the forum's removed boards, most recently removed first. */
  listRemovedBoards(forumId: string): RemovedBoardRecord[];
  /** R58: brings a removed board back with its same links; false if it was not removed. */
  restoreBoard(boardId: string): boolean;
}

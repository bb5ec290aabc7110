import type { BoardKind } from '@carton/board';

export type AccessRole = 'facilitator' | 'edit' | 'view';

export interface ForumRecord {
  id: string;
  title: string;
  createdAt: number;
}

export interface BoardRecord {
  id: string;
  forumId: string;
  position: number;
  kind: BoardKind;
  title: string;
  territory: string | null;
}

/** What a token grants: a role on one board, or (facilitator) on every board of a forum. */
export interface TokenGrant {
  role: AccessRole;
  forumId: string;
  boardId: string | null;
}

export interface NewTokenGrant extends TokenGrant {
  hash: Buffer;
}

/** Forums, boards and token hashes. SQLite now; the interface lets PostgreSQL plug in. */
export interface ForumStore {
  /** Creates a forum, its boards and its token hashes in one transaction. */
  createForum(forum: ForumRecord, boards: BoardRecord[], grants: NewTokenGrant[]): void;
  getForum(id: string): ForumRecord | null;
  getBoard(id: string): BoardRecord | null;
  listBoards(forumId: string): BoardRecord[];
  findGrant(tokenHash: Buffer): TokenGrant | null;
}

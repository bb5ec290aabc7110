import { BOARD_ID_PATTERN } from '../relay/relay.ts';
import type {
  AccessRole,
  BoardRecord,
  ForumRecord,
  ForumStore,
  TokenGrant,
} from './forum-store.ts';
import { hashToken, isWellFormedToken } from './tokens.ts';

export type AccessDenied = {
  ok: false;
  status: 401 | 403 | 404 | 410 | 429;
  code:
    | 'missing_token'
    | 'invalid_token'
    | 'forbidden'
    | 'board_not_found'
    | 'forum_not_found'
    | 'forum_deleted'
    | 'too_many_requests';
  message: string;
};

export type BoardAccess = { ok: true; board: BoardRecord; role: AccessRole } | AccessDenied;
export type ForumAccess = { ok: true; forum: ForumRecord } | AccessDenied;
/** Any token of a forum: the forum and what the token is (F2, P2). */
export type ForumMemberAccess =
  { ok: true; forum: ForumRecord; grant: TokenGrant; board: BoardRecord | null } | AccessDenied;

const missing: AccessDenied = {
  ok: false,
  status: 401,
  code: 'missing_token',
  message: 'A token is required.',
};
const invalid: AccessDenied = {
  ok: false,
  status: 401,
  code: 'invalid_token',
  message: 'The token is not valid.',
};
const forbidden: AccessDenied = {
  ok: false,
  status: 403,
  code: 'forbidden',
  message: 'The token does not give access to this board.',
};

const boardNotFound: AccessDenied = {
  ok: false,
  status: 404,
  code: 'board_not_found',
  message: 'No such board.',
};
const forumNotFound: AccessDenied = {
  ok: false,
  status: 404,
  code: 'forum_not_found',
  message: 'No such forum.',
};
/** R70: every link of a deleted forum, on every route and at the socket's upgrade. */
export const FORUM_DELETED: AccessDenied = {
  ok: false,
  status: 410,
  code: 'forum_deleted',
  message: 'This forum was deleted.',
};
const notThisForum: AccessDenied = {
  ...forbidden,
  message: 'The token does not give access to this forum.',
};

/**
 * R17, R22: the first steps of every access check, in this order: id shape, token shape, token
 * lookup by hash — so nothing about boards or forums is revealed without a valid token.
 */
async function findGrant(
  store: ForumStore,
  id: string,
  token: string | null | undefined,
  notFound: AccessDenied,
): Promise<TokenGrant | AccessDenied> {
  if (!BOARD_ID_PATTERN.test(id)) return notFound;
  if (!token) return missing;
  if (!isWellFormedToken(token)) return invalid;
  const grant = await store.findGrant(hashToken(token));
  if (grant === null) return invalid;
  return grant.forumDeleted === true ? FORUM_DELETED : grant;
}

const denied = (grant: TokenGrant | AccessDenied): grant is AccessDenied => 'ok' in grant;

/** R17, R22: the role a token gives on a board. */
export async function resolveBoardAccess(
  store: ForumStore,
  boardId: string,
  token: string | null | undefined,
): Promise<BoardAccess> {
  const grant = await findGrant(store, boardId, token, boardNotFound);
  if (denied(grant)) return grant;
  const board = await store.getBoard(boardId);
  if (!board) return boardNotFound;
  if (grant.role === 'facilitator') {
    return grant.forumId === board.forumId ? { ok: true, board, role: 'facilitator' } : forbidden;
  }
  if (grant.boardId === board.id) return { ok: true, board, role: grant.role };
  // P1: the plenary is the forum's shared room: its links view every board of the forum.
  if (grant.forumId === board.forumId && grant.boardId !== null) {
    const own = await store.getBoard(grant.boardId);
    if (own?.kind === 'plenary') return { ok: true, board, role: 'view' };
  }
  return forbidden;
}

/**
 * F2, P2: any token of the forum (facilitator, or any board's edit or view link) — for the
 * forum room (read) and the forum's listing.
 */
export async function resolveForumMemberAccess(
  store: ForumStore,
  forumId: string,
  token: string | null | undefined,
): Promise<ForumMemberAccess> {
  const grant = await findGrant(store, forumId, token, forumNotFound);
  if (denied(grant)) return grant;
  const forum = await store.getForum(forumId);
  if (!forum) return forumNotFound;
  if (grant.forumId !== forum.id) return notThisForum;
  const board = grant.boardId === null ? null : await store.getBoard(grant.boardId);
  return { ok: true, forum, grant, board };
}

/** Only the forum's facilitator token opens the forum itself. */
export async function resolveForumAccess(
  store: ForumStore,
  forumId: string,
  token: string | null | undefined,
): Promise<ForumAccess> {
  const member = await resolveForumMemberAccess(store, forumId, token);
  if (!member.ok) return member;
  return member.grant.role === 'facilitator' ? { ok: true, forum: member.forum } : notThisForum;
}

/** Whether a role may change the board's document (R9). */
export function canWrite(role: AccessRole): boolean {
  return role === 'edit' || role === 'facilitator';
}

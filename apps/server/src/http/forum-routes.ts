import type { Context, Hono } from 'hono';
import type { AccessDenied } from '../forums/access.ts';
import type { BoardRecord, ForumRecord } from '../forums/forum-store.ts';
import { LINK_REVOKED, linksKey, openToken, sealToken } from '../forums/links.ts';
import { generateToken, hashToken } from '../forums/tokens.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { bearerToken, jsonError } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

const refuse = (c: Context, denied: AccessDenied) =>
  jsonError(c, denied.status, denied.code, denied.message);

const forumJson = (forum: ForumRecord) => ({
  id: forum.id,
  title: forum.title,
  date: forum.date ?? null,
});
const boardJson = (board: BoardRecord) => ({
  id: board.id,
  kind: board.kind,
  title: board.title,
  territory: board.territory,
});

/** The forum's page: links (L1, L2), the boards of the mosaic (P2), the server clock (F3). */
export function registerForumRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const baseUrl = (c: Context) => deps.publicUrl ?? new URL(c.req.url).origin;
  const link = (c: Context, boardId: string, token: string) => ({
    token,
    url: `${baseUrl(c)}/b/${boardId}#token=${token}`,
  });

  // F3: the server clock, for the timer's offset (`endsAt - (Date.now() + offset)`).
  app.get('/api/time', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ now: Date.now() });
  });

  // L1: the facilitator token opens every board's sealed links.
  app.get('/api/forums/:id', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const facilitatorToken = bearerToken(c.req.header('Authorization'))!;
    const forum = access.forum;
    const key = linksKey(facilitatorToken, forum.id);
    const tokens = new Map<string, string>();
    for (const sealed of await deps.forums.listSealedLinks(forum.id)) {
      const token = sealed.sealed && openToken(key, sealed.boardId, sealed.role, sealed.sealed);
      if (token) tokens.set(`${sealed.boardId}/${sealed.role}`, token);
    }
    const linkOf = (board: BoardRecord, role: 'edit' | 'view') => {
      const token = tokens.get(`${board.id}/${role}`);
      return token ? link(c, board.id, token) : null;
    };
    c.header('Cache-Control', 'no-store');
    return c.json({
      forum: forumJson(forum),
      facilitator: {
        token: facilitatorToken,
        url: `${baseUrl(c)}/f/${forum.id}#token=${facilitatorToken}`,
      },
      boards: (await deps.forums.listBoards(forum.id)).map((board) => ({
        ...boardJson(board),
        edit: linkOf(board, 'edit'),
        view: linkOf(board, 'view'),
      })),
      // R58: what the facilitator can bring back (no links: they work again once restored).
      removedBoards: (await deps.forums.listRemovedBoards(forum.id)).map((board) => ({
        ...boardJson(board),
        removedAt: board.removedAt,
      })),
    });
  });

  // P2: any token of the forum lists its boards (no tokens): the mosaic, the spotlight.
  app.get('/api/forums/:id/boards', async (c) => {
    const access = await checks.member(c);
    if (!access.ok) return refuse(c, access);
    return c.json({
      forum: forumJson(access.forum),
      boards: (await deps.forums.listBoards(access.forum.id)).map(boardJson),
    });
  });

  // L2, L3: a new edit or view link; the old one is refused at once, its sockets closed.
  app.post('/api/forums/:id/boards/:boardId/links/:role/rotate', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const role = c.req.param('role');
    if (role !== 'edit' && role !== 'view') {
      return jsonError(c, 404, 'not_found', 'Links are "edit" or "view".');
    }
    const notFound = () => jsonError(c, 404, 'board_not_found', 'No such board in this forum.');
    const board = await deps.forums.getBoard(c.req.param('boardId') ?? '');
    if (!board || board.forumId !== access.forum.id) return notFound();
    const facilitatorToken = bearerToken(c.req.header('Authorization'))!;
    const token = generateToken();
    // The store checks again that the board is still in the forum (removed meanwhile: 404).
    const removed = await deps.forums.replaceBoardToken(board.id, role, {
      hash: hashToken(token),
      role,
      forumId: board.forumId,
      boardId: board.id,
      sealed: sealToken(linksKey(facilitatorToken, board.forumId), board.id, role, token),
    });
    if (removed === null) return notFound();
    const revoked = new Set(removed.map((hash) => hash.toString('hex')));
    const closed = deps.relay.closeWhere(
      (tags) => tags.tokenHash !== undefined && revoked.has(tags.tokenHash),
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
    );
    deps.log.info('link_rotated', { forum: board.forumId, board: board.id, role, closed });
    return c.json({ board: boardJson(board), role, link: link(c, board.id, token) });
  });
}

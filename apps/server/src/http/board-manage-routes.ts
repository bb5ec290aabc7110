import { Board, SERVER_ORIGIN, territoryCartonTitle } from '@carton/board';
import type { Context, Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import type { AccessDenied } from '../forums/access.ts';
import { TerritoryInput, territoryTitle, TitleInput } from '../forums/create-forum.ts';
import type { BoardRecord } from '../forums/forum-store.ts';
import { LINK_REVOKED } from '../forums/links.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { parseBody } from './body.ts';
import { jsonError } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

/** R55: the request body of PATCH /api/forums/:id/boards/:boardId. */
const RenameBoardInput = z
  .strictObject({
    title: TitleInput.optional(),
    territory: TerritoryInput.optional(),
  })
  .refine((input) => input.title !== undefined || input.territory !== undefined, {
    message: 'must give a title or a territory',
  });

/** R57: the request body of PATCH /api/forums/:id. */
const UpdateForumInput = z
  .strictObject({
    title: TitleInput.optional(),
    date: z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD) or null' }).nullable().optional(),
  })
  .refine((input) => input.title !== undefined || input.date !== undefined, {
    message: 'must give a title or a date',
  });

const refuse = (c: Context, denied: AccessDenied) =>
  jsonError(c, denied.status, denied.code, denied.message);

const boardJson = (board: BoardRecord) => ({
  id: board.id,
  kind: board.kind,
  title: board.title,
  territory: board.territory,
});

/**
 * R55: the doc follows a rename — its meta title, and the carton the template titled after the
 * old territory (« Conditions de succès — Kamouraksa »), so the board, its exports and the
 * mosaic say the same as the links. A carton the group retitled itself is left alone.
 */
function renameInDoc(doc: Y.Doc, before: BoardRecord, after: BoardRecord): void {
  const board = new Board(doc);
  try {
    const oldCarton = before.territory === null ? null : territoryCartonTitle(before.territory);
    const cartons =
      oldCarton === null || after.territory === null || before.territory === after.territory
        ? []
        : board
            .listShapes()
            .filter((shape) => shape.type === 'carton' && shape.title === oldCarton);
    doc.transact(() => {
      // The meta map is the model's (M1); only its title changes, never its kind or version.
      const meta = doc.getMap('board').get('meta');
      if (meta instanceof Y.Map && meta.get('title') !== after.title)
        meta.set('title', after.title);
    }, SERVER_ORIGIN);
    if (cartons.length > 0) {
      board.run((tx) => {
        for (const carton of cartons) {
          tx.update(carton.id, { title: territoryCartonTitle(after.territory!) });
        }
      }, SERVER_ORIGIN);
    }
  } finally {
    board.destroy();
  }
}

/**
 * R55–R57: the facilitator corrects a board's name or the forum's title and day, or takes a
 * board out of the forum.
 */
export function registerBoardManageRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const boardOf = (c: Context, forumId: string) => {
    const board = deps.forums.getBoard(c.req.param('boardId') ?? '');
    return board && board.forumId === forumId ? board : null;
  };

  app.patch('/api/forums/:id', async (c) => {
    const access = checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const body = await parseBody(c, UpdateForumInput);
    if (!body.ok) return body.response;
    const forum = access.forum;
    const title = body.data.title ?? forum.title;
    const date = body.data.date === undefined ? (forum.date ?? null) : body.data.date;
    deps.forums.updateForum(forum.id, title, date);
    deps.log.info('forum_updated', { forum: forum.id });
    return c.json({ forum: { id: forum.id, title, date } });
  });

  app.patch('/api/forums/:id/boards/:boardId', async (c) => {
    const access = checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const before = boardOf(c, access.forum.id);
    if (!before) return jsonError(c, 404, 'board_not_found', 'No such board in this forum.');
    const body = await parseBody(c, RenameBoardInput);
    if (!body.ok) return body.response;
    const { title, territory } = body.data;
    if (territory !== undefined && before.kind !== 'territory') {
      return jsonError(c, 400, 'invalid_request', 'territory: only a territory board has one');
    }
    const newTerritory = territory ?? before.territory;
    const taken = deps.forums
      .listBoards(access.forum.id)
      .some(
        (b) =>
          b.id !== before.id &&
          newTerritory !== null &&
          b.territory?.toLocaleLowerCase('fr-CA') === newTerritory.toLocaleLowerCase('fr-CA'),
      );
    if (taken) {
      return jsonError(c, 409, 'territory_taken', 'Another board of the forum has this territory.');
    }
    // A territory board named after its territory keeps following it (R23's title).
    const followsTerritory =
      before.territory !== null && before.title === territoryTitle(before.territory);
    const newTitle =
      title ??
      (followsTerritory && newTerritory !== null ? territoryTitle(newTerritory) : before.title);
    const after: BoardRecord = { ...before, title: newTitle, territory: newTerritory };
    const changed = await deps.relay.changeBoard(before.id, (doc) =>
      renameInDoc(doc, before, after),
    );
    if (!changed) return jsonError(c, 409, 'rename_failed', 'The board could not be loaded.');
    deps.forums.renameBoard(before.id, after.title, after.territory);
    deps.log.info('board_renamed', { forum: access.forum.id, board: before.id });
    return c.json({ board: boardJson(after) });
  });

  app.delete('/api/forums/:id/boards/:boardId', (c) => {
    const access = checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const board = boardOf(c, access.forum.id);
    if (!board) return jsonError(c, 404, 'board_not_found', 'No such board in this forum.');
    // The plenary holds the mosaic's links (P1) and the day's agenda: a forum keeps it.
    if (board.kind === 'plenary') {
      return jsonError(c, 409, 'plenary_required', 'A forum keeps its plenary board.');
    }
    const removed = new Set(deps.forums.removeBoard(board.id).map((h) => h.toString('hex')));
    // Its links stop at once (L3), and so do the facilitators' own sockets on it.
    const closed = deps.relay.closeWhere(
      (tags, connection) =>
        connection.boardId === board.id ||
        (tags.tokenHash !== undefined && removed.has(tags.tokenHash)),
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
    );
    deps.log.info('board_removed', { forum: access.forum.id, board: board.id, closed });
    return c.json({ removed: boardJson(board) });
  });
}

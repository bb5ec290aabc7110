import {
  Board,
  readSpotlight,
  SERVER_ORIGIN,
  setSpotlight,
  territoryCartonTitle,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import { changeForumDoc } from '../facilitation/forum-doc.ts';
import type { AccessDenied } from '../forums/access.ts';
import { MAX_BOARDS_PER_FORUM } from '../forums/create-board.ts';
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
 * R55–R58: the facilitator corrects a board's name or the forum's title and day, or takes a
 * board out of the forum and brings it back.
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
    const forumId = access.forum.id;
    /** What the rename makes of the board as it is now, or why it cannot. */
    const plan = ():
      | { ok: true; before: BoardRecord; after: BoardRecord }
      | { ok: false; status: 400 | 404 | 409; code: string; message: string } => {
      const current = boardOf(c, forumId);
      if (!current) {
        return {
          ok: false,
          status: 404,
          code: 'board_not_found',
          message: 'No such board in this forum.',
        };
      }
      if (territory !== undefined && current.kind !== 'territory') {
        return {
          ok: false,
          status: 400,
          code: 'invalid_request',
          message: 'territory: only a territory board has one',
        };
      }
      const newTerritory = territory ?? current.territory;
      const wanted = newTerritory?.toLocaleLowerCase('fr-CA');
      const taken =
        wanted !== undefined &&
        deps.forums
          .listBoards(forumId)
          .some((b) => b.id !== current.id && b.territory?.toLocaleLowerCase('fr-CA') === wanted);
      if (taken) {
        return {
          ok: false,
          status: 409,
          code: 'territory_taken',
          message: 'Another board of the forum has this territory.',
        };
      }
      // A territory board named after its territory keeps following it (R23's title).
      const followsTerritory =
        current.territory !== null && current.title === territoryTitle(current.territory);
      const newTitle =
        title ??
        (followsTerritory && newTerritory !== null ? territoryTitle(newTerritory) : current.title);
      return {
        ok: true,
        before: current,
        after: { ...current, title: newTitle, territory: newTerritory },
      };
    };
    const first = plan();
    if (!first.ok) return jsonError(c, first.status, first.code, first.message);
    let outcome = first as ReturnType<typeof plan>;
    const changed = await deps.relay.changeBoard(first.before.id, (doc) => {
      // Planned again in the same turn as both writes: while the room loaded (an unloading
      // room's flush), the board may have been removed or another rename taken the territory.
      outcome = plan();
      if (!outcome.ok) return;
      renameInDoc(doc, outcome.before, outcome.after);
      deps.forums.renameBoard(outcome.before.id, outcome.after.title, outcome.after.territory);
    });
    if (!changed) return jsonError(c, 409, 'rename_failed', 'The board could not be loaded.');
    if (!outcome.ok) return jsonError(c, outcome.status, outcome.code, outcome.message);
    const { after } = outcome;
    deps.log.info('board_renamed', { forum: forumId, board: after.id });
    return c.json({ board: boardJson(after) });
  });

  app.delete('/api/forums/:id/boards/:boardId', async (c) => {
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
    // Everyone following the spotlight onto this board would land on a refused link: off.
    try {
      await changeForumDoc(deps.relay, access.forum.id, (doc) => {
        const spotlight = readSpotlight(doc);
        if (spotlight?.active && spotlight.boardId === board.id) {
          setSpotlight(doc, { active: false, boardId: null, by: null }, SERVER_ORIGIN);
        }
      });
    } catch (error) {
      // The board is out already; a spotlight left on is the facilitator's to turn off.
      deps.log.error('spotlight_clear_failed', { forum: access.forum.id, error: error as Error });
    }
    deps.log.info('board_removed', { forum: access.forum.id, board: board.id, closed });
    return c.json({ removed: boardJson(board) });
  });
  // R58: a board removed by mistake comes back with its same links (printed QR codes work
  // again) and its document as it was. Checked and written in one synchronous turn, so no
  // other request takes its territory or the last place in between.
  app.post('/api/forums/:id/boards/:boardId/restore', (c) => {
    const access = checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const forumId = access.forum.id;
    const boardId = c.req.param('boardId') ?? '';
    const board = deps.forums.listRemovedBoards(forumId).find((b) => b.id === boardId);
    if (!board) {
      return jsonError(c, 404, 'board_not_found', 'No removed board by this id in this forum.');
    }
    const boards = deps.forums.listBoards(forumId);
    if (boards.length >= MAX_BOARDS_PER_FORUM) {
      return jsonError(
        c,
        409,
        'too_many_boards',
        `A forum holds at most ${MAX_BOARDS_PER_FORUM} boards.`,
      );
    }
    const wanted = board.territory?.toLocaleLowerCase('fr-CA');
    if (
      wanted !== undefined &&
      boards.some((b) => b.territory?.toLocaleLowerCase('fr-CA') === wanted)
    ) {
      return jsonError(c, 409, 'territory_taken', 'Another board of the forum has this territory.');
    }
    if (!deps.forums.restoreBoard(board.id)) {
      return jsonError(c, 404, 'board_not_found', 'No removed board by this id in this forum.');
    }
    deps.log.info('board_restored', { forum: forumId, board: board.id });
    return c.json({ restored: boardJson(board) });
  });
}

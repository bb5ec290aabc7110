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
import { TerritoryInput, TitleInput } from '../forums/create-forum.ts';
import { hasName, sameTerritory, type BoardRecord } from '../forums/forum-store.ts';
import { LINK_REVOKED } from '../forums/links.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { parseBody } from './body.ts';
import { isNotStored, jsonError, storageUnavailable } from './errors.ts';

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
 * R55: after a rename's document change is stored, the document takes the row's name if another
 * rename wrote the row since — rows and documents are written in two steps, so two renames can
 * store their documents in the opposite order of their rows (the row's last writer wins, and
 * the document followed whoever wrote it last). Whichever rename finishes last sees the row's
 * final name here. Best effort: the rename itself is stored and answered.
 */
async function followRow(deps: AppDeps, forumId: string, written: BoardRecord): Promise<void> {
  try {
    const now = await deps.forums.getBoard(written.id);
    if (!now || now.forumId !== forumId || hasName(now, written)) return;
    await deps.relay.changeBoard(written.id, (doc) => renameInDoc(doc, written, now));
  } catch (error) {
    if (!isNotStored(error)) throw error;
    // R69: while storage's health says failing, `storage_failing` said it: a debug line.
    const level = deps.storageHealth?.failing ? 'debug' : 'error';
    deps.log[level]('rename_not_stored', { forum: forumId, board: written.id, error });
  }
}

/**
 * R55–R58: the facilitator corrects a board's name or the forum's title and day, or takes a
 * board out of the forum and brings it back.
 */
export function registerBoardManageRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const boardOf = async (c: Context, forumId: string) => {
    const board = await deps.forums.getBoard(c.req.param('boardId') ?? '');
    return board && board.forumId === forumId ? board : null;
  };
  const boardNotFound = (c: Context) =>
    jsonError(c, 404, 'board_not_found', 'No such board in this forum.');
  const territoryTaken = (c: Context) =>
    jsonError(c, 409, 'territory_taken', 'Another board of the forum has this territory.');

  app.patch('/api/forums/:id', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const body = await parseBody(c, UpdateForumInput);
    if (!body.ok) return body.response;
    // Only the fields given change, in the store's transaction (ForumStore.updateForum).
    const forum = await deps.forums.updateForum(access.forum.id, body.data);
    if (!forum) return jsonError(c, 404, 'forum_not_found', 'No such forum.');
    deps.log.info('forum_updated', { forum: forum.id });
    return c.json({ forum: { id: forum.id, title: forum.title, date: forum.date ?? null } });
  });

  app.patch('/api/forums/:id/boards/:boardId', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const current = await boardOf(c, access.forum.id);
    if (!current) return boardNotFound(c);
    const body = await parseBody(c, RenameBoardInput);
    if (!body.ok) return body.response;
    const { title, territory } = body.data;
    const forumId = access.forum.id;
    if (territory !== undefined && current.kind !== 'territory') {
      return jsonError(c, 400, 'invalid_request', 'territory: only a territory board has one');
    }
    const newTerritory = territory ?? current.territory;
    // Checked here to answer early; ForumStore.renameBoard checks again in its transaction.
    const others = await deps.forums.listBoards(forumId);
    if (others.some((b) => b.id !== current.id && sameTerritory(b.territory, newTerritory))) {
      return territoryTaken(c);
    }
    // A territory board named after its territory keeps following it (R23's title).
    const followsTerritory =
      current.territory !== null && current.title === territoryCartonTitle(current.territory);
    const newTitle =
      title ??
      (followsTerritory && newTerritory !== null
        ? territoryCartonTitle(newTerritory)
        : current.title);
    // The row first, checked and written in one transaction (the board may have been removed,
    // or another rename taken the territory, since the reads above), then the doc. Not one
    // atomic step any more (the store may answer asynchronously): if the room cannot be loaded
    // the row goes back, so a failed rename changes nothing, as before.
    const renamed = await deps.forums.renameBoard(current.id, forumId, {
      title: newTitle,
      territory: newTerritory,
    });
    if (!renamed.ok) {
      return renamed.reason === 'territory_taken' ? territoryTaken(c) : boardNotFound(c);
    }
    const { before, after } = renamed;
    // Answered once the doc's change is stored (R5); if storage does not take it (R6) the
    // board's document keeps its old name, so the row goes back too — but only over this
    // request's own write: a rename made meanwhile (stored, answered 200) stays, even one that
    // wrote this same name again (`ifGeneration`: the row's rename count, not its name).
    let changed: boolean | 'not_stored';
    try {
      changed = await deps.relay.changeBoard(before.id, (doc) => renameInDoc(doc, before, after));
    } catch (error) {
      if (!isNotStored(error)) throw error;
      // R69: while storage's health says failing, `storage_failing` said it: a debug line.
      const level = deps.storageHealth?.failing ? 'debug' : 'error';
      deps.log[level]('rename_not_stored', { forum: forumId, board: before.id, error });
      changed = 'not_stored';
    }
    if (changed !== true) {
      const undone = await deps.forums.renameBoard(
        before.id,
        forumId,
        { title: before.title, territory: before.territory },
        { ifGeneration: renamed.generation },
      );
      if (!undone.ok) {
        deps.log.warn('rename_undo_skipped', {
          forum: forumId,
          board: before.id,
          reason: undone.reason,
        });
      }
      if (changed === 'not_stored') return storageUnavailable(c);
      return jsonError(c, 409, 'rename_failed', 'The board could not be loaded.');
    }
    await followRow(deps, forumId, after);
    deps.log.info('board_renamed', { forum: forumId, board: after.id });
    return c.json({ board: boardJson(after) });
  });

  app.delete('/api/forums/:id/boards/:boardId', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const board = await boardOf(c, access.forum.id);
    if (!board) return boardNotFound(c);
    // The plenary holds the mosaic's links (P1) and the day's agenda: a forum keeps it.
    if (board.kind === 'plenary') {
      return jsonError(c, 409, 'plenary_required', 'A forum keeps its plenary board.');
    }
    // Null if another request removed it since the read above: that one answers 200.
    const hashes = await deps.forums.removeBoard(board.id, access.forum.id);
    if (hashes === null) return boardNotFound(c);
    const removed = new Set(hashes.map((h) => h.toString('hex')));
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
  // again) and its document as it was. Checked and written in one store transaction
  // (ForumStore.restoreBoard), so no other request takes its territory or the last place in
  // between.
  app.post('/api/forums/:id/boards/:boardId/restore', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const forumId = access.forum.id;
    const boardId = c.req.param('boardId') ?? '';
    const restored = await deps.forums.restoreBoard(boardId, forumId, MAX_BOARDS_PER_FORUM);
    if (!restored.ok) {
      switch (restored.reason) {
        case 'board_not_found':
          return jsonError(c, 404, 'board_not_found', 'No removed board by this id in this forum.');
        case 'too_many_boards':
          return jsonError(
            c,
            409,
            'too_many_boards',
            `A forum holds at most ${MAX_BOARDS_PER_FORUM} boards.`,
          );
        case 'territory_taken':
          return territoryTaken(c);
      }
    }
    deps.log.info('board_restored', { forum: forumId, board: restored.board.id });
    return c.json({ restored: boardJson(restored.board) });
  });
}

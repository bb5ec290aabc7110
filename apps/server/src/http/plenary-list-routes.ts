// C10: POST /api/forums/:id/compilation/plenary puts « Les incontournables » on the plenary
// board as sticky notes (facilitation/plenary-list.ts). Written like R68's copies: one
// server-origin change through the board's room (stored and broadcast, R5), R30's bytes and
// M37's shapes checked before anything is written. What was placed is then written to the
// forum's doc (placed-record.ts), which participants cannot write (F2).
import {
  Board,
  BoardCommandError,
  compilationHeading,
  MAX_BOARD_SHAPES,
  noteKey,
  readVotes,
  SERVER_ORIGIN,
  shapesBounds,
  shapesMapOf,
  TooManyShapesError,
  type ParsedBoardFile,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { compileForum, type DocReader } from '../facilitation/compile-forum.ts';
import { changeForumDoc, readForumDoc } from '../facilitation/forum-doc.ts';
import { readRecordSource, resolveRecord, writeRecord } from '../facilitation/placed-record.ts';
import {
  applyListPlan,
  hasListNoteId,
  ListOffPageError,
  planListPlacement,
  type ListPlan,
} from '../facilitation/plenary-list.ts';
import type { BoardRecord } from '../forums/forum-store.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { copyBytes, landingCopies } from './board-copy-routes.ts';
import { parseBody } from './body.ts';
import { isNotStored, jsonError, storageUnavailable } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

/** The body: the heading's language (the forum page's), nothing else. */
export const PlaceListInput = z.strictObject({
  lang: z.enum(['fr-CA', 'en']).optional(),
});

/** Bytes the plan adds: its new shapes measured as a copy would be (R68), its new words. */
function planBytes(plan: ListPlan): number {
  const shapes: Record<string, unknown>[] = [];
  if (plan.area) shapes.push({ ...plan.area, type: 'carton', title: 'Les incontournables' });
  for (const add of plan.adds)
    shapes.push({ ...add, type: 'note', color: 'yellow', w: 200, h: 200 });
  // Indices are the copy's to give (insertBoardFile); these only have to be valid ones.
  const file = {
    shapes: shapes.map((shape) => ({ rotation: 0, parentId: null, ...shape, index: 'a0' })),
  } as unknown as ParsedBoardFile;
  const words = plan.updates.reduce((sum, update) => sum + update.text.length * 3 + 64, 0);
  return (shapes.length > 0 ? copyBytes(file) : 0) + words + 256;
}

type Placed =
  { ok: true; plan: ListPlan } | { ok: false; status: 409 | 503; code: string; message: string };

/**
 * One placing at a time per plenary in this process: the record is read from the forum doc
 * before the plenary's change and written after it, so a second click must wait for the first
 * one's record (as when both lived in the plenary's one change). Two processes (R63) still place
 * the same ids, which Yjs merges.
 */
const placing = new Map<string, Promise<unknown>>();
function onePlacingAt<T>(plenaryId: string, run: () => Promise<T>): Promise<T> {
  const before = placing.get(plenaryId) ?? Promise.resolve();
  const next = before.then(run, run);
  const settled = next.catch(() => undefined);
  placing.set(plenaryId, settled);
  void settled.then(() => {
    if (placing.get(plenaryId) === settled) placing.delete(plenaryId);
  });
  return next;
}

export function registerPlenaryListRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const readDoc: DocReader = (roomId, read) => deps.relay.withBoardDoc(roomId, read);
  const boardBytes = landingCopies(deps.boardBytes);

  app.post('/api/forums/:id/compilation/plenary', async (c: Context) => {
    const access = await checks.forum(c);
    if (!access.ok) return jsonError(c, access.status, access.code, access.message);
    const input = await parseBody(c, PlaceListInput);
    if (!input.ok) return input.response;
    const forumId = access.forum.id;
    const boards = await deps.forums.listBoards(forumId);
    const plenary = boards.find((board) => board.kind === 'plenary');
    if (!plenary) {
      return jsonError(c, 409, 'no_plenary', 'This forum has no plenary board to put the list on.');
    }
    return onePlacingAt(plenary.id, () => placeList(c, forumId, boards, plenary, input.data));
  });

  async function placeList(
    c: Context,
    forumId: string,
    boards: readonly BoardRecord[],
    plenary: BoardRecord,
    input: z.infer<typeof PlaceListInput>,
  ): Promise<Response> {
    const { items } = await compileForum(forumId, boards, readDoc);
    if (items.length === 0) {
      return jsonError(c, 409, 'list_empty', '« Les incontournables » hold no idea yet.');
    }
    // Dots given to a note in any vote: its words stay as they were voted on. What was placed:
    // the forum doc's record (an older forum's is its plenary's, read in the change below).
    const { votes, source } = await readForumDoc(deps.relay, forumId, (doc) => ({
      votes: readVotes(doc),
      source: readRecordSource(doc, plenary.id),
    }));
    const dottedKeys = new Set(
      votes.flatMap((vote) =>
        Object.entries(vote.counts)
          .filter(([, count]) => count > 0)
          .map(([key]) => key),
      ),
    );
    const heading = compilationHeading(input.lang ?? 'fr-CA');
    let outcome: Placed | null = null;
    let applied: boolean;
    try {
      applied = await deps.relay.changeBoard(plenary.id, (doc) => {
        const board = new Board(doc);
        try {
          const shapes = board.listShapes();
          const raw = shapesMapOf(doc);
          const dotted = new Set(
            shapes
              .filter((shape) => hasListNoteId(shape))
              .map((shape) => shape.id)
              .filter((id) => dottedKeys.has(noteKey(plenary.id, id))),
          );
          const record = resolveRecord(source, doc);
          const plan = planListPlacement({
            boardId: plenary.id,
            items,
            shapes,
            hasId: (id) => raw?.has(id) ?? false,
            record,
            // An older forum whose plenary holds no record: its list area is read as the
            // server's.
            lost: source.kept === 'plenary' && record === null,
            dotted,
            bounds: shapesBounds(shapes),
          });
          const stored = boardBytes.stored(plenary.id);
          const bytes = planBytes(plan);
          if (stored + bytes > boardBytes.max) {
            outcome = {
              ok: false,
              status: 409,
              code: 'board_full',
              message: 'The plenary board has no room left for the list (R30); nothing was added.',
            };
            return;
          }
          applyListPlan(board, plan, { heading });
          boardBytes.landed(plenary.id, stored + bytes);
          outcome = { ok: true, plan };
        } catch (error) {
          if (error instanceof ListOffPageError) {
            outcome = {
              ok: false,
              status: 409,
              code: 'board_full',
              message:
                'The plenary has no free room left on its page for the list; nothing was added.',
            };
          } else if (error instanceof TooManyShapesError) {
            outcome = {
              ok: false,
              status: 409,
              code: 'too_many_shapes',
              message: `The plenary board would hold more than ${MAX_BOARD_SHAPES} shapes (M37); nothing was added.`,
            };
          } else if (error instanceof BoardCommandError) {
            outcome = {
              ok: false,
              status: 409,
              code: 'board_read_only',
              message: 'The plenary board was written by a newer Carton and is read-only here.',
            };
          } else throw error;
        } finally {
          board.destroy();
        }
      });
    } catch (error) {
      if (!isNotStored(error)) throw error;
      return storageUnavailable(c);
    }
    const result = outcome as Placed | null;
    if (!applied || result === null) {
      return jsonError(c, 503, 'board_unavailable', 'The plenary board could not be loaded.');
    }
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    const { plan } = result;
    // When the list on the plenary last changed (a vote opened before it is not on this list):
    // a placing that changes nothing keeps the time, and writes nothing.
    const before = source.kept === 'forum' ? source.record?.placedAt : undefined;
    const changed =
      plan.area !== null ||
      plan.areaSize !== null ||
      plan.adds.length + plan.updates.length + plan.removes.length > 0;
    const placedAt = changed || before === undefined ? Date.now() : before;
    // What was placed, once the plenary holds it: where no participant can write it. Stored
    // after the plenary's change, never before: a record naming notes not placed would make a
    // note someone wrote later at such an id the server's.
    try {
      const written = await changeForumDoc(deps.relay, forumId, (doc) =>
        doc.transact(
          () => writeRecord(doc, plenary.id, { ...plan.record, placedAt }),
          SERVER_ORIGIN,
        ),
      );
      if (!written) {
        return jsonError(c, 503, 'board_unavailable', 'The forum document could not be loaded.');
      }
    } catch (error) {
      if (!isNotStored(error)) throw error;
      return storageUnavailable(c);
    }
    deps.log.info('list_placed', {
      forum: forumId,
      board: plenary.id,
      added: plan.adds.length,
      updated: plan.updates.length,
      removed: plan.removes.length,
      kept: plan.kept.length,
    });
    return c.json({
      boardId: plenary.id,
      areaId: plan.areaId,
      added: plan.adds.length,
      updated: plan.updates.length,
      removed: plan.removes.length,
      unchanged: plan.unchanged,
      kept: plan.kept.map(({ id, text, reason }) => ({ shapeId: id, text, reason })),
      // As the compilation's onPlenary says it: a placing that changed nothing keeps the time
      // of the one before, so the page still takes the vote held since for the list's.
      placedAt,
    });
  }
}

// C10: POST /api/forums/:id/compilation/plenary puts « Les incontournables » on the plenary
// board as sticky notes (facilitation/plenary-list.ts). Written like R68's copies: one
// server-origin change through the board's room (stored and broadcast, R5), R30's bytes and
// M37's shapes checked before anything is written.
import {
  Board,
  BoardCommandError,
  compilationHeading,
  MAX_BOARD_SHAPES,
  noteKey,
  readVotes,
  shapesBounds,
  shapesMapOf,
  TooManyShapesError,
  type ParsedBoardFile,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { compileForum, type DocReader } from '../facilitation/compile-forum.ts';
import { readForumDoc } from '../facilitation/forum-doc.ts';
import {
  applyListPlan,
  isPlacedListNote,
  ListOffPageError,
  planListPlacement,
  readPlacedRecord,
  recordBytes,
  type ListPlan,
  type PlacedRecord,
} from '../facilitation/plenary-list.ts';
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
function planBytes(plan: ListPlan, before: PlacedRecord | null): number {
  const shapes: Record<string, unknown>[] = [];
  if (plan.area) shapes.push({ ...plan.area, type: 'carton', title: 'Les incontournables' });
  for (const add of plan.adds)
    shapes.push({ ...add, type: 'note', color: 'yellow', w: 200, h: 200 });
  // Indices are the copy's to give (insertBoardFile); these only have to be valid ones.
  const file = {
    shapes: shapes.map((shape) => ({ rotation: 0, parentId: null, ...shape, index: 'a0' })),
  } as unknown as ParsedBoardFile;
  const words = plan.updates.reduce((sum, update) => sum + update.text.length * 3 + 64, 0);
  const record = recordBytes(plan.record, before);
  return (shapes.length > 0 ? copyBytes(file) : 0) + words + record + 256;
}

type Placed =
  { ok: true; plan: ListPlan } | { ok: false; status: 409 | 503; code: string; message: string };

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
    const { items } = await compileForum(forumId, boards, readDoc);
    if (items.length === 0) {
      return jsonError(c, 409, 'list_empty', '« Les incontournables » hold no idea yet.');
    }
    // Dots given to a note in any vote: its words stay as they were voted on.
    const votes = await readForumDoc(deps.relay, forumId, (doc) => readVotes(doc));
    const dottedKeys = new Set(
      votes.flatMap((vote) =>
        Object.entries(vote.counts)
          .filter(([, count]) => count > 0)
          .map(([key]) => key),
      ),
    );
    const heading = compilationHeading(input.data.lang ?? 'fr-CA');
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
              .filter((shape) => isPlacedListNote(shape))
              .map((shape) => shape.id)
              .filter((id) => dottedKeys.has(noteKey(plenary.id, id))),
          );
          const record = readPlacedRecord(doc);
          const plan = planListPlacement({
            boardId: plenary.id,
            items,
            shapes,
            hasId: (id) => raw?.has(id) ?? false,
            record,
            dotted,
            bounds: shapesBounds(shapes),
          });
          const stored = boardBytes.stored(plenary.id);
          const bytes = planBytes(plan, record);
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
    });
  });
}

// R68: a facilitator prepares this year's carton once (headings, a question, example notes) and
// gives it to every territory board at once, instead of exporting it and importing it board by
// board. Each target receives the source's content as ONE server-origin change through its
// room (stored and broadcast like any update, R5), to the right of what it already holds.
import type { Box, ParsedBoardFile, Shape } from '@carton/board';
import {
  Board,
  BoardCommandError,
  MAX_BOARD_SHAPES,
  TooManyShapesError,
  BoardFileError,
  definitionOf,
  exportBoard,
  initBoardDoc,
  insertBoardFile,
  isShapeType,
  parseBoardFile,
  SERVER_ORIGIN,
  shapesBounds,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import type { BoardRecord } from '../forums/forum-store.ts';
import type { Relay } from '../relay/relay.ts';
import { BOARD_ID_PATTERN } from '../relay/relay.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { parseBody } from './body.ts';
import { isNotStored, jsonError, STORAGE_UNAVAILABLE } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

/** At most this many targets per request (a forum holds at most 64 boards). */
export const MAX_COPY_TARGETS = 100;
/** Space left between a target's content and the copy placed to its right (page units). */
export const COPY_MARGIN = 160;

/** The body of POST /api/forums/:forumId/boards/:boardId/copy. */
export const CopyBoardInput = z.strictObject({
  to: z
    .array(z.string().regex(BOARD_ID_PATTERN, { error: 'must be a board id' }))
    .min(1, { error: 'must name at least one board' })
    .max(MAX_COPY_TARGETS, { error: `must name at most ${MAX_COPY_TARGETS} boards` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'names a board twice' }),
  /**
   * What becomes of the source's written notes: `keep` copies their words (the default, as
   * before), `empty` copies each note without its text. A board already holding participants'
   * notes copied with their words would pass one territory's ideas off as another's and count
   * them twice in « Les incontournables » (C1): the facilitator page asks, and sends `empty`
   * unless told otherwise.
   */
  noteText: z.enum(['keep', 'empty']).optional(),
});

/**
 * The file with every note's text removed; sizes, colours, positions, parents and bindings stay,
 * so the copy keeps the carton's layout without the source's words. Answers `file` itself when
 * no note has text.
 */
export function withoutNoteText(file: ParsedBoardFile): ParsedBoardFile {
  let changed = false;
  const shapes = file.shapes.map((record) => {
    if (record.type !== 'note' || typeof record['text'] !== 'string' || record['text'] === '') {
      return record;
    }
    changed = true;
    return { ...record, text: '' };
  });
  return changed ? { ...file, shapes } : file;
}

/** R30 as the copy sees it: the limit, and what a board's stored document takes now. */
export interface BoardBytes {
  readonly max: number;
  stored(boardId: string): number;
}

/** How long a copy's size counts for its target beyond what storage reports (ms). */
export const COPY_LANDING_MS = 30_000;

/**
 * R30 for copies that reach one board moments apart. A copy's change goes to storage with the
 * room's next batch (R51: up to 50 ms later; PostgreSQL: once committed), so a second copy
 * checked meanwhile did not see the first, and N requests at once could each fill the board
 * to the limit. Each copy leaves the size its target has once it is stored; a later copy
 * counts the larger of that and storage's answer for COPY_LANDING_MS (longer than a stalled
 * append may take, R60). Over by at most the copy's margin, until it expires.
 */
export function landingCopies(boardBytes: BoardBytes): BoardBytes & {
  landed(boardId: string, bytes: number): void;
} {
  const floors = new Map<string, { bytes: number; at: number }>();
  const expire = (now: number) => {
    for (const [boardId, floor] of floors) {
      if (now - floor.at > COPY_LANDING_MS) floors.delete(boardId);
    }
  };
  return {
    max: boardBytes.max,
    stored(boardId) {
      const stored = boardBytes.stored(boardId);
      const floor = floors.get(boardId);
      if (floor === undefined || Date.now() - floor.at > COPY_LANDING_MS) return stored;
      return Math.max(stored, floor.bytes);
    },
    landed(boardId, bytes) {
      const now = Date.now();
      expire(now);
      floors.set(boardId, { bytes, at: now });
    },
  };
}

export interface CopiedBoard {
  readonly boardId: string;
  readonly created: number;
}
export interface RefusedBoard {
  readonly boardId: string;
  readonly code:
    | 'board_full'
    | 'too_many_shapes'
    | 'board_read_only'
    | 'board_unavailable'
    | 'storage_unavailable';
  readonly message: string;
}

/**
 * Where the copy goes: its left edge COPY_MARGIN to the right of the target's content, tops
 * aligned, so nothing the group already wrote is covered. An empty target keeps the source's
 * positions (the copy lands where the facilitator laid it out).
 */
export function copyOffset(source: Box | null, target: Box | null): { x: number; y: number } {
  if (source === null || target === null) return { x: 0, y: 0 };
  return { x: target.x + target.w + COPY_MARGIN - source.x, y: target.y - source.y };
}

/** The shapes of a file this Carton can read (unknown types are carried, never measured). */
function knownShapes(file: ParsedBoardFile): Shape[] {
  return file.shapes.filter((record): record is Shape => isShapeType(record.type));
}

/**
 * Bytes the copy adds to a board's stored document, measured by inserting it into a fresh
 * board. The real change differs only by the target's ids (a few bytes per shape, counted in
 * the margin), so R30 is checked before anything is written rather than after.
 */
export function copyBytes(file: ParsedBoardFile): number {
  const doc = new Y.Doc();
  try {
    initBoardDoc(doc, { title: 'copy', kind: 'territory' });
    const before = Y.encodeStateVector(doc);
    const board = new Board(doc);
    try {
      insertBoardFile(board, file, SERVER_ORIGIN);
    } finally {
      board.destroy();
    }
    return Y.encodeStateAsUpdate(doc, before).byteLength + 32 * file.shapes.length + 256;
  } finally {
    doc.destroy();
  }
}

/** A territory's name as a whole name in a title: not inside a longer one (« Rimouski-Neigette »). */
function territoryInTitle(territory: string): RegExp {
  const name = territory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Case as sameTerritory compares names (R54): « KAMOURASKA » names Kamouraska too.
  return new RegExp(`(?<![\\p{L}\\p{N}-])${name}(?![\\p{L}\\p{N}-])`, 'giu');
}

/**
 * The copy as the target's group should see it: a carton whose title names the source's
 * territory (« Conditions de succès — Kamouraska ») names the target's instead, so a group at
 * Rivière-du-Loup does not find Kamouraska's name on its board, its PNG and its archive. Other
 * titles are kept as the facilitator wrote them; so is everything when either board has no
 * territory (a plenary, a postcard wall). Answers `file` itself when nothing changes.
 */
export function retitledForTarget(
  file: ParsedBoardFile,
  sourceTerritory: string | null,
  targetTerritory: string | null,
): ParsedBoardFile {
  if (sourceTerritory === null || targetTerritory === null) return file;
  const pattern = territoryInTitle(sourceTerritory);
  let changed = false;
  const shapes = file.shapes.map((record) => {
    if (record.type !== 'carton' || typeof record['title'] !== 'string') return record;
    const title = record['title'].replace(pattern, () => targetTerritory);
    if (title === record['title']) return record;
    const retitled = { ...record, title };
    // A title the new name would take past the carton's limit keeps its old name.
    if (!definitionOf('carton').schema.safeParse(retitled).success) return record;
    changed = true;
    return retitled;
  });
  return changed ? { ...file, shapes } : file;
}

/** Copies `file` into one target through its room: created count, or why not. */
export async function copyIntoBoard(
  relay: Relay,
  boardBytes: ReturnType<typeof landingCopies>,
  file: ParsedBoardFile,
  bytes: number,
  boardId: string,
): Promise<CopiedBoard | RefusedBoard> {
  const sourceBox = shapesBounds(knownShapes(file));
  let created = -1;
  let full = false;
  let readOnly = false;
  let tooManyShapes = false;
  let applied: boolean;
  try {
    // Settles once the copy is stored (R5), so `copied` names only boards storage holds.
    applied = await relay.changeBoard(boardId, (doc) => {
      // Measured once the room is loaded: storage that sizes boards as it loads them (R60)
      // knows this one only now.
      const stored = boardBytes.stored(boardId);
      if (stored + bytes > boardBytes.max) {
        full = true;
        return;
      }
      const board = new Board(doc);
      try {
        const offset = copyOffset(sourceBox, shapesBounds(board.listShapes()));
        created = insertBoardFile(board, file, SERVER_ORIGIN, { offset }).created;
        boardBytes.landed(boardId, stored + bytes);
      } catch (error) {
        // M37: the copy would take the board past MAX_BOARD_SHAPES; nothing was written.
        if (error instanceof TooManyShapesError) tooManyShapes = true;
        // A board of a newer schema is read-only here (M23); nothing was written.
        else if (error instanceof BoardCommandError) readOnly = true;
        else throw error;
      } finally {
        board.destroy();
      }
    });
  } catch (error) {
    if (!isNotStored(error)) throw error;
    // R6: this target's append failed; its document does not have the copy.
    return { boardId, code: STORAGE_UNAVAILABLE.code, message: STORAGE_UNAVAILABLE.message };
  }
  if (full) {
    return {
      boardId,
      code: 'board_full',
      message: 'This board has no room left for the copy (R30); nothing was added.',
    };
  }
  if (tooManyShapes) {
    return {
      boardId,
      code: 'too_many_shapes',
      message: `This board would hold more than ${MAX_BOARD_SHAPES} shapes (M37); nothing was added.`,
    };
  }
  if (readOnly) {
    return {
      boardId,
      code: 'board_read_only',
      message: 'This board was written by a newer Carton and is read-only here.',
    };
  }
  if (!applied || created < 0) {
    return { boardId, code: 'board_unavailable', message: 'The board could not be loaded.' };
  }
  return { boardId, created };
}

/** Why the `to` list is refused as a whole (400), or null when every id is a fine target. */
function badTargets(to: readonly string[], source: BoardRecord, own: readonly BoardRecord[]) {
  const ids = new Set(own.map((board) => board.id));
  const problems: string[] = [];
  if (to.includes(source.id)) problems.push('to: must not name the board being copied');
  const unknown = to.filter((id) => id !== source.id && !ids.has(id));
  // Another forum's board, a removed one (R56) or none at all: the same answer, so the route
  // says nothing about boards outside this forum.
  if (unknown.length > 0) problems.push(`to: not boards of this forum: ${unknown.join(', ')}`);
  return problems.length === 0 ? null : problems.join('; ');
}

export function registerBoardCopyRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const boardBytes = landingCopies(deps.boardBytes);
  app.post('/api/forums/:id/boards/:boardId/copy', async (c: Context) => {
    const access = await checks.forum(c);
    if (!access.ok) return jsonError(c, access.status, access.code, access.message);
    const forumId = access.forum.id;
    const boards = await deps.forums.listBoards(forumId);
    const source = boards.find((board) => board.id === c.req.param('boardId'));
    if (!source) return jsonError(c, 404, 'board_not_found', 'No such board in this forum.');
    const body = await parseBody(c, CopyBoardInput);
    if (!body.ok) return body.response;
    const problem = badTargets(body.data.to, source, boards);
    if (problem !== null) return jsonError(c, 400, 'invalid_request', problem);

    let file: ParsedBoardFile;
    try {
      file = parseBoardFile(await deps.relay.withBoardDoc(source.id, (doc) => exportBoard(doc)));
    } catch (error) {
      if (!(error instanceof BoardFileError)) throw error;
      return jsonError(c, 409, 'source_unreadable', 'This board cannot be read to be copied.');
    }
    if (file.shapes.length === 0) {
      return jsonError(c, 409, 'source_empty', 'This board has nothing to copy.');
    }
    if (body.data.noteText === 'empty') file = withoutNoteText(file);
    // Images stay where they are: a board shows any image of its forum (R36), and the copy
    // names the same blobs, so nothing is stored again and the forum's quota is unchanged.
    const bytes = copyBytes(file);
    const copied: CopiedBoard[] = [];
    const refused: RefusedBoard[] = [];
    for (const boardId of body.data.to) {
      const target = await deps.forums.getBoard(boardId);
      // R56: a target taken out since the list was read keeps its document as it was.
      if (target?.forumId !== forumId) {
        refused.push({
          boardId,
          code: 'board_unavailable',
          message: 'This board was taken out of the forum meanwhile.',
        });
        continue;
      }
      // Read at copy time, so a territory renamed meanwhile (R55) is the one named.
      const own = retitledForTarget(file, source.territory, target.territory);
      const ownBytes = own === file ? bytes : copyBytes(own);
      const result = await copyIntoBoard(deps.relay, boardBytes, own, ownBytes, boardId);
      if ('code' in result) refused.push(result);
      else copied.push(result);
      // Each insert is CPU work on a loaded room (no I/O to wait for): other requests and
      // sockets get their turn between targets, and each target's batch reaches storage.
      await new Promise((resolve) => setImmediate(resolve));
    }
    deps.log.info('board_copied', {
      forum: forumId,
      board: source.id,
      copied: copied.length,
      refused: refused.length,
    });
    return c.json({ copied, refused });
  });
}

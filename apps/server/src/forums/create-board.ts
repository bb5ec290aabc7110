import {
  applyBoardTemplate,
  Board,
  initBoardDoc,
  SERVER_ORIGIN,
  territoryOfBoardMeta,
} from '@carton/board';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  fitsImageQuota,
  IMAGE_QUOTA_REFUSAL,
  type BoardFileRefusal,
} from '../archive/check-board-file.ts';
import { prepareBoardImportOffThread } from '../archive/off-thread.ts';
import { ARCHIVE_LIMITS } from '../archive/limits.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { boardLink, TerritoryInput, TitleInput, type Link } from './create-forum.ts';
import type {
  BoardPlacementRefusal,
  ForumRecord,
  ForumStore,
  NewTokenGrant,
} from './forum-store.ts';
import { sameTerritory } from './forum-store.ts';
import { linksKey, sealToken } from './links.ts';
import { discardRefusedBoard, type BoardDocReader } from './refused-board.ts';
import { generateId, generateToken, hashToken } from './tokens.ts';

/**
 * R54: boards in one forum. The archive's limit, so a forum stays exportable and importable
 * again (POST /api/forums/import refuses more).
 */
export const MAX_BOARDS_PER_FORUM = ARCHIVE_LIMITS.maxBoards;

/** R54: the request body of POST /api/forums/:id/boards. The file is checked by the codec. */
export const CreateBoardInput = z.strictObject({
  title: TitleInput,
  kind: z.enum(['territory', 'postcards'], { error: 'must be territory or postcards' }).optional(),
  /**
   * Absent with a file: the territory the file's meta names (its `territory`, or a title
   * « Conditions de succès — <territoire> » in files that lack it), so a board brought back
   * from its export is its territory's again, never a « territory » named by its whole title.
   * `null`: no territory.
   */
  territory: TerritoryInput.nullable().optional(),
  /** A board file (`carton-board`), validated in full by the model's codec (M30). */
  file: z.unknown().optional(),
  /**
   * R54: without a file, start from the seed's template like the forum's own boards (R23) —
   * a territory forgotten at creation gets its carton and headings too. Default false (blank).
   */
  template: z.boolean({ error: 'must be true or false' }).optional(),
});
export type CreateBoardInput = z.infer<typeof CreateBoardInput>;

export interface CreatedBoard {
  id: string;
  kind: 'territory' | 'postcards';
  title: string;
  territory: string | null;
  edit: Link;
  view: Link;
}

export type CreateBoardResult =
  | { ok: true; board: CreatedBoard; shapes: number }
  // A refusal like a board file's, plus 409 (the forum has all the boards it may hold).
  | (Omit<BoardFileRefusal, 'status'> & { status: 400 | 409 | 507 });

export interface CreateBoardDeps {
  forums: ForumStore;
  boards: BoardStorage;
  blobs: BlobStore;
  maxForumImageBytes: number;
  /** Base of page links, without trailing slash. */
  baseUrl: string;
  /**
   * Reads a board's current document: the live room's when the relay has it loaded (changes
   * not yet appended included: R54's cleanup must see them), else the stored one
   * (`Relay.withBoardDoc`).
   */
  readBoardDoc: BoardDocReader;
}

/**
 * R54, R6: storage refused one of the new board's reads or writes (SQLite busy or full,
 * PostgreSQL unavailable). Nothing of the board is left (its document emptied, its new images
 * removed); the route answers 503 `storage_unavailable`, the client may try again.
 */
export class BoardNotCreatedError extends Error {
  override readonly name = 'BoardNotCreatedError';
}

/** A store call whose failure is storage's, not the request's. */
async function stored<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new BoardNotCreatedError('storage refused the new board', { cause: error });
  }
}

/**
 * The store with each method's failure made storage's: the file's check reads the image store
 * (a photo already there, the forum's bytes), and only those reads, not the codec, mean 503.
 */
function storedCalls<S extends object>(store: S): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => stored(() => value.apply(target, args) as unknown);
    },
  });
}

/** R54: the answer when the forum has no place for the board. */
function placementRefusal(reason: BoardPlacementRefusal): CreateBoardResult & { ok: false } {
  return reason === 'too_many_boards'
    ? {
        ok: false,
        status: 409,
        code: 'too_many_boards',
        message: `A forum holds at most ${MAX_BOARDS_PER_FORUM} boards.`,
        path: '(root)',
      }
    : {
        ok: false,
        status: 409,
        code: 'territory_taken',
        message: 'Another board of the forum has this territory.',
        path: 'territory',
      };
}

/**
 * R54: the forum's board limit and its territories, checked first to refuse early (before the
 * file is checked and the doc written). Only early: ForumStore.addBoard checks again in its
 * own transaction, which is what counts.
 */
async function forumRefusal(
  forumId: string,
  territory: string | null | undefined,
  deps: Pick<CreateBoardDeps, 'forums'>,
): Promise<(CreateBoardResult & { ok: false }) | null> {
  const boards = await stored(() => deps.forums.listBoards(forumId));
  if (boards.length >= MAX_BOARDS_PER_FORUM) return placementRefusal('too_many_boards');
  // Two boards for one territory would split its group's notes, votes and incontournables.
  if (boards.some((board) => sameTerritory(board.territory, territory ?? null))) {
    return placementRefusal('territory_taken');
  }
  return null;
}

/** R54: the new board's territory: the one asked for, else the one its file names, else none. */
function territoryOf(input: CreateBoardInput): string | null {
  if (input.territory !== undefined) return input.territory;
  if (input.file === undefined || (input.kind ?? 'territory') !== 'territory') return null;
  const meta: unknown =
    typeof input.file === 'object' && input.file !== null
      ? (input.file as { meta?: unknown }).meta
      : undefined;
  if (typeof meta !== 'object' || meta === null) return null;
  const { kind, title, territory } = meta as {
    kind?: unknown;
    title?: unknown;
    territory?: unknown;
  };
  if (typeof kind !== 'string' || typeof title !== 'string') return null;
  const named = territoryOfBoardMeta({ kind, title, territory });
  // A name as R24 takes them (visible text only); a file's that is not stays off the row.
  return named !== null && TerritoryInput.safeParse(named).success ? named : null;
}

/**
 * R54: one new board in an existing forum, with fresh edit and view tokens stored hashed (R21)
 * and sealed under the facilitator's links key (L1), like the boards made with the forum — so
 * the forum page lists it and its links can be replaced (L2). A file is checked in full before
 * anything is written; its shapes get new ids (M31). Order: images, doc, then the board row and
 * tokens in one transaction — a crash in between leaves an unreachable doc, never a board
 * without one.
 */
export async function createBoard(
  forum: ForumRecord,
  facilitatorToken: string,
  input: CreateBoardInput,
  deps: CreateBoardDeps,
): Promise<CreateBoardResult> {
  // The file first: a broken file is said to be broken (400), whatever the territory it names.
  const kind = input.kind ?? 'territory';
  const doc = new Y.Doc();
  let shapes = 0;
  let snapshot: Uint8Array;
  try {
    initBoardDoc(doc, { title: input.title, kind }, SERVER_ORIGIN);
    snapshot = Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
  // The file's checks and its shapes' insertion run in a worker thread (off-thread.ts): they
  // grow with the file, and every other board's sync would wait on them.
  const checked =
    input.file === undefined
      ? null
      : await prepareBoardImportOffThread({ file: input.file, base: snapshot, whole: true });
  // (413 is for a body read as text, which a new board's file is not.)
  if (checked !== null && !checked.ok) {
    return { ...checked, status: checked.status === 413 ? 400 : checked.status };
  }
  if (
    checked !== null &&
    !(await fitsImageQuota(checked.images, forum.id, {
      blobs: storedCalls(deps.blobs),
      maxForumImageBytes: deps.maxForumImageBytes,
    }))
  ) {
    return IMAGE_QUOTA_REFUSAL;
  }
  const territory = territoryOf(input);
  const refused = await forumRefusal(forum.id, territory, deps);
  if (refused) return refused;

  const boardId = generateId();
  if (checked !== null) {
    snapshot = checked.update;
    shapes = checked.created;
  } else if (input.template === true) {
    const templated = new Y.Doc();
    try {
      Y.applyUpdate(templated, snapshot);
      const board = new Board(templated);
      try {
        applyBoardTemplate(board, kind, { territory }, SERVER_ORIGIN);
        shapes = board.listShapes().length;
      } finally {
        board.destroy();
      }
      snapshot = Y.encodeStateAsUpdate(templated);
    } finally {
      templated.destroy();
    }
  }
  const key = linksKey(facilitatorToken, forum.id);
  const tokens = { edit: generateToken(), view: generateToken() };
  const grants: NewTokenGrant[] = (['edit', 'view'] as const).map((role) => ({
    hash: hashToken(tokens[role]),
    role,
    forumId: forum.id,
    boardId,
    sealed: sealToken(key, boardId, role, tokens[role]),
  }));
  // The images this request puts are marked with the new board's id: if the board is refused,
  // only those it inserted and no other request named since are removed (R54).
  const imageIds = checked === null ? [] : checked.images.map((image) => image.info.blobId);
  // Another request may have added a board or taken the territory since the first check: the
  // store checks again in the transaction that adds the row. A refused board's document and
  // new images are cleaned, so they do not count in the forum's image quota.
  let added: Awaited<ReturnType<ForumStore['addBoard']>> | null;
  try {
    added = await stored(async () => {
      if (checked !== null && checked.images.length > 0) {
        // Checked again in the store's transaction: another upload may have used the room.
        const put = await deps.blobs.put(
          forum.id,
          checked.images,
          deps.maxForumImageBytes,
          boardId,
        );
        if (put === null) return null;
      }
      await deps.boards.compact(boardId, snapshot, 0);
      return deps.forums.addBoard(
        { id: boardId, forumId: forum.id, kind, title: input.title, territory },
        grants,
        MAX_BOARDS_PER_FORUM,
      );
    });
  } catch (error) {
    // Storage refused the images, the document or the row (R6): the images this request
    // inserted would count in the quota for good, shown by nothing. The route answers 503.
    await discardRefusedBoard(forum.id, boardId, imageIds, deps);
    throw error;
  }
  if (added === null) return IMAGE_QUOTA_REFUSAL;
  if (!added.ok) {
    await discardRefusedBoard(forum.id, boardId, imageIds, deps);
    return placementRefusal(added.reason);
  }
  return {
    ok: true,
    shapes,
    board: {
      id: boardId,
      kind,
      title: input.title,
      territory,
      edit: boardLink(deps.baseUrl, boardId, tokens.edit),
      view: boardLink(deps.baseUrl, boardId, tokens.view),
    },
  };
}

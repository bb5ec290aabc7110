import {
  applyBoardTemplate,
  Board,
  BSL_TERRITORIES,
  forumRoomName,
  initBoardDoc,
  initForumDoc,
  SERVER_ORIGIN,
  territoryCartonTitle,
  type BoardKind,
} from '@carton/board';
import * as Y from 'yjs';
import { z } from 'zod';
import { markRecordKept } from '../facilitation/placed-record.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import type { BoardRecord, ForumStore, NewTokenGrant } from './forum-store.ts';
import { linksKey, sealToken } from './links.ts';
import { generateId, generateToken, hashToken } from './tokens.ts';

/** R23: a forum created without territories gets the eight MRCs of Bas-Saint-Laurent. */
export const DEFAULT_TERRITORIES: readonly string[] = BSL_TERRITORIES;

export const PLENARY_TITLE = 'Plénière — Vision commune des conditions de succès';
export const POSTCARDS_TITLE = 'Cartes postales';

// Names are shown on the facilitator page, QR handouts, exports and archives: control
// characters (NUL, line breaks), bidi overrides and isolates (which reorder what is shown
// around them, e.g. « Kamouraska \u202Etxt.exe »), lone surrogates (stored as U+FFFD in one
// place and kept in another) and names with nothing visible are refused (R24).
const CONTROL_OR_BIDI = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/** A name in a request body: trimmed, 1 to `max` characters of plain, visible text (R24). */
export const nameInput = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((name) => !CONTROL_OR_BIDI.test(name), 'must not contain control characters')
    .refine((name) => !LONE_SURROGATE.test(name), 'must be valid Unicode text')
    .refine((name) => name.replace(INVISIBLE, '').length > 0, 'must not be empty');

/**
 * `text` made a name R24 takes: control characters become spaces, bidi controls and lone
 * surrogates are dropped, spacing is collapsed; `fallback` if nothing visible is left. For a
 * name Carton itself once stored unchecked (a vote's title before R24 covered it), which an
 * archive of that time still carries: refusing it would refuse the whole forum.
 */
export function plainName(text: string, fallback: string): string {
  const clean = text
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.replace(INVISIBLE, '').length > 0 ? clean : fallback;
}

/**
 * Text a facilitator sends that is not a name but is shown or written out as one (a compilation
 * item's key, C3/C7): at most `max` characters, no control character, bidi control or lone
 * surrogate (R24), not trimmed (a key is compared as it is).
 */
export const plainTextInput = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !CONTROL_OR_BIDI.test(text), 'must not contain control characters')
    .refine((text) => !LONE_SURROGATE.test(text), 'must be valid Unicode text');

/** A forum's or a board's title in a request body (R24, R54): trimmed, 1 to 200 characters. */
export const TitleInput = nameInput(200);
/** A territory's name (R24, R54, R55): trimmed, 1 to 80 characters. */
export const TerritoryInput = nameInput(80);

/** R24: the request body of POST /api/forums. */
export const CreateForumInput = z.strictObject({
  title: TitleInput,
  territories: z
    .array(TerritoryInput, { error: 'must be a list of territory names' })
    .min(1, 'must list at least one territory')
    .max(30, 'must list at most 30 territories')
    .refine(
      (names) =>
        new Set(names.map((name) => name.toLocaleLowerCase('fr-CA'))).size === names.length,
      'must not repeat a territory',
    )
    .optional(),
  /** The forum's day (ISO date), shown on the facilitator page and in archives. */
  date: z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' }).optional(),
  /** R23: boards start from the seed's templates unless false (blank boards). */
  templates: z.boolean({ error: 'must be true or false' }).optional(),
});
export type CreateForumInput = z.infer<typeof CreateForumInput>;

export interface Link {
  token: string;
  url: string;
}

export interface CreatedForum {
  forum: { id: string; title: string; date?: string | null };
  facilitator: Link;
  boards: Array<{
    id: string;
    kind: BoardKind;
    title: string;
    territory: string | null;
    edit: Link;
    view: Link;
  }>;
}

/** A board page's link: the token rides in the fragment, so it never reaches a server log. */
export function boardLink(baseUrl: string, boardId: string, token: string): Link {
  return { token, url: `${baseUrl}/b/${boardId}#token=${token}` };
}

/** One board with the two tokens issued for it (edit, view), before they become links. */
export interface IssuedBoardTokens {
  board: BoardRecord;
  edit: string;
  view: string;
}

/**
 * The links of R23's answer, from the fresh tokens: the facilitator page and each board's edit
 * and view pages. Forum creation and archive restore answer alike, so they share this.
 */
export function forumLinks(
  baseUrl: string,
  forumId: string,
  facilitatorToken: string,
  issued: readonly IssuedBoardTokens[],
): Pick<CreatedForum, 'facilitator' | 'boards'> {
  return {
    facilitator: {
      token: facilitatorToken,
      url: `${baseUrl}/f/${forumId}#token=${facilitatorToken}`,
    },
    boards: issued.map(({ board, edit, view }) => ({
      id: board.id,
      kind: board.kind,
      title: board.title,
      territory: board.territory,
      edit: boardLink(baseUrl, board.id, edit),
      view: boardLink(baseUrl, board.id, view),
    })),
  };
}

/**
 * A new forum's grants (L1, R21): a facilitator token, and for each board an edit and a view
 * token, stored as hashes and sealed under the facilitator's key so the facilitator page can
 * list them again. Forum creation and archive restore issue alike, so they share this.
 */
export function issueForumTokens(
  forumId: string,
  boards: readonly BoardRecord[],
): { grants: NewTokenGrant[]; facilitatorToken: string; issued: IssuedBoardTokens[] } {
  const facilitatorToken = generateToken();
  const grants: NewTokenGrant[] = [
    { hash: hashToken(facilitatorToken), role: 'facilitator', forumId, boardId: null },
  ];
  const key = linksKey(facilitatorToken, forumId);
  const issue = (role: 'edit' | 'view', boardId: string): string => {
    const token = generateToken();
    grants.push({
      hash: hashToken(token),
      role,
      forumId,
      boardId,
      sealed: sealToken(key, boardId, role, token),
    });
    return token;
  };
  const issued = boards.map((board) => ({
    board,
    edit: issue('edit', board.id),
    view: issue('view', board.id),
  }));
  return { grants, facilitatorToken, issued };
}

export interface CreateForumDeps {
  forums: ForumStore;
  boards: BoardStorage;
  /** Base of page links, without trailing slash, e.g. `http://192.168.1.10:8787`. */
  baseUrl: string;
}

/**
 * Creates a forum: plenary, one board per territory, postcard wall, each with its initial doc
 * written through the model (R23), and fresh tokens stored only as hashes (R21). Board docs are
 * written first: a crash in between leaves an unreachable doc, never a board without a doc.
 */
export async function createForum(
  input: CreateForumInput,
  deps: CreateForumDeps,
): Promise<CreatedForum> {
  const forumId = generateId();
  const territories = input.territories ?? DEFAULT_TERRITORIES;
  const plan: Array<{ kind: BoardKind; title: string; territory: string | null }> = [
    { kind: 'plenary', title: PLENARY_TITLE, territory: null },
    ...territories.map((territory) => ({
      kind: 'territory' as const,
      title: territoryCartonTitle(territory),
      territory,
    })),
    { kind: 'postcards', title: POSTCARDS_TITLE, territory: null },
  ];
  const boards: BoardRecord[] = plan.map((board, position) => ({
    id: generateId(),
    forumId,
    position,
    ...board,
  }));

  for (const board of boards) {
    const doc = new Y.Doc();
    try {
      initBoardDoc(doc, { title: board.title, kind: board.kind }, SERVER_ORIGIN);
      if (input.templates !== false) {
        applyBoardTemplate(new Board(doc), board.kind, board, SERVER_ORIGIN);
      }
      await deps.boards.compact(board.id, Y.encodeStateAsUpdate(doc), 0);
    } finally {
      doc.destroy();
    }
  }
  // F1: the forum document (facilitation state), created by the server only.
  const forumDoc = new Y.Doc();
  try {
    initForumDoc(forumDoc, SERVER_ORIGIN);
    // C10: what the server places on the plenary is remembered here, never on the plenary.
    forumDoc.transact(() => markRecordKept(forumDoc), SERVER_ORIGIN);
    await deps.boards.compact(forumRoomName(forumId), Y.encodeStateAsUpdate(forumDoc), 0);
  } finally {
    forumDoc.destroy();
  }

  const { grants, facilitatorToken, issued } = issueForumTokens(forumId, boards);

  await deps.forums.createForum(
    { id: forumId, title: input.title, createdAt: Date.now(), date: input.date ?? null },
    boards,
    grants,
  );

  return {
    forum: { id: forumId, title: input.title, date: input.date ?? null },
    ...forumLinks(deps.baseUrl, forumId, facilitatorToken, issued),
  };
}

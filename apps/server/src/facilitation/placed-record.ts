// C10: what the server placed on the plenary (the area, its grid, and which note ids it placed
// with which words) is kept in the FORUM's document, which only the server and the forum's
// facilitators write (F2), never in the plenary's: any participant with the plenary's edit link
// writes any root map of that board, and a record there let them make a note of theirs the
// placed note of an idea (taking its dots) or hide an idea from the compilation.
//
// forum doc root map `plenary-list`: { v: 1, boardId, areaId, columns, nextSlot, placedAt }
// forum doc root map `plenary-list-notes`: note id → a digest of the words placed on it.
// Root maps (never replaced): two processes placing at once (R63) merge per note. Words are kept
// as a digest: every participant syncs the forum doc, and a note may hold 10,000 characters.
//
// `v` says the forum keeps its record here. New forums (and imports) get it at once; a forum
// from before it (its list placed when the record lived in the plenary's root maps
// `incontournables` and `incontournables-notes`) has its plenary's record read instead, until
// the next placing writes the forum's own.
import { createHash } from 'node:crypto';
import { MAX_BOARD_SHAPES } from '@carton/board';
import * as Y from 'yjs';

export const AREA_ID_PREFIX = 'shape:incontournables-';
export const LIST_NOTE_ID_PREFIX = 'shape:incontournable-';
/** The forum doc's root map of the record (C10). */
export const RECORD_KEY = 'plenary-list';
/** The forum doc's root map of note id → digest of the words placed. */
export const RECORD_NOTES_KEY = 'plenary-list-notes';
/** Before the record moved to the forum doc: the plenary doc's root maps. */
export const LEGACY_RECORD_KEY = 'incontournables';
export const LEGACY_NOTES_KEY = 'incontournables-notes';
export const MAX_COLUMNS = 10;
/** The longest area or note id a record keeps. */
export const MAX_ID = 100;

/** What the server remembers of its last placing on the plenary. */
export interface PlacedRecord {
  readonly areaId: string;
  readonly columns: number;
  /** Grid slots taken so far: the next idea goes there. */
  readonly nextSlot: number;
  /** Note id → digest of the words placed on it (wordsDigest); '' for words not known. */
  readonly placed: Readonly<Record<string, string>>;
  /**
   * When a placing last changed the list on the plenary (server time, ms): a vote opened
   * before it is not the vote on this list (the forum page, after a reload). Absent when not
   * known: an older forum's record, an older archive's.
   */
  readonly placedAt?: number;
}

/** The words placed on a note, as the record keeps them. */
export function wordsDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** Where a forum's record is read from: its own document, or (older forums) the plenary's. */
export type RecordSource =
  { readonly kept: 'forum'; readonly record: PlacedRecord | null } | { readonly kept: 'plenary' };

/** The record's area, grid and next slot are ones the server writes. */
export const validScalars = (areaId: unknown, columns: unknown, nextSlot: unknown): boolean =>
  typeof areaId === 'string' &&
  areaId.startsWith(AREA_ID_PREFIX) &&
  areaId.length <= MAX_ID &&
  Number.isInteger(columns) &&
  (columns as number) >= 1 &&
  (columns as number) <= MAX_COLUMNS &&
  Number.isInteger(nextSlot) &&
  (nextSlot as number) >= 0 &&
  (nextSlot as number) <= MAX_BOARD_SHAPES;

const validTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Note ids of the list and their words (as given by `words`), at most one board's shapes. */
function readNotes(maps: readonly unknown[], words: (text: string) => string) {
  const placed: Record<string, string> = {};
  let count = 0;
  for (const map of maps) {
    if (!(map instanceof Y.Map)) continue;
    for (const [id, text] of map.entries()) {
      if (count >= MAX_BOARD_SHAPES) break;
      if (typeof text !== 'string' || !id.startsWith(LIST_NOTE_ID_PREFIX) || id.length > MAX_ID)
        continue;
      if (!Object.hasOwn(placed, id)) count++;
      placed[id] = words(text);
    }
  }
  return placed;
}

/**
 * The forum doc's record for `plenaryId`. A record for another board (a plenary replaced) is
 * none. A forum without `v` (before the record moved here) reads its plenary's.
 */
export function readRecordSource(forumDoc: Y.Doc, plenaryId: string): RecordSource {
  const root = forumDoc.getMap<unknown>(RECORD_KEY);
  if (root.get('v') === undefined && root.get('boardId') === undefined) return { kept: 'plenary' };
  const areaId = root.get('areaId');
  const columns = root.get('columns');
  const nextSlot = root.get('nextSlot');
  if (root.get('boardId') !== plenaryId || !validScalars(areaId, columns, nextSlot)) {
    return { kept: 'forum', record: null };
  }
  const placed = readNotes([forumDoc.getMap<unknown>(RECORD_NOTES_KEY)], (digest) =>
    digest.length <= 64 ? digest : '',
  );
  const placedAt = root.get('placedAt');
  return {
    kept: 'forum',
    record: {
      areaId: areaId as string,
      columns: columns as number,
      nextSlot: nextSlot as number,
      placed,
      ...(validTime(placedAt) ? { placedAt } : {}),
    },
  };
}

/**
 * An older forum's record, read from its plenary's root maps (what the server wrote there
 * before the record moved to the forum doc), or null when there is none or it cannot be the
 * server's (a `nextSlot` of 1e12 or `columns` of NaN: read as lost). Its words are digested.
 */
export function readLegacyRecord(plenaryDoc: Y.Doc): PlacedRecord | null {
  const root = plenaryDoc.getMap<unknown>(LEGACY_RECORD_KEY);
  const areaId = root.get('areaId');
  const columns = root.get('columns');
  const nextSlot = root.get('nextSlot');
  if (!validScalars(areaId, columns, nextSlot)) return null;
  // The oldest placings kept the words in a nested map `placed`; then a root map of their own.
  const placed = readNotes(
    [root.get('placed'), plenaryDoc.getMap<unknown>(LEGACY_NOTES_KEY)],
    wordsDigest,
  );
  return {
    areaId: areaId as string,
    columns: columns as number,
    nextSlot: nextSlot as number,
    placed,
  };
}

/** The record the server trusts, given where it is kept (the plenary's doc for older forums). */
export function resolveRecord(source: RecordSource, plenaryDoc: Y.Doc): PlacedRecord | null {
  return source.kept === 'forum' ? source.record : readLegacyRecord(plenaryDoc);
}

/** A new forum (created or imported) keeps its record in its own doc from the start. */
export function markRecordKept(forumDoc: Y.Doc): void {
  const root = forumDoc.getMap<unknown>(RECORD_KEY);
  if (root.get('v') !== 1) root.set('v', 1);
}

/**
 * Writes the record for `plenaryId` in the forum doc (the caller's transaction), changing only
 * what differs: a placing that changes nothing writes nothing (rewritten whole, 5,000 ideas
 * appended the whole map at each click).
 */
export function writeRecord(forumDoc: Y.Doc, plenaryId: string, record: PlacedRecord): void {
  const root = forumDoc.getMap<unknown>(RECORD_KEY);
  const set = (key: string, value: string | number) => {
    if (root.get(key) !== value) root.set(key, value);
  };
  set('v', 1);
  set('boardId', plenaryId);
  set('areaId', record.areaId);
  set('columns', record.columns);
  set('nextSlot', record.nextSlot);
  if (record.placedAt !== undefined) set('placedAt', record.placedAt);
  const notes = forumDoc.getMap<unknown>(RECORD_NOTES_KEY);
  for (const id of [...notes.keys()]) if (!Object.hasOwn(record.placed, id)) notes.delete(id);
  for (const [id, digest] of Object.entries(record.placed)) {
    if (notes.get(id) !== digest) notes.set(id, digest);
  }
}

/** Is `shapeId` on `boardId` a note the server placed (per the trusted record)? */
export function isRecordedNote(
  placed: { readonly plenaryId: string; readonly record: PlacedRecord | null } | null,
  boardId: string,
  shapeId: string,
): boolean {
  return (
    placed !== null &&
    placed.record !== null &&
    boardId === placed.plenaryId &&
    Object.hasOwn(placed.record.placed, shapeId)
  );
}

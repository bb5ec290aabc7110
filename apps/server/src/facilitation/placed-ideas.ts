// C6 with C10: the room's vote on « Les incontournables » placed on the plenary comes back into
// the list. The notes the server placed there are the list's copies of its ideas: the dots
// given to them count for the idea each was placed for, which the server knows from what it
// placed (its record, kept in the forum's doc: placed-record.ts; each note's id, a digest of the
// area and the idea's key), never from the note's words — a participant rewriting a placed note
// does not move the room's dots to another idea, nor drop them — and never from a note's id
// alone: any plenary writer can compute one, and a note the record does not hold is theirs.
import {
  Board,
  forumRoomName,
  ideaKey,
  noteKey,
  shapesMapOf,
  type CompilationBoard,
  type Shape,
  type VoteState,
} from '@carton/board';
import type * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';
import {
  readLegacyRecord,
  readRecordSource,
  type PlacedRecord,
  type RecordSource,
} from './placed-record.ts';
import { listNoteId } from './plenary-list.ts';

type DocReader = <T>(roomId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/** The forum's plenary and what the server placed on it (null: nothing it can trust). */
export interface PlacedList {
  readonly plenaryId: string;
  readonly record: PlacedRecord | null;
}

/**
 * The record of the forum's plenary (null without a plenary): the forum doc's, or for a forum
 * from before it kept one, the plenary's own (`source`: the forum doc already read).
 */
export async function placedListOf(
  forumId: string,
  boards: readonly BoardRecord[],
  readDoc: DocReader,
  source?: RecordSource,
): Promise<PlacedList | null> {
  const plenary = boards.find((board) => board.kind === 'plenary');
  if (!plenary) return null;
  const kept =
    source ?? (await readDoc(forumRoomName(forumId), (doc) => readRecordSource(doc, plenary.id)));
  const record =
    kept.kept === 'forum' ? kept.record : await readDoc(plenary.id, (doc) => readLegacyRecord(doc));
  return { plenaryId: plenary.id, record };
}

/** Is `shapeId` on `boardId` a note the server placed (and still remembers)? */
export function isPlacedNote(placed: PlacedList | null, boardId: string, shapeId: string): boolean {
  return (
    !!placed?.record && boardId === placed.plenaryId && Object.hasOwn(placed.record.placed, shapeId)
  );
}

/**
 * noteKey of each list note placed on the plenary (C10) that has dots in `vote` → the key of
 * the idea it was placed for, among the C1 keys of `sources`' notes (an idea whose notes are
 * all gone is in no list and takes nothing). Only notes the record holds, in its area: a note
 * someone wrote first at an id computed from an idea's key (C10 placed the idea under the next
 * id), or in a list area of their own, takes none of the idea's dots.
 */
export async function placedIdeas(
  placed: PlacedList | null,
  readDoc: DocReader,
  vote: VoteState | null,
  sources: readonly CompilationBoard[],
): Promise<Record<string, string>> {
  const record = placed?.record;
  if (!vote || !placed || !record) return {};
  const dotted = new Set(
    Object.entries(vote.counts)
      .filter(([key, dots]) => dots > 0 && key.startsWith(`${placed.plenaryId}/`))
      .map(([key]) => key)
      .filter((key) => Object.hasOwn(record.placed, key.slice(placed.plenaryId.length + 1))),
  );
  if (dotted.size === 0) return {};
  // The ids C10 tried for an idea: the next one only while the plenary holds the one before.
  const ids = await readDoc(placed.plenaryId, (doc) => new Set(shapesMapOf(doc)?.keys() ?? []));
  const keys = new Set<string>();
  for (const source of sources) {
    for (const shape of source.shapes) {
      if (shape.type !== 'note') continue;
      const key = ideaKey(shape.text);
      if (key !== '') keys.add(key);
    }
  }
  const found: Record<string, string> = {};
  for (const key of keys) {
    for (let attempt = 0; ; attempt++) {
      const id = listNoteId(record.areaId, key, attempt);
      if (attempt > 0 && !ids.has(id)) break;
      const note = noteKey(placed.plenaryId, id);
      if (dotted.has(note)) found[note] = key;
    }
  }
  return found;
}

/** C10: where « Les incontournables » are on the plenary, as the plenary holds them. */
export interface ListOnPlenaryState {
  readonly boardId: string;
  readonly areaId: string;
  /** The notes the record says were placed that the plenary still holds. */
  readonly ideas: number;
  /** When a placing last changed it (server time, ms), or null if not known (PlacedRecord). */
  readonly placedAt: number | null;
}

/**
 * C10: the list placed on the plenary, from the server's record and the plenary as it is, never
 * from a flag the facilitator's page kept: the record's area, if the plenary still holds it,
 * and the placed notes still there. Null when there is no plenary, no record, no area, or none
 * of the list's notes left.
 */
export async function listOnPlenary(
  placed: PlacedList | null,
  readDoc: DocReader,
): Promise<ListOnPlenaryState | null> {
  const record = placed?.record;
  if (!placed || !record) return null;
  return readDoc(placed.plenaryId, (doc) => {
    const shapes = plenaryShapes(doc);
    const area = shapes.find((shape) => shape.id === record.areaId && shape.type === 'carton');
    if (!area) return null;
    const ideas = shapes.filter(
      (shape) => shape.type === 'note' && Object.hasOwn(record.placed, shape.id),
    ).length;
    return ideas > 0
      ? {
          boardId: placed.plenaryId,
          areaId: record.areaId,
          ideas,
          placedAt: record.placedAt ?? null,
        }
      : null;
  });
}

/** The plenary's readable shapes (a Board on a live doc listens to it: read, then let go). */
function plenaryShapes(doc: Y.Doc): Shape[] {
  const board = new Board(doc);
  try {
    return board.listShapes();
  } finally {
    board.destroy();
  }
}

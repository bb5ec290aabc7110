// C6 with C10: the room's vote on « Les incontournables » placed on the plenary comes back into
// the list. The notes the server placed there are the list's copies of its ideas: the dots
// given to them count for the idea each was placed for, which the server knows from what it
// placed (the area in its record, and each note's id, a digest of the area and the idea's key),
// never from the note's words — a participant rewriting a placed note does not move the room's
// dots to another idea, nor drop them.
import {
  Board,
  ideaKey,
  noteKey,
  type CompilationBoard,
  type Shape,
  type VoteState,
} from '@carton/board';
import type * as Y from 'yjs';
import type { BoardRecord } from '../forums/forum-store.ts';
import {
  AREA_ID_PREFIX,
  areaIdFor,
  isPlacedListNote,
  LIST_NOTE_ID_PREFIX,
  listNoteId,
  readPlacedRecord,
} from './plenary-list.ts';

type DocReader = <T>(roomId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/**
 * noteKey of each list note placed on the plenary (C10) that has dots in `vote` → the key of
 * the idea it was placed for, among the C1 keys of `sources`' notes (an idea whose notes are
 * all gone is in no list and takes nothing). Areas tried: the one the plenary's record names,
 * those on the plenary, the first one a plenary gets (areaIdFor), and the parent of each note;
 * the record lost (an archive restored) still finds them, since ids are digests.
 */
export async function placedIdeas(
  boards: readonly BoardRecord[],
  readDoc: DocReader,
  vote: VoteState | null,
  sources: readonly CompilationBoard[],
): Promise<Record<string, string>> {
  const plenary = boards.find((board) => board.kind === 'plenary');
  if (!vote || !plenary) return {};
  const prefix = `${plenary.id}/${LIST_NOTE_ID_PREFIX}`;
  const dotted = new Set(
    Object.entries(vote.counts)
      .filter(([key, dots]) => dots > 0 && key.startsWith(prefix))
      .map(([key]) => key),
  );
  if (dotted.size === 0) return {};
  const { areas, record, ids } = await readDoc(plenary.id, (doc) => {
    const found = new Set<string>([areaIdFor(plenary.id, null, () => false)]);
    const record = readPlacedRecord(doc);
    if (record) found.add(record.areaId);
    const shapes = plenaryShapes(doc);
    for (const shape of shapes) {
      if (shape.type === 'carton' && shape.id.startsWith(AREA_ID_PREFIX)) found.add(shape.id);
      if (shape.parentId?.startsWith(AREA_ID_PREFIX)) found.add(shape.parentId);
    }
    return { areas: [...found], record, ids: new Set(shapes.map((shape) => shape.id)) };
  });
  // In the area its record names, a note is the idea's only if the server placed it there: a
  // note someone wrote first at an id computed from the idea's key (C10 placed the idea under
  // the next id) takes none of the idea's dots. Other areas (an archive restored: no record)
  // are read from the ids alone.
  const ours = (area: string, id: string) =>
    record?.areaId !== area || Object.hasOwn(record.placed, id);
  const keys = new Set<string>();
  for (const source of sources) {
    for (const shape of source.shapes) {
      if (shape.type !== 'note') continue;
      const key = ideaKey(shape.text);
      if (key !== '') keys.add(key);
    }
  }
  const placed: Record<string, string> = {};
  for (const key of keys) {
    for (const area of areas) {
      // The ids C10 tries for the idea, as long as the plenary holds them (the first always).
      for (let attempt = 0; ; attempt++) {
        const id = listNoteId(area, key, attempt);
        if (attempt > 0 && !ids.has(id)) break;
        const note = noteKey(plenary.id, id);
        if (dotted.has(note) && ours(area, id)) placed[note] = key;
      }
    }
  }
  return placed;
}

/** C10: where « Les incontournables » are on the plenary, as the plenary holds them. */
export interface ListOnPlenaryState {
  readonly boardId: string;
  readonly areaId: string;
  /** The list's notes the area holds (or the record says were placed and are still there). */
  readonly ideas: number;
}

/**
 * C10: the list placed on the plenary, read from the plenary itself, never from a flag the
 * facilitator's page kept: the area (the record's, else the first one there, as after an
 * archive's restore, which keeps shapes and not the record) and the list's notes in it. Null
 * when there is no plenary, no area, or an area with none of the list's notes left.
 */
export async function listOnPlenary(
  boards: readonly BoardRecord[],
  readDoc: DocReader,
): Promise<ListOnPlenaryState | null> {
  const plenary = boards.find((board) => board.kind === 'plenary');
  if (!plenary) return null;
  return readDoc(plenary.id, (doc) => {
    const shapes = plenaryShapes(doc);
    const areas = shapes.filter(
      (shape) => shape.type === 'carton' && shape.id.startsWith(AREA_ID_PREFIX),
    );
    const record = readPlacedRecord(doc);
    const area = areas.find((shape) => shape.id === record?.areaId) ?? areas[0];
    if (!area) return null;
    const placed = record?.areaId === area.id ? record.placed : {};
    const ideas = shapes.filter(
      (shape) =>
        isPlacedListNote(shape) && (shape.parentId === area.id || Object.hasOwn(placed, shape.id)),
    ).length;
    return ideas > 0 ? { boardId: plenary.id, areaId: area.id, ideas } : null;
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

// C10 « Mettre la liste sur la plénière »: « Les incontournables » as sticky notes on the plenary
// board, one per idea in the list's order, inside a carton titled « Les incontournables », so the
// room can dot-vote on the list itself (V1 ranks its ideas). Placing again updates that area:
// new ideas added, changed words written, ideas gone from the list removed; a note with dots or
// that someone edited is kept as it is and said so. The area and its notes live on the plenary
// board with ids of their own (archives keep shape ids); what was placed is remembered where only
// the server writes it, the forum's document (placed-record.ts), never on the plenary.
import { createHash } from 'node:crypto';
import {
  MAX_BOARD_SHAPES,
  SERVER_ORIGIN,
  type Board,
  type Box,
  type IncontournableItem,
  type NoteShape,
  type Shape,
} from '@carton/board';
import {
  AREA_ID_PREFIX,
  LIST_NOTE_ID_PREFIX,
  MAX_COLUMNS,
  MAX_ID,
  validScalars,
  wordsDigest,
  type PlacedRecord,
} from './placed-record.ts';

export { AREA_ID_PREFIX, LIST_NOTE_ID_PREFIX, type PlacedRecord } from './placed-record.ts';

const NOTE = 200;
const GAP = 40;
const PAD = 60;
/** Room under the carton's title before the first row of notes. */
const HEAD = 100;
/** Space between what the plenary holds and the area placed to its right (as R68's copies). */
export const AREA_MARGIN = 160;

/**
 * A note with an id of the list's form. Anyone may write one (ids are computable): only the
 * record (placed-record.ts) says which ones the server placed.
 */
export const hasListNoteId = (shape: Shape): boolean =>
  shape.type === 'note' && shape.id.startsWith(LIST_NOTE_ID_PREFIX);

/**
 * The note of an idea inside one area: the same id every time the list is placed. `attempt` > 0:
 * the next ids tried when someone else's note holds it (a plenary writer can compute the id).
 */
export function listNoteId(areaId: string, itemKey: string, attempt = 0): string {
  const seed = attempt === 0 ? `${areaId}\n${itemKey}` : `${areaId}\n${itemKey}\n${attempt}`;
  const digest = createHash('sha256').update(seed).digest('base64url');
  return LIST_NOTE_ID_PREFIX + digest.slice(0, 22);
}

export type KeptReason = 'dots' | 'edited';

export interface ListPlan {
  /** The area to create (first placing, or after someone deleted it). */
  readonly area: { id: string; x: number; y: number; w: number; h: number } | null;
  readonly areaId: string;
  /** The area's new size once it holds every slot (null: unchanged). */
  readonly areaSize: { w: number; h: number } | null;
  readonly adds: readonly { id: string; text: string; x: number; y: number }[];
  readonly updates: readonly { id: string; text: string }[];
  readonly removes: readonly string[];
  readonly kept: readonly { id: string; text: string; reason: KeptReason }[];
  readonly unchanged: number;
  readonly record: PlacedRecord;
}

export interface PlanInput {
  /** The plenary's id: a new area's id is derived from it (areaIdFor). */
  readonly boardId: string;
  readonly items: readonly IncontournableItem[];
  /** The plenary's readable shapes. */
  readonly shapes: readonly Shape[];
  /** Every shape id the board doc holds, readable or not (a new note must not reuse one). */
  readonly hasId: (id: string) => boolean;
  /** What the server placed (the forum's record; placed-record.ts), null if nothing yet. */
  readonly record: PlacedRecord | null;
  /**
   * No record can be trusted nor was ever kept by the forum (an older forum whose plenary's
   * record is gone; an archive from before the forum kept it is read at import,
   * recordFromListArea): the first list area on the
   * plenary is read as the server's. Otherwise a null record means nothing was placed, and only
   * the area the server would write first (areaIdFor, as after a placing whose record was not
   * stored) is looked for.
   */
  readonly lost?: boolean;
  /** Note ids with dots in any vote of the forum. */
  readonly dotted: ReadonlySet<string>;
  /** What the plenary holds outside the area (a new area goes to its right). */
  readonly bounds: Box | null;
  /** Tests: the new area's id (else areaIdFor). */
  readonly newAreaId?: () => string;
}

const columnsFor = (count: number) =>
  Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(count * (16 / 9)))));
const widthFor = (columns: number) => PAD * 2 + columns * NOTE + (columns - 1) * GAP;
const heightFor = (slots: number, columns: number) => {
  const rows = Math.max(1, Math.ceil(slots / columns));
  return HEAD + PAD + rows * NOTE + (rows - 1) * GAP;
};
const slotAt = (area: { x: number; y: number }, slot: number, columns: number) => ({
  x: area.x + PAD + (slot % columns) * (NOTE + GAP),
  y: area.y + HEAD + Math.floor(slot / columns) * (NOTE + GAP),
});

/** The columns of notes an area `w` wide holds. */
const columnsIn = (w: number) =>
  Math.max(1, Math.min(MAX_COLUMNS, Math.floor((w - 2 * PAD + GAP) / (NOTE + GAP))));

/**
 * An archive exported before the forum doc kept the record (no `facilitation.plenaryList`): its
 * plenary's file keeps the list's area and notes, never the record (which lived in the
 * plenary's root maps, and a board file holds shapes alone). Read once, at import, as the
 * server read such a plenary then: the first list area, its columns from its width, and the
 * notes of the list's form inside it, checked as an older forum's record is (placed-record.ts
 * readLegacyRecord). The words placed are not known (''): a note whose words are not the
 * list's is kept as someone's, as it was. Null when the plenary holds no list area with notes.
 */
export function recordFromListArea(shapes: readonly Shape[]): PlacedRecord | null {
  const area = shapes.find(
    (shape) => shape.type === 'carton' && shape.id.startsWith(AREA_ID_PREFIX),
  );
  if (area?.type !== 'carton') return null;
  const placed: Record<string, string> = {};
  let count = 0;
  for (const shape of shapes) {
    if (count >= MAX_BOARD_SHAPES) break;
    if (!hasListNoteId(shape) || shape.parentId !== area.id || shape.id.length > MAX_ID) continue;
    placed[shape.id] = '';
    count++;
  }
  const columns = columnsIn(area.w);
  if (count === 0 || !validScalars(area.id, columns, count)) return null;
  return { areaId: area.id, columns, nextSlot: count, placed };
}

/** The page's extent (base.ts: coordinates within ±1e7). */
const PAGE_LIMIT = 1e7;
const onPage = (box: Box) =>
  box.x >= -PAGE_LIMIT &&
  box.y >= -PAGE_LIMIT &&
  box.x + box.w <= PAGE_LIMIT &&
  box.y + box.h <= PAGE_LIMIT;

/** A shape's largest width or height (the board model's sizeSchema). */
const MAX_SHAPE_SIZE = 1e6;
const tooLarge = (size: { w: number; h: number }) =>
  size.w > MAX_SHAPE_SIZE || size.h > MAX_SHAPE_SIZE;

/** The area or a new note would be past the page's edge: nothing is written. */
export class ListOffPageError extends Error {
  override readonly name = 'ListOffPageError';
}

/**
 * A new area's id: a digest of the plenary and the area it replaces (none the first time), so
 * that two processes placing the list at once on the same plenary (R63: two facilitator pages
 * on two relays) write the same area and the same notes, which Yjs merges into one, where random
 * ids made two areas holding the whole list each. A replaced area (someone deleted it) gives
 * the next one; an id some other record holds is skipped the same way in every process.
 */
export function areaIdFor(
  boardId: string,
  replaced: string | null,
  hasId: (id: string) => boolean,
): string {
  let seed = `${boardId}\n${replaced ?? ''}`;
  for (;;) {
    const digest = createHash('sha256').update(seed).digest('base64url');
    const id = AREA_ID_PREFIX + digest.slice(0, 22);
    if (!hasId(id)) return id;
    seed = id;
  }
}

/**
 * C10: what placing `items` changes on the plenary. Notes already there keep their places
 * (participants may have moved them); a new idea takes the next free slot of the grid, in the
 * list's order, and the area grows to hold it.
 */
export function planListPlacement(input: PlanInput): ListPlan {
  const { items, shapes, record, dotted } = input;
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  const areas = shapes.filter(
    (shape) => shape.type === 'carton' && shape.id.startsWith(AREA_ID_PREFIX),
  );
  const firstArea = areaIdFor(input.boardId, null, () => false);
  const found = record
    ? areas.find((shape) => shape.id === record.areaId)
    : input.lost
      ? areas[0]
      : areas.find((shape) => shape.id === firstArea);
  let area: ListPlan['area'] = null;
  let columns: number;
  let nextSlot: number;
  let placed: Readonly<Record<string, string>>;
  /** The record is this area's: only the notes it holds are the server's. */
  let trusted = true;
  let origin: { x: number; y: number; w: number; h: number };
  if (found && found.type === 'carton') {
    origin = found;
    const same = record?.areaId === found.id;
    // A record lost (an older forum's plenary lost it) is read from the area.
    columns = same ? record.columns : columnsIn(found.w);
    const inside = shapes.filter((s) => hasListNoteId(s) && s.parentId === found.id).length;
    // Two processes' first placings (R63) merge their notes, but the next slot is one number:
    // the last writer's. Never fewer slots than the notes the record knows still there.
    const knownThere = same
      ? shapes.filter((s) => hasListNoteId(s) && Object.hasOwn(record.placed, s.id)).length
      : 0;
    nextSlot = same ? Math.max(record.nextSlot, knownThere) : inside;
    placed = same ? record.placed : {};
    trusted = same || !input.lost;
  } else {
    columns = columnsFor(items.length);
    nextSlot = 0;
    placed = {};
    // The record's area not on the plenary: deleted, or not seen yet by this process (R63: the
    // forum doc's record came through storage before the plenary's change did, another
    // process's placing). Made again under its own id, so that both write the same area.
    const id = input.newAreaId
      ? input.newAreaId()
      : record && !input.hasId(record.areaId)
        ? record.areaId
        : areaIdFor(input.boardId, record?.areaId ?? null, input.hasId);
    const b = input.bounds;
    const w = widthFor(columns);
    const h = heightFor(items.length, columns);
    // Right of what the plenary holds; below it, or left of it, when the page ends there.
    const places = b
      ? [
          { x: b.x + b.w + AREA_MARGIN, y: b.y },
          { x: b.x, y: b.y + b.h + AREA_MARGIN },
          { x: b.x - w - AREA_MARGIN, y: b.y },
        ]
      : [{ x: 0, y: 0 }];
    const at = places.find((p) => onPage({ ...p, w, h })) ?? places[0]!;
    origin = { ...at, w, h };
    area = { id, ...origin };
  }
  const areaId = area?.id ?? found!.id;
  const adds: { id: string; text: string; x: number; y: number }[] = [];
  const updates: { id: string; text: string }[] = [];
  const kept: { id: string; text: string; reason: KeptReason }[] = [];
  const removes: string[] = [];
  const nextPlaced: Record<string, string> = {};
  let unchanged = 0;
  const wanted = new Set<string>();
  const keys = new Set<string>();
  const known = (id: string) => Object.hasOwn(placed, id);
  /** A note kept as it is: the words placed stay remembered, so that it goes once it is again. */
  const keep = (note: NoteShape, reason: KeptReason) => {
    kept.push({ id: note.id, text: note.text, reason });
    if (known(note.id)) nextPlaced[note.id] = placed[note.id]!;
  };
  for (const item of items) {
    if (keys.has(item.key)) continue;
    keys.add(item.key);
    // The idea's note: the first id of its own that is free, or that holds the server's note.
    // A note there the record does not know, with other words or outside the area, is someone
    // else's (any plenary writer can compute the id and write first): it is left as it is, and
    // the idea goes under the next id, never missing from the list.
    let id = listNoteId(areaId, item.key);
    let note: Shape | undefined;
    for (let attempt = 1; input.hasId(id) || byId.has(id); attempt++) {
      note = byId.get(id);
      const ours =
        note?.type === 'note' &&
        !wanted.has(id) &&
        (known(id) || (note.parentId === areaId && (!trusted || note.text === item.text)));
      if (ours) break;
      note = undefined;
      id = listNoteId(areaId, item.key, attempt);
    }
    wanted.add(id);
    if (note?.type === 'note') {
      if (note.text === item.text) {
        unchanged++;
        nextPlaced[id] = wordsDigest(item.text);
      } else if (dotted.has(id) || placed[id] !== wordsDigest(note.text)) {
        // Its words are not the list's any more: dots were given to them, or someone wrote them.
        keep(note, dotted.has(id) ? 'dots' : 'edited');
      } else {
        updates.push({ id, text: item.text });
        nextPlaced[id] = wordsDigest(item.text);
      }
      continue;
    }
    adds.push({ id, text: item.text, ...slotAt(origin, nextSlot, columns) });
    nextSlot++;
    nextPlaced[id] = wordsDigest(item.text);
  }
  // Notes of ideas no longer in the list (set aside, merged into another, their notes erased):
  // those the record knows (without it, as after an archive's restore, those in the area).
  // Whether one is kept is read from the note as it is now, never from an earlier placing: its
  // words as placed and no dot in any vote, it goes.
  for (const shape of shapes) {
    if (!hasListNoteId(shape) || wanted.has(shape.id)) continue;
    if (!known(shape.id) && (trusted || shape.parentId !== areaId)) continue;
    const note = shape as NoteShape;
    if (dotted.has(note.id)) keep(note, 'dots');
    else if (placed[note.id] !== wordsDigest(note.text)) keep(note, 'edited');
    else removes.push(note.id);
  }
  const w = widthFor(columns);
  const h = heightFor(nextSlot, columns);
  const areaSize =
    area === null && (origin.w < w || origin.h < h)
      ? { w: Math.max(origin.w, w), h: Math.max(origin.h, h) }
      : null;
  // An area grown past the page, or past a shape's largest size, is refused by its update:
  // refused here, before anything. A grid that far down comes from a next slot no placing of
  // this list reached (a facilitator's socket writes the record, F2: a `nextSlot` of 10,000
  // in one column refused every later placing): the new ideas then go after the notes the
  // record knows still there, as if no slot had been taken past them.
  if (
    (areaSize && (!onPage({ x: origin.x, y: origin.y, ...areaSize }) || tooLarge(areaSize))) ||
    (area && tooLarge({ w: area.w, h: Math.max(area.h, h) }))
  ) {
    if (record && record.nextSlot > 0 && found?.id === record.areaId) {
      return planListPlacement({ ...input, record: { ...record, nextSlot: 0 } });
    }
    throw new ListOffPageError('the area would grow past the page');
  }
  return {
    area: area ? { ...area, h: Math.max(area.h, h) } : null,
    areaId,
    areaSize,
    adds,
    updates,
    removes,
    kept,
    unchanged,
    record: { areaId, columns, nextSlot, placed: nextPlaced },
  };
}

/** The area's title: « Les incontournables » (or the English heading). */
export interface ApplyOptions {
  readonly heading: string;
}

/**
 * Writes `plan` on `board` as ONE change: the area, its notes and their words. M37's room is
 * taken first, so a board at its limit gets nothing. The record goes to the forum's doc
 * (placed-record.ts writeRecord), once this change is stored.
 */
export function applyListPlan(board: Board, plan: ListPlan, options: ApplyOptions): void {
  // Checked before anything is written: a shape past the page is refused by its command, and
  // the notes before it would stay.
  const boxes = [
    ...(plan.area ? [plan.area] : []),
    ...plan.adds.map((add) => ({ ...add, w: NOTE, h: NOTE })),
  ];
  if (!boxes.every(onPage)) throw new ListOffPageError('the list would go past the page');
  board.run((tx) => {
    tx.ensureRoom(plan.adds.length + (plan.area ? 1 : 0));
    if (plan.area) {
      tx.create('carton', { ...plan.area, title: options.heading });
    } else if (plan.areaSize) {
      tx.update(plan.areaId, plan.areaSize);
    }
    for (const add of plan.adds) {
      tx.create('note', {
        id: add.id,
        x: add.x,
        y: add.y,
        w: NOTE,
        h: NOTE,
        text: add.text,
        color: 'yellow',
        parentId: plan.areaId,
      });
    }
    for (const update of plan.updates) tx.update(update.id, { text: update.text });
    if (plan.removes.length > 0) tx.delete(plan.removes);
  }, SERVER_ORIGIN);
}

// C10 « Mettre la liste sur la plénière »: « Les incontournables » as sticky notes on the plenary
// board, one per idea in the list's order, inside a carton titled « Les incontournables », so the
// room can dot-vote on the list itself (V1 ranks its ideas). Placing again updates that area:
// new ideas added, changed words written, ideas gone from the list removed; a note with dots or
// that someone edited is kept as it is and said so. Everything lives on the plenary board: the
// area and its notes have ids of their own (archives keep shape ids), and what was placed is
// remembered in the board doc's root map `incontournables`, written in the same change.
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
import * as Y from 'yjs';

export const AREA_ID_PREFIX = 'shape:incontournables-';
export const LIST_NOTE_ID_PREFIX = 'shape:incontournable-';
/** The board doc's root map remembering what was placed (C10). */
export const PLACED_LIST_KEY = 'incontournables';
/**
 * The root map of note id → words placed. A root map, never replaced: two processes placing for
 * the first time at once (R63) merge their notes per id, where a nested map set by each was
 * replaced whole by one of them (the other's notes then read as edited).
 */
export const PLACED_NOTES_KEY = 'incontournables-notes';

const NOTE = 200;
const GAP = 40;
const PAD = 60;
/** Room under the carton's title before the first row of notes. */
const HEAD = 100;
const MAX_COLUMNS = 10;
/** Space between what the plenary holds and the area placed to its right (as R68's copies). */
export const AREA_MARGIN = 160;

/** C10: a note placed by « Mettre la liste sur la plénière » (not counted again by C6). */
export const isPlacedListNote = (shape: Shape): boolean =>
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

/** What the board remembers of the last placing. */
export interface PlacedRecord {
  readonly areaId: string;
  readonly columns: number;
  /** Grid slots taken so far: the next idea goes there. */
  readonly nextSlot: number;
  /** Note id → the words placed on it. */
  readonly placed: Readonly<Record<string, string>>;
}

/**
 * The record, or null when there is none or it cannot be the server's: any writer of the
 * plenary can write this root map, and a `nextSlot` of 1e12 or a `columns` of NaN put every new
 * note past the page's edge, refusing every placing until the area was deleted. Read as lost,
 * the area's own notes and width are used instead (as after an archive's restore).
 */
export function readPlacedRecord(doc: Y.Doc): PlacedRecord | null {
  const root = doc.getMap<unknown>(PLACED_LIST_KEY);
  const areaId = root.get('areaId');
  const columns = root.get('columns');
  const nextSlot = root.get('nextSlot');
  const placed = root.get('placed');
  if (
    typeof areaId !== 'string' ||
    !areaId.startsWith(AREA_ID_PREFIX) ||
    !Number.isInteger(columns) ||
    (columns as number) < 1 ||
    (columns as number) > MAX_COLUMNS ||
    !Number.isInteger(nextSlot) ||
    (nextSlot as number) < 0 ||
    (nextSlot as number) > MAX_BOARD_SHAPES
  ) {
    return null;
  }
  const words: Record<string, string> = {};
  // Placings before PLACED_NOTES_KEY kept the words in a nested map: read, then moved.
  const maps = [placed, doc.getMap<unknown>(PLACED_NOTES_KEY)];
  for (const map of maps) {
    if (!(map instanceof Y.Map)) continue;
    for (const [id, text] of map.entries()) if (typeof text === 'string') words[id] = text;
  }
  return { areaId, columns: columns as number, nextSlot: nextSlot as number, placed: words };
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
  readonly record: PlacedRecord | null;
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

/** The page's extent (base.ts: coordinates within ±1e7). */
const PAGE_LIMIT = 1e7;
const onPage = (box: Box) =>
  box.x >= -PAGE_LIMIT &&
  box.y >= -PAGE_LIMIT &&
  box.x + box.w <= PAGE_LIMIT &&
  box.y + box.h <= PAGE_LIMIT;

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
  const found =
    (record && areas.find((shape) => shape.id === record.areaId)) ?? areas[0] ?? undefined;
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
    // A record lost (an archive restored: it keeps shapes, not this map) is read from the area.
    columns = same
      ? record.columns
      : Math.max(1, Math.min(MAX_COLUMNS, Math.floor((found.w - 2 * PAD + GAP) / (NOTE + GAP))));
    const inside = shapes.filter((s) => isPlacedListNote(s) && s.parentId === found.id).length;
    // Two processes' first placings (R63) merge their notes, but the next slot is one number:
    // the last writer's. Never fewer slots than the notes the record knows still there.
    const knownThere = same
      ? shapes.filter((s) => isPlacedListNote(s) && Object.hasOwn(record.placed, s.id)).length
      : 0;
    nextSlot = same ? Math.max(record.nextSlot, knownThere) : inside;
    placed = same ? record.placed : {};
    trusted = same;
  } else {
    columns = columnsFor(items.length);
    nextSlot = 0;
    placed = {};
    const id = input.newAreaId
      ? input.newAreaId()
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
        nextPlaced[id] = item.text;
      } else if (dotted.has(id) || placed[id] !== note.text) {
        // Its words are not the list's any more: dots were given to them, or someone wrote them.
        keep(note, dotted.has(id) ? 'dots' : 'edited');
      } else {
        updates.push({ id, text: item.text });
        nextPlaced[id] = item.text;
      }
      continue;
    }
    adds.push({ id, text: item.text, ...slotAt(origin, nextSlot, columns) });
    nextSlot++;
    nextPlaced[id] = item.text;
  }
  // Notes of ideas no longer in the list (set aside, merged into another, their notes erased):
  // those the record knows (without it, as after an archive's restore, those in the area).
  // Whether one is kept is read from the note as it is now, never from an earlier placing: its
  // words as placed and no dot in any vote, it goes.
  for (const shape of shapes) {
    if (!isPlacedListNote(shape) || wanted.has(shape.id)) continue;
    if (!known(shape.id) && (trusted || shape.parentId !== areaId)) continue;
    const note = shape as NoteShape;
    if (dotted.has(note.id)) keep(note, 'dots');
    else if (placed[note.id] !== note.text) keep(note, 'edited');
    else removes.push(note.id);
  }
  const w = widthFor(columns);
  const h = heightFor(nextSlot, columns);
  const areaSize =
    area === null && (origin.w < w || origin.h < h)
      ? { w: Math.max(origin.w, w), h: Math.max(origin.h, h) }
      : null;
  // An area grown past the page is refused by its update: refused here, before anything.
  if (areaSize && !onPage({ x: origin.x, y: origin.y, ...areaSize })) {
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
 * Writes `plan` on `board` as ONE change (the caller's transaction): the area, its notes, their
 * words, and the record. M37's room is taken first, so a board at its limit gets nothing.
 */
export function applyListPlan(board: Board, plan: ListPlan, options: ApplyOptions): void {
  // Checked before anything is written: a shape past the page is refused by its command, and
  // the notes before it would stay.
  const boxes = [
    ...(plan.area ? [plan.area] : []),
    ...plan.adds.map((add) => ({ ...add, w: NOTE, h: NOTE })),
  ];
  if (!boxes.every(onPage)) throw new ListOffPageError('the list would go past the page');
  board.doc.transact(() => {
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
    writeRecord(board.doc, plan.record);
  }, SERVER_ORIGIN);
}

/**
 * The record, changing only what differs: rewritten whole, every placing appended the whole
 * map to the plenary's stored log (5,000 ideas of 300 characters: ~1.6 MB a click, towards
 * R30's limit), even when nothing had changed; now a placing that changes nothing writes nothing.
 */
function writeRecord(doc: Y.Doc, record: PlacedRecord): void {
  const root = doc.getMap<unknown>(PLACED_LIST_KEY);
  const set = (key: string, value: string | number) => {
    if (root.get(key) !== value) root.set(key, value);
  };
  set('areaId', record.areaId);
  set('columns', record.columns);
  set('nextSlot', record.nextSlot);
  if (root.has('placed')) root.delete('placed');
  const words = doc.getMap<unknown>(PLACED_NOTES_KEY);
  for (const id of [...words.keys()]) if (!Object.hasOwn(record.placed, id)) words.delete(id);
  for (const [id, text] of Object.entries(record.placed)) {
    if (words.get(id) !== text) words.set(id, text);
  }
}

/** Bytes the record's changes add (new or changed words; a removal adds next to nothing). */
export function recordBytes(record: PlacedRecord, before: PlacedRecord | null): number {
  let bytes = 0;
  for (const [id, text] of Object.entries(record.placed)) {
    if (before?.placed[id] !== text) bytes += id.length + text.length * 3 + 16;
  }
  return bytes;
}

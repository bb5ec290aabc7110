// C10: where « Mettre la liste sur la plénière » puts the list's notes, and what placing again
// changes (plenary-list.ts); the route and its refusals: tests/integration/forum-plenary-list.
import { describe, expect, it } from 'vitest';
import { Board, initBoardDoc, type IncontournableItem, type Shape } from '@carton/board';
import * as Y from 'yjs';
import { readRecordSource, resolveRecord, writeRecord } from './placed-record.ts';
import {
  applyListPlan,
  AREA_ID_PREFIX,
  areaIdFor,
  listNoteId,
  ListOffPageError,
  planListPlacement,
  recordFromListArea,
  type ListPlan,
  type PlanInput,
} from './plenary-list.ts';

const item = (key: string, text = key): IncontournableItem => ({
  key,
  text,
  count: 1,
  territories: [],
  sources: [],
  votes: 0,
  votesBy: [],
  notes: [],
  mergedKeys: [],
  setAside: false,
});

const AREA = `${AREA_ID_PREFIX}test`;
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'items'>): ListPlan =>
  planListPlacement({
    shapes: [],
    hasId: () => false,
    record: null,
    dotted: new Set(),
    bounds: null,
    boardId: 'plenary',
    newAreaId: () => AREA,
    ...input,
  });

/** The plenary once `first` is written on it. */
function written(first: ListPlan): Shape[] {
  const carton = { ...first.area!, type: 'carton', title: 'Les incontournables' };
  const notes = first.adds.map((add) => ({ ...add, type: 'note', w: 200, h: 200 }));
  return [carton, ...notes].map(
    (shape) =>
      ({
        rotation: 0,
        index: 'a0',
        parentId: shape.type === 'note' ? AREA : null,
        color: 'yellow',
        ...shape,
      }) as unknown as Shape,
  );
}

describe('C10: the list on the plenary', () => {
  it('a grid in the list’s order, right of what the plenary holds, inside its area', () => {
    const items = Array.from({ length: 60 }, (_, n) => item(`idee ${n}`, `Idée ${n}`));
    const first = plan({ items, bounds: { x: -100, y: 50, w: 3000, h: 2000 } });
    expect(first.area).toMatchObject({ id: AREA, x: 3060, y: 50 });
    expect(first.adds.map((a) => a.text)).toEqual(items.map((i) => i.text));
    // Row by row, left to right: each note right of or below the one before, none overlapping.
    const columns = first.record.columns;
    expect(columns).toBe(10);
    first.adds.forEach((add, n) => {
      if (n % columns !== 0) expect(add.x).toBeGreaterThanOrEqual(first.adds[n - 1]!.x + 200);
      else if (n > 0) expect(add.y).toBeGreaterThanOrEqual(first.adds[n - 1]!.y + 200);
      expect(add.x + 200).toBeLessThanOrEqual(first.area!.x + first.area!.w);
      expect(add.y + 200).toBeLessThanOrEqual(first.area!.y + first.area!.h);
    });
    expect(first.adds[0]!.id).toBe(listNoteId(AREA, 'idee 0'));
  });

  it('placed again: new ideas in the next slots, new words on untouched notes, the rest kept', () => {
    const first = plan({ items: [item('a', 'A'), item('b', 'B'), item('c', 'C')] });
    let shapes = written(first);
    const edit = (id: string, text: string) =>
      (shapes = shapes.map((s) => (s.id === id ? ({ ...s, text } as Shape) : s)));
    const [a, b, c] = first.adds.map((add) => add.id);
    edit(b!, 'B, par quelqu’un');
    const again = plan({
      items: [item('a', 'A reformulée'), item('b', 'B2'), item('d', 'D'), item('c', 'C2')],
      shapes,
      record: first.record,
      dotted: new Set([c!]),
    });
    expect(again.area).toBeNull();
    expect(again.updates).toEqual([{ id: a, text: 'A reformulée' }]);
    expect(again.kept).toEqual([
      { id: b, text: 'B, par quelqu’un', reason: 'edited' },
      { id: c, text: 'C', reason: 'dots' },
    ]);
    // D takes the 4th slot, after C's, whatever its rank in the list.
    expect(again.adds).toHaveLength(1);
    expect(again.adds[0]).toMatchObject({ text: 'D', id: listNoteId(AREA, 'd') });
    expect(again.record.nextSlot).toBe(4);
    // An idea gone from the list: its untouched note goes, the voted one stays.
    const gone = plan({ items: [item('b')], shapes, record: first.record, dotted: new Set([c!]) });
    expect(gone.removes).toEqual([a]);
    expect(gone.kept.map((k) => k.id)).toEqual([b, c]);
  });

  it('placed again with nothing changed writes nothing; one new wording writes only itself', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Plénière', kind: 'plenary' });
    const board = new Board(doc);
    // The record is the forum doc's (placed-record.ts), written after the plenary's change.
    const forumDoc = new Y.Doc();
    const words = (n: number, last = '') => `Idée ${n} ${'é'.repeat(280)}${last}`;
    const items = Array.from({ length: 200 }, (_, n) => item(`idee ${n}`, words(n)));
    const placeOn = (list: IncontournableItem[]) => {
      const next = plan({
        items: list,
        shapes: board.listShapes(),
        hasId: (id) => board.getShape(id) !== undefined,
        record: resolveRecord(readRecordSource(forumDoc, 'plenary'), doc),
      });
      applyListPlan(board, next, { heading: 'Les incontournables' });
      forumDoc.transact(() => writeRecord(forumDoc, 'plenary', next.record));
      return next;
    };
    placeOn(items);
    const updates: Uint8Array[] = [];
    const recordUpdates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    forumDoc.on('update', (update: Uint8Array) => recordUpdates.push(update));
    expect(placeOn(items).unchanged).toBe(200);
    // The record was rewritten whole at each placing: ~140 kB appended to the plenary's log.
    expect(updates).toEqual([]);
    expect(recordUpdates).toEqual([]);
    const reworded = items.map((it, n) => (n === 7 ? { ...it, text: words(7, ' !') } : it));
    expect(placeOn(reworded).updates).toHaveLength(1);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.byteLength).toBeLessThan(4_000);
    // The record keeps a digest of the words, never the words.
    expect(recordUpdates).toHaveLength(1);
    expect(recordUpdates[0]!.byteLength).toBeLessThan(200);
    board.destroy();
  });

  it('an area found without its record (an older archive restored) is reused, never doubled', () => {
    const first = plan({ items: [item('a'), item('b')] });
    const again = plan({ items: [item('a'), item('b')], shapes: written(first), lost: true });
    expect(again.area).toBeNull();
    expect(again.adds).toEqual([]);
    expect(again.unchanged).toBe(2);
  });

  it('an archive from before the forum kept the record: read once from the plenary’s shapes, words not known', () => {
    const first = plan({ items: [item('a'), item('b'), item('c')] });
    const shapes = written(first);
    // A note of the list's form outside the area, and another note in it, are not the list's.
    const outside = { ...shapes[1]!, id: listNoteId(AREA, 'z'), parentId: null } as Shape;
    const theirs = { ...shapes[1]!, id: 'shape:theirs' } as Shape;
    const record = recordFromListArea([...shapes, outside, theirs])!;
    expect(record).toEqual({
      areaId: AREA,
      columns: first.record.columns,
      nextSlot: 3,
      placed: Object.fromEntries(first.adds.map((add) => [add.id, ''])),
    });
    // Placed again with it: the same notes, nothing doubled; words it does not know are kept.
    const again = plan({
      items: [item('a'), item('b'), item('c', 'C, reformulée')],
      shapes,
      record,
    });
    expect(again).toMatchObject({ area: null, adds: [], unchanged: 2 });
    expect(again.kept.map((k) => k.reason)).toEqual(['edited']);
    // No list area, or one without notes: nothing was placed.
    expect(recordFromListArea(shapes.slice(1))).toBeNull();
    expect(recordFromListArea(shapes.slice(0, 1))).toBeNull();
  });

  it('without its record, an area someone stretched still takes at most 10 columns', () => {
    const first = plan({ items: [item('a')] });
    // Stretched to 100,000 units wide: read from its width, the grid went on 416 columns.
    const shapes = written(first).map((s) => (s.type === 'carton' ? { ...s, w: 100_000 } : s));
    const again = plan({ items: [item('a'), item('b')], shapes, lost: true });
    expect(again.record.columns).toBe(10);
  });

  it('with nothing placed yet, a list area someone else drew is not the server’s', () => {
    // A participant's carton with an id of the list's form, and a note at an idea's id in it.
    const theirs = plan({ items: [item('a', 'A')] });
    const shapes = written(theirs).map((s) =>
      s.type === 'note' ? ({ ...s, text: 'À moi' } as Shape) : s,
    );
    const first = plan({
      items: [item('a', 'A')],
      shapes,
      hasId: (id) => shapes.some((s) => s.id === id),
      newAreaId: undefined,
    });
    expect(first.area).not.toBeNull();
    expect(first.areaId).not.toBe(AREA);
    expect(first.adds.map((a) => a.text)).toEqual(['A']);
    expect(Object.keys(first.record.placed)).toEqual([first.adds[0]!.id]);
  });

  it('the area the server writes first, without its record (not stored): only its own words are taken', () => {
    const area = areaIdFor('plenary', null, () => false);
    const first = plan({ items: [item('a', 'A'), item('b', 'B')], newAreaId: () => area });
    const shapes = written(first).map((s) =>
      s.type === 'note' && s.parentId === AREA ? ({ ...s, parentId: area } as Shape) : s,
    );
    const edited = shapes.map((s) =>
      s.id === listNoteId(area, 'b') ? ({ ...s, text: 'À moi' } as Shape) : s,
    );
    const again = plan({
      items: [item('a', 'A'), item('b', 'B')],
      shapes: edited,
      hasId: (id) => edited.some((s) => s.id === id),
      newAreaId: undefined,
    });
    expect(again.area).toBeNull();
    expect(again.unchanged).toBe(1);
    // « À moi » is left as it is; B goes under its next id.
    expect(again.adds).toEqual([
      expect.objectContaining({ id: listNoteId(area, 'b', 1), text: 'B' }),
    ]);
    expect(again.kept).toEqual([]);
  });
});

describe('C10: the record’s area missing from the plenary', () => {
  it('is made again under its own id (deleted, or another process’s placing not seen yet)', () => {
    const area = areaIdFor('plenary', null, () => false);
    const first = plan({ items: [item('a', 'A')], newAreaId: () => area });
    // R63: the forum doc's record came from storage before the plenary's change reached here.
    const again = plan({ items: [item('a', 'A')], record: first.record, newAreaId: undefined });
    expect(again.area?.id).toBe(area);
    expect(again.adds.map((add) => add.id)).toEqual(first.adds.map((add) => add.id));
  });
});

describe('C10: ids someone else holds', () => {
  it('a record at the idea’s id that is no note: the idea under the next id, never skipped', () => {
    const first = plan({ items: [item('a')] });
    const taken = listNoteId(AREA, 'b');
    const again = plan({
      items: [item('a'), item('b', 'B')],
      shapes: written(first),
      hasId: (id) => id === taken,
      record: first.record,
    });
    expect(again.adds).toEqual([
      expect.objectContaining({ id: listNoteId(AREA, 'b', 1), text: 'B' }),
    ]);
    expect(again.kept).toEqual([]);
  });

  it('a note the record does not know with the list’s words, in the area, is the idea’s', () => {
    const first = plan({ items: [item('a', 'A')] });
    const same = {
      ...written(first)[1]!,
      id: listNoteId(AREA, 'b'),
      text: 'B',
    } as Shape;
    const again = plan({
      items: [item('a', 'A'), item('b', 'B')],
      shapes: [...written(first), same],
      record: first.record,
    });
    expect(again.adds).toEqual([]);
    expect(again.unchanged).toBe(2);
    expect(Object.keys(again.record.placed)).toContain(same.id);
  });
});

describe('C10: the page’s edge', () => {
  it('below what the plenary holds when its right reaches the page’s edge', () => {
    const first = plan({
      items: [item('a')],
      bounds: { x: 9_000_000, y: 0, w: 999_900, h: 500 },
    });
    expect(first.area).toMatchObject({ x: 9_000_000, y: 660 });
  });

  it('an area that would grow past the page is refused by the plan, before anything', () => {
    const first = plan({
      items: [item('a')],
      bounds: { x: 0, y: 1e7 - 2_000, w: 100, h: 100 },
    });
    const shapes = written(first);
    expect(() =>
      plan({
        items: [item('a'), ...'bcdefghijklmnopqrstuvwxyz'.split('').map((k) => item(k))],
        shapes,
        record: first.record,
      }),
    ).toThrow(ListOffPageError);
  });

  it('a next slot no placing reached (a record a facilitator’s socket wrote): after the notes there', () => {
    const first = plan({ items: [item('a'), item('b')] });
    const shapes = written(first);
    // One column, slot 10,000: the area would be 2.4 million units tall (a shape's largest is
    // a million), and every later placing was refused.
    const next = plan({
      items: [item('a'), item('b'), item('c')],
      shapes,
      record: { ...first.record, columns: 1, nextSlot: 10_000 },
    });
    expect(next.adds).toHaveLength(1);
    expect(next.adds[0]).toMatchObject({ text: 'c', y: first.area!.y + 100 + 2 * 240 });
    expect(next.record.nextSlot).toBe(3);
    expect(next.areaSize!.h).toBeLessThan(1e6);
  });

  it('nothing written when the area or a note would be past the page', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Plénière', kind: 'plenary' });
    const board = new Board(doc);
    const first = plan({ items: [item('a'), item('b')] });
    const off = { ...first, adds: first.adds.map((add) => ({ ...add, x: 1e7 - 100 })) };
    expect(() => applyListPlan(board, off, { heading: 'Les incontournables' })).toThrow(
      ListOffPageError,
    );
    expect(board.listShapes()).toEqual([]);
    applyListPlan(board, first, { heading: 'Les incontournables' });
    expect(board.listShapes().map((s) => s.type)).toEqual(['carton', 'note', 'note']);
    expect(first.record).toMatchObject({ areaId: AREA, nextSlot: 2 });
    board.destroy();
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportBoard } from '../codec/export.ts';
import { checkInvariants } from '../invariants/invariants.ts';
import { shapeBounds } from '../shapes/registry.ts';
import {
  CONDITIONS_PRESENTES,
  CONDITIONS_SOUHAITEES,
  INCONTOURNABLES,
  forkPeer,
  newTestBoard,
  sync,
  type TestBoard,
} from '../test/fixtures.ts';
import { arrangeShapes, planArrange, readingOrder, type ArrangeKind } from './arrange.ts';

function notes(t: TestBoard, at: readonly { x: number; y: number; w?: number; h?: number }[]) {
  return t.board.run(
    (tx) =>
      at.map((p, i) =>
        tx.create('note', { ...p, text: CONDITIONS_PRESENTES[i % CONDITIONS_PRESENTES.length] }),
      ),
    t.me,
  );
}

const box = (t: TestBoard, id: string) => shapeBounds(t.board.getShape(id)!);
const arrange = (t: TestBoard, ids: readonly string[], kind: ArrangeKind) =>
  t.board.run((tx) => arrangeShapes(tx, ids, kind), t.me);

describe('arrange (M34)', () => {
  it('M34: align left puts every left edge on the leftmost, in one undo step', () => {
    const t = newTestBoard();
    const ids = notes(t, [
      { x: 340, y: 0 },
      { x: 120, y: 260 },
      { x: 600, y: 520 },
    ]);
    const undo = t.board.createUndoManager(t.me);
    undo.stopCapturing();
    const before = ids.map((id) => box(t, id));
    const plan = arrange(t, ids, 'left');
    expect(plan.outcome).toBe('arranged');
    expect(plan.arranged).toEqual(ids);
    expect(ids.map((id) => box(t, id).x)).toEqual([120, 120, 120]);
    expect(ids.map((id) => box(t, id).y)).toEqual([0, 260, 520]);
    undo.undo();
    expect(ids.map((id) => box(t, id))).toEqual(before);
  });

  it.each([
    ['centre', (b: { x: number; w: number }) => b.x + b.w / 2, 'x', 250],
    ['right', (b: { x: number; w: number }) => b.x + b.w, 'x', 500],
    ['top', (b: { y: number; h: number }) => b.y, 'y', 0],
    ['middle', (b: { y: number; h: number }) => b.y + b.h / 2, 'y', 250],
    ['bottom', (b: { y: number; h: number }) => b.y + b.h, 'y', 500],
  ] as const)(
    'M34: align %s on the box of the shapes, whatever their sizes',
    (kind, edge, _axis, at) => {
      const t = newTestBoard();
      const ids = notes(t, [
        { x: 0, y: 0, w: 100, h: 100 },
        { x: 200, y: 180, w: 300, h: 320 },
        { x: 60, y: 300, w: 150, h: 120 },
      ]);
      arrange(t, ids, kind);
      for (const id of ids) expect(edge(box(t, id) as never)).toBeCloseTo(at, 6);
    },
  );

  it('M34: a turned shape aligns by its page bounds, rotation included', () => {
    const t = newTestBoard();
    const [straight, turned] = t.board.run(
      (tx) => [
        tx.create('note', { x: 500, y: 0, text: INCONTOURNABLES[0] }),
        tx.create('note', { x: 600, y: 300, rotation: Math.PI / 4, text: INCONTOURNABLES[1] }),
      ],
      t.me,
    ) as [string, string];
    // Turned by 45° about its (x, y), the note's box reaches ~141 px left of x.
    expect(box(t, turned).x).toBeCloseTo(600 - 200 * Math.SQRT1_2, 6);
    arrange(t, [straight, turned], 'left');
    expect(box(t, straight).x).toBeCloseTo(box(t, turned).x, 6);
    expect(t.board.getShape(turned)!.x).toBeCloseTo(600, 6);
    expect(t.board.getShape(straight)!.x).toBeCloseTo(600 - 200 * Math.SQRT1_2, 6);
    expect(t.board.getShape(turned)!.rotation).toBeCloseTo(Math.PI / 4, 9);
  });

  it('M34: a locked shape is neither moved nor an anchor (M33)', () => {
    const t = newTestBoard();
    const [locked, a, b] = notes(t, [
      { x: -800, y: 0 },
      { x: 300, y: 300 },
      { x: 500, y: 600 },
    ]) as [string, string, string];
    t.board.run((tx) => tx.lock([locked], true), t.me);
    const plan = arrange(t, [locked, a, b], 'left');
    expect(plan.locked).toEqual([locked]);
    expect(plan.arranged).toEqual([a, b]);
    expect([box(t, a).x, box(t, b).x]).toEqual([300, 300]);
    expect(box(t, locked).x).toBe(-800);
  });

  it('M34: everything chosen locked says so and writes nothing', () => {
    const t = newTestBoard();
    const ids = notes(t, [
      { x: 0, y: 0 },
      { x: 300, y: 300 },
    ]);
    t.board.run((tx) => tx.lock(ids, true), t.me);
    const vector = Y.encodeStateVector(t.doc);
    const plan = arrange(t, ids, 'right');
    expect(plan).toMatchObject({ outcome: 'allLocked', arranged: [], locked: ids, moves: [] });
    expect(Y.encodeStateVector(t.doc)).toEqual(vector);
  });

  it('M34: one shape, or two to distribute, is too few and changes nothing', () => {
    const t = newTestBoard();
    const ids = notes(t, [
      { x: 0, y: 0 },
      { x: 300, y: 700 },
    ]);
    expect(arrange(t, ids.slice(0, 1), 'left').outcome).toBe('tooFew');
    expect(arrange(t, ids, 'distributeHorizontal').outcome).toBe('tooFew');
    expect(box(t, ids[1]!)).toMatchObject({ x: 300, y: 700 });
  });

  it('M34: a carton moved by an alignment carries its children (M6); a chosen child is not moved twice', () => {
    const t = newTestBoard();
    const { board, me } = t;
    const [carton, inside, other] = board.run((tx) => {
      const c = tx.create('carton', {
        x: 600,
        y: 0,
        w: 800,
        h: 600,
        title: 'Conditions présentes',
      });
      return [
        c,
        tx.create('note', { x: 650, y: 100, parentId: c, text: CONDITIONS_PRESENTES[1] }),
        tx.create('note', { x: 100, y: 700, text: CONDITIONS_SOUHAITEES[0] }),
      ];
    }, me) as [string, string, string];
    const heading = board.run(
      (tx) => tx.create('text', { x: 700, y: 20, text: 'Conditions présentes', parentId: carton }),
      me,
    );
    board.run((tx) => tx.lock([heading], true), me);
    const plan = arrange(t, [carton, inside, other], 'left');
    expect(plan.arranged).toEqual([carton, other]);
    expect(plan.moves).toEqual([{ id: carton, dx: -500, dy: 0 }]);
    expect(board.getShape(carton)!.x).toBe(100);
    expect(board.getShape(inside)).toMatchObject({ x: 150, parentId: carton });
    // The carton's locked heading follows it too (M33: moving a carton moves its locked children).
    expect(board.getShape(heading)!.x).toBe(200);
    expect(checkInvariants(t.doc)).toEqual([]);
  });

  it('M34: a child of a locked carton is free: it aligns on its own', () => {
    const t = newTestBoard();
    const { board, me } = t;
    const [carton, inside, other] = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 1200, h: 800 });
      return [
        c,
        tx.create('note', { x: 500, y: 100, parentId: c }),
        tx.create('note', { x: 200, y: 400, parentId: c }),
      ];
    }, me) as [string, string, string];
    board.run((tx) => tx.lock([carton], true), me);
    const plan = arrange(t, [carton, inside, other], 'left');
    expect(plan).toMatchObject({ locked: [carton], arranged: [inside, other] });
    expect(board.getShape(inside)!.x).toBe(200);
    expect(board.getShape(carton)!.x).toBe(0);
  });

  it('M34: distribute gives equal gaps between shapes of unequal sizes, the outermost stay', () => {
    const t = newTestBoard();
    const ids = notes(t, [
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 900, y: 40, w: 50, h: 60 },
      { x: 120, y: 80, w: 300, h: 200 },
      { x: 500, y: 10, w: 80, h: 80 },
    ]);
    arrange(t, ids, 'distributeHorizontal');
    const boxes = ids.map((id) => box(t, id)).sort((a, b) => a.x - b.x);
    expect(boxes[0]!.x).toBe(0);
    expect(boxes[3]!.x).toBe(900);
    // Span 0..950, sizes 530: three gaps of 140.
    const gaps = boxes.slice(1).map((b, i) => b.x - (boxes[i]!.x + boxes[i]!.w));
    for (const gap of gaps) expect(gap).toBeCloseTo(140, 9);
    // A horizontal spread leaves the heights alone.
    expect(ids.map((id) => box(t, id).y)).toEqual([0, 40, 80, 10]);
  });

  it('M34: distribute vertically orders by centre and spaces the middle ones', () => {
    const t = newTestBoard();
    const ids = notes(t, [
      { x: 0, y: 1000, w: 100, h: 100 },
      { x: 0, y: 0, w: 100, h: 300 },
      { x: 0, y: 310, w: 100, h: 100 },
    ]);
    arrange(t, ids, 'distributeVertical');
    // Span 0..1100, sizes 500: gaps of 300, the small one from 600.
    expect(ids.map((id) => box(t, id).y)).toEqual([1000, 0, 600]);
  });

  it('M34: the grid takes the shapes in reading order from their top-left, about √n wide', () => {
    const t = newTestBoard();
    // Two loose rows: the second and fourth are a little lower than their row's first.
    const ids = notes(t, [
      { x: 900, y: 60 },
      { x: 100, y: 40 },
      { x: 500, y: 0 },
      { x: 700, y: 420 },
      { x: 60, y: 380 },
    ]);
    arrange(t, ids, 'grid');
    // Rows first, each left to right: 100, 500, 900 / 60, 700; the grid starts at (60, 0).
    const expected = new Map([
      [ids[1], { x: 60, y: 0 }],
      [ids[2], { x: 284, y: 0 }],
      [ids[0], { x: 508, y: 0 }],
      [ids[4], { x: 60, y: 224 }],
      [ids[3], { x: 284, y: 224 }],
    ]);
    for (const [id, at] of expected) expect(box(t, id!)).toMatchObject(at);
  });

  it('M34: reading order puts a row before the next even when shapes overlap in height', () => {
    const item = (id: string, x: number, y: number, h = 100) => ({ id, box: { x, y, w: 100, h } });
    const order = readingOrder([
      item('d', 0, 200),
      item('b', 300, 60),
      item('a', 0, 0),
      item('c', 600, 30),
      item('e', 300, 160),
    ]).map((i) => i.id);
    // b's centre is below a's bottom: a row of its own; d's is above e's bottom: e's row.
    expect(order).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('M34: in one carton the grid is as wide as the carton allows', () => {
    const t = newTestBoard();
    const { board, me } = t;
    const [carton, ...inside] = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 700, h: 1200 });
      return [
        c,
        ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
          tx.create('note', {
            x: 40 + (i % 2) * 30,
            y: 80 + i * 90,
            w: 150,
            h: 150,
            parentId: c,
            text: INCONTOURNABLES[i % INCONTOURNABLES.length],
          }),
        ),
      ];
    }, me) as [string, ...string[]];
    arrange(t, inside, 'grid');
    // From x 40 to 700 − 24 (636 px): three columns of 150 with gaps of 24 (498 px) fit; four
    // (672 px) would cross the carton's edge.
    const xs = new Set(inside.map((id) => box(t, id).x));
    expect([...xs].sort((a, b) => a - b)).toEqual([40, 214, 388]);
    for (const id of inside) expect(board.getShape(id)!.parentId).toBe(carton);
    expect(
      planArrange(
        inside.map((id) => board.getShape(id)!),
        'grid',
      ).moves,
    ).toEqual([]);
  });

  it('M34: a wide carton takes more columns than √n', () => {
    const t = newTestBoard();
    const { board, me } = t;
    const inside = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 2000, h: 800 });
      return [0, 1, 2, 3].map((i) => tx.create('note', { x: 20, y: 60 + i * 210, parentId: c }));
    }, me);
    arrange(t, inside, 'grid');
    expect(inside.map((id) => box(t, id).y)).toEqual([60, 60, 60, 60]);
    expect(inside.map((id) => box(t, id).x)).toEqual([20, 244, 468, 692]);
  });

  it('M34: arrows bound to moved shapes follow (M8); a bound arrow chosen is not arranged', () => {
    const t = newTestBoard();
    const { board, me } = t;
    const [a, b] = notes(t, [
      { x: 0, y: 0 },
      { x: 600, y: 400 },
    ]) as [string, string];
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', {
          x: 200,
          y: 100,
          start: { x: 0, y: 0 },
          end: { x: 400, y: 400 },
          startBinding: { shapeId: a, anchor: { x: 1, y: 0.5 } },
          endBinding: { shapeId: b, anchor: { x: 0, y: 0.5 } },
        }),
      me,
    );
    const plan = arrange(t, [a, b, arrow], 'top');
    expect(plan.arranged).toEqual([a, b]);
    const drawn = board.getShape(arrow);
    if (drawn?.type !== 'arrow') throw new Error('arrow missing');
    expect(drawn.y + drawn.end.y).toBe(100);
    expect(drawn.y + drawn.start.y).toBe(100);
  });

  it('M34/M19: an alignment and a peer’s concurrent edits converge', () => {
    const a = newTestBoard();
    const ids = notes(a, [
      { x: 0, y: 0 },
      { x: 300, y: 260 },
      { x: 700, y: 520 },
    ]) as [string, string, string];
    const b = forkPeer(a.doc, 'b');
    arrange(a, ids, 'left');
    b.board.run((tx) => {
      tx.update(ids[1], { color: 'pink', y: 900 });
      tx.update(ids[2], { x: 1200 });
      tx.lock([ids[0]], true);
    }, b.me);
    sync(a.doc, b.doc);
    expect(exportBoard(a.doc)).toEqual(exportBoard(b.doc));
    for (const peer of [a, b]) {
      expect(checkInvariants(peer.doc)).toEqual([]);
      // Per key: the colour and y survive the alignment's x; the lock holds.
      expect(peer.board.getShape(ids[1])).toMatchObject({ x: 0, y: 900, color: 'pink' });
      expect(peer.board.getShape(ids[0])!.locked).toBe(true);
    }
  });
});

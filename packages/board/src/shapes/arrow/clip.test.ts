import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../board/board.ts';
import { initBoardDoc } from '../../doc/layout.ts';
import { localOrigin } from '../../origin/origin.ts';
import type { Point } from '../common/geometry.ts';
import { toLocal, toPage } from '../common/geometry.ts';
import type { Shape } from '../registry.ts';
import type { ArrowShape } from './arrow.ts';
import { ARROW_GAP, arrowDrawnEnds } from './clip.ts';

type Input = Record<string, unknown>;

/** A board with two shapes joined by an arrow, read back as the editor and export read it. */
function joined(
  from: Input & { type?: 'note' | 'ellipse' },
  to: Input & { type?: 'note' | 'ellipse' },
  arrow: Input = {},
) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  const ids = board.run((tx) => {
    const a = tx.create(from.type ?? 'note', { text: 'Accompagnement', ...from } as never);
    const b = tx.create(to.type ?? 'note', { text: 'Les incontournables', ...to } as never);
    const id = tx.create('arrow', {
      x: 0,
      y: 0,
      startBinding: { shapeId: a, anchor: { x: 0.5, y: 0.5 } },
      endBinding: { shapeId: b, anchor: { x: 0.5, y: 0.5 } },
      width: 4,
      ...arrow,
    });
    return { a, b, id };
  }, localOrigin('user:test'));
  const get = (id: string) => board.getShape(id) as Shape;
  return { arrow: get(ids.id) as ArrowShape, a: get(ids.a), b: get(ids.b) };
}

const page = (arrow: ArrowShape, p: Point) => toPage(arrow, p);
const close = (p: Point, q: Point) => {
  expect(p.x).toBeCloseTo(q.x, 6);
  expect(p.y).toBeCloseTo(q.y, 6);
};

/** How far outside `shape`'s rotated box `p` is, along the axis it is outside of. */
function outsideBy(shape: Shape & { w: number; h: number }, p: Point): number {
  const l = toLocal(shape, p);
  const dx = Math.max(-l.x, l.x - shape.w, 0);
  const dy = Math.max(-l.y, l.y - shape.h, 0);
  return Math.hypot(dx, dy);
}

describe('arrowDrawnEnds: bound ends stop at their shape outline', () => {
  it('unrotated notes, both ends bound at their centres', () => {
    const { arrow, a, b } = joined(
      { x: 0, y: 0, w: 200, h: 200 },
      { x: 400, y: 0, w: 200, h: 200 },
    );
    // The model's ends stay on the anchors (inside the notes)...
    close(page(arrow, arrow.start), { x: 100, y: 100 });
    close(page(arrow, arrow.end), { x: 500, y: 100 });
    // ...the drawn ends stop short of the outlines: the gap, plus half the width at the start.
    const drawn = arrowDrawnEnds(arrow, { start: a, end: b });
    close(page(arrow, drawn.start), { x: 200 + ARROW_GAP + 2, y: 100 });
    close(page(arrow, drawn.end), { x: 400 - ARROW_GAP, y: 100 });
  });

  it('a rotated target: the end is on its rotated outline, on the line between the anchors', () => {
    const { arrow, a, b } = joined(
      { x: 0, y: 300, w: 200, h: 200 },
      { x: 420, y: 380, w: 200, h: 200, rotation: 0.35 },
    );
    const drawn = arrowDrawnEnds(arrow, { start: a, end: b });
    const s = page(arrow, arrow.start);
    const e = page(arrow, arrow.end);
    const end = page(arrow, drawn.end);
    const length = Math.hypot(e.x - s.x, e.y - s.y);
    const dir = { x: (e.x - s.x) / length, y: (e.y - s.y) / length };
    // On the anchor line...
    expect(Math.abs((end.x - s.x) * dir.y - (end.y - s.y) * dir.x)).toBeLessThan(1e-6);
    // ...ARROW_GAP before the rotated note's edge (the naive axis-aligned box would differ).
    const onEdge = { x: end.x + dir.x * ARROW_GAP, y: end.y + dir.y * ARROW_GAP };
    expect(outsideBy(b as never, onEdge)).toBeLessThan(1e-6);
    expect(outsideBy(b as never, end)).toBeGreaterThan(ARROW_GAP - 1);
    // The start: the gap and half the width before the note's edge, along the line.
    const start = page(arrow, drawn.start);
    const back = ARROW_GAP + 2;
    expect(
      outsideBy(a as never, { x: start.x - dir.x * back, y: start.y - dir.y * back }),
    ).toBeLessThan(1e-6);
    expect(outsideBy(a as never, start)).toBeGreaterThan(ARROW_GAP - 1);
  });

  it('a rotated arrow frame gives the same page points', () => {
    const { arrow, a, b } = joined(
      { x: 0, y: 0, w: 200, h: 200 },
      { x: 400, y: 0, w: 200, h: 200 },
    );
    const turned = { ...arrow, x: 30, y: -20, rotation: 0.6 };
    const local = (p: Point) => toLocal(turned, page(arrow, p));
    const moved = { ...turned, start: local(arrow.start), end: local(arrow.end) };
    const drawn = arrowDrawnEnds(moved, { start: a, end: b });
    close(page(moved, drawn.start), { x: 209, y: 100 });
    close(page(moved, drawn.end), { x: 393, y: 100 });
  });

  it('one end free: only the bound end moves', () => {
    const { arrow, b } = joined(
      { x: 0, y: 0, w: 200, h: 200 },
      { x: 400, y: 0, w: 200, h: 200 },
      { x: -300, y: 100, start: { x: 0, y: 0 }, end: { x: 0, y: 0 }, startBinding: null },
    );
    const drawn = arrowDrawnEnds(arrow, { end: b });
    expect(drawn.start).toBe(arrow.start);
    close(page(arrow, drawn.end), { x: 400 - ARROW_GAP, y: 100 });
  });

  it('an ellipse: the end is on the ellipse, not its box', () => {
    const { arrow, a, b } = joined(
      { x: 0, y: 0, w: 200, h: 200 },
      { type: 'ellipse', x: 500, y: 250, w: 300, h: 160 },
    );
    const drawn = arrowDrawnEnds(arrow, { start: a, end: b });
    const s = page(arrow, arrow.start);
    const e = page(arrow, arrow.end);
    const length = Math.hypot(e.x - s.x, e.y - s.y);
    const end = page(arrow, drawn.end);
    const onEdge = {
      x: end.x + ((e.x - s.x) / length) * ARROW_GAP,
      y: end.y + ((e.y - s.y) / length) * ARROW_GAP,
    };
    expect(((onEdge.x - 650) / 150) ** 2 + ((onEdge.y - 330) / 80) ** 2).toBeCloseTo(1, 6);
  });

  it('overlapping shapes fall back to the line between the anchors, without NaN', () => {
    // Each anchor inside both notes: no outline to stop at.
    const inside = joined({ x: 0, y: 0, w: 200, h: 200 }, { x: 50, y: 0, w: 200, h: 200 });
    expect(arrowDrawnEnds(inside.arrow, { start: inside.a, end: inside.b })).toEqual({
      start: inside.arrow.start,
      end: inside.arrow.end,
    });
    // Half overlapping: the clipped ends would cross each other.
    const half = joined({ x: 0, y: 0, w: 200, h: 200 }, { x: 150, y: 0, w: 200, h: 200 });
    const drawn = arrowDrawnEnds(half.arrow, { start: half.a, end: half.b });
    expect(drawn).toEqual({ start: half.arrow.start, end: half.arrow.end });
    // Both ends on the same spot.
    const same = joined({ x: 0, y: 0, w: 200, h: 200 }, { x: 0, y: 0, w: 200, h: 200 });
    const none = arrowDrawnEnds(same.arrow, { start: same.a, end: same.b });
    expect([none.start.x, none.start.y, none.end.x, none.end.y].every(Number.isFinite)).toBe(true);
  });

  it('ignores targets that are not the bound shapes', () => {
    const { arrow, a, b } = joined(
      { x: 0, y: 0, w: 200, h: 200 },
      { x: 400, y: 0, w: 200, h: 200 },
    );
    expect(arrowDrawnEnds(arrow, { start: b, end: a })).toEqual({
      start: arrow.start,
      end: arrow.end,
    });
    expect(arrowDrawnEnds(arrow, {})).toEqual({ start: arrow.start, end: arrow.end });
  });
});

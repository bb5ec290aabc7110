import { describe, expect, it } from 'vitest';
import { shapeBounds, toPage, type Shape } from '@carton/board';
import { normaliseAngle, transformPatch } from './shellTransform';

const base = { index: 'a0', parentId: null, rotation: 0 };
const note = {
  ...base,
  id: 'shape:note',
  type: 'note',
  x: 100,
  y: 100,
  w: 200,
  h: 200,
  text: 'Participation citoyenne',
  color: 'yellow',
} as unknown as Shape;
const rect = {
  ...base,
  id: 'shape:rect',
  type: 'rect',
  x: 400,
  y: 100,
  w: 100,
  h: 50,
  color: 'blue',
  fill: 'none',
  strokeWidth: 4,
} as unknown as Shape;
const stroke = {
  ...base,
  id: 'shape:stroke',
  type: 'stroke',
  x: 100,
  y: 400,
  points: [0, 0, 0.5, 100, 50, 0.5],
  color: 'black',
  width: 4,
} as unknown as Shape;
const stamp = {
  ...base,
  id: 'shape:stamp',
  type: 'stamp',
  x: 450,
  y: 400,
  kind: 'heart',
  size: 50,
  color: 'red',
} as unknown as Shape;

const apply = (shape: Shape, patch: Record<string, unknown> | null) =>
  ({ ...shape, ...patch }) as Shape;

describe('shell transforms', () => {
  it('rotation turns the shape about the centre given, in the model’s convention', () => {
    const centre = { x: 200, y: 200 };
    const turned = apply(
      note,
      transformPatch(note, { kind: 'rotate', center: centre, angle: Math.PI / 2 }),
    );
    expect(turned.rotation).toBeCloseTo(Math.PI / 2);
    // The note's centre (local 100, 100) stays put: rotation is about (x, y) in the model.
    const c = toPage(turned, { x: 100, y: 100 });
    expect(c.x).toBeCloseTo(200);
    expect(c.y).toBeCloseTo(200);
    const b = shapeBounds(turned);
    expect(b.x).toBeCloseTo(100);
    expect(b.w).toBeCloseTo(200);
  });

  it('angles stay within one turn', () => {
    expect(normaliseAngle(Math.PI * 3)).toBeCloseTo(Math.PI);
    expect(normaliseAngle(-Math.PI * 1.5)).toBeCloseTo(Math.PI / 2);
    expect(normaliseAngle(Math.PI * 2)).toBe(0);
  });

  it('scaling a box of many shapes stretches free shapes and strokes, not notes or stamps', () => {
    const from = { x: 100, y: 100, width: 400, height: 350 };
    const to = { x: 100, y: 100, width: 800, height: 350 };
    const t = { kind: 'scale', from, to } as const;
    const r = shapeBounds(apply(rect, transformPatch(rect, t)));
    expect(r).toEqual({ x: 700, y: 100, w: 200, h: 50 });
    const n = apply(note, transformPatch(note, t));
    // Keeps its aspect (the smaller factor, 1) and stays at the anchored west edge.
    expect(n).toMatchObject({ w: 200, h: 200, x: 100, y: 100 });
    const s = apply(stroke, transformPatch(stroke, t));
    expect((s as Extract<Shape, { type: 'stroke' }>).points).toEqual([0, 0, 0.5, 200, 50, 0.5]);
    expect(s.x).toBe(100);
    const st = apply(stamp, transformPatch(stamp, t));
    expect((st as Extract<Shape, { type: 'stamp' }>).size).toBe(50);
    // Its west edge (450) goes to 100 + 350 × 2 = 800.
    expect(st.x).toBe(800);
  });

  it('a rotated shape scales uniformly about the anchor', () => {
    const turned = { ...rect, rotation: Math.PI / 6 } as Shape;
    const b = shapeBounds(turned);
    const from = { x: b.x, y: b.y, width: b.w, height: b.h };
    const to = { x: b.x, y: b.y, width: b.w * 2, height: b.h * 2 };
    const after = shapeBounds(apply(turned, transformPatch(turned, { kind: 'scale', from, to })));
    expect(after.x).toBeCloseTo(to.x);
    expect(after.y).toBeCloseTo(to.y);
    expect(after.w).toBeCloseTo(to.width);
    expect(after.h).toBeCloseTo(to.height);
  });
});

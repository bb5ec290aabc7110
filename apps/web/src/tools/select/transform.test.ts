// The select tool's rotate and multi-resize gestures, path by path.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeContext, at, info } from '../fakeContext';
import type { Plan, Transform } from '../types';
import { SelectTool } from './select';

function transformOf(plans: Plan[]): Transform | undefined {
  const plan = plans.find((p) => p.kind === 'transform');
  return plan?.kind === 'transform' ? plan.transform : undefined;
}

describe('select tool: rotating and resizing many', () => {
  let ctx: FakeContext;
  let tool: SelectTool;

  beforeEach(() => {
    ctx = new FakeContext([
      info('carton', { x: 0, y: 0, width: 600, height: 400 }, { type: 'carton' }),
      info(
        'a',
        { x: 10, y: 100, width: 100, height: 100 },
        { parentId: 'carton', keepAspect: true },
      ),
      info('b', { x: 1000, y: 1000, width: 100, height: 100 }, { type: 'rect' }),
      info('c', { x: 1200, y: 1100, width: 100, height: 100 }, { type: 'rect' }),
      info('far', { x: 5000, y: 5000, width: 40, height: 40 }, { type: 'rect' }),
    ]);
    tool = new SelectTool();
  });

  it('idle → rotating → idle: the rotate handle turns the selection about its centre', () => {
    ctx.selection = ['b'];
    ctx.handle = 'rotate';
    expect(tool.pointerDown(ctx, at(1050, 970))).toEqual([{ kind: 'beginGesture' }]);
    expect(tool.state).toBe('select.rotating');
    // From straight above the centre (1050, 1050) to straight right of it: a quarter turn.
    const t = transformOf(tool.pointerMove(ctx, at(1130, 1050)));
    expect(t?.kind).toBe('rotate');
    if (t?.kind !== 'rotate') return;
    expect(t.center).toEqual({ x: 1050, y: 1050 });
    expect(t.angle).toBeCloseTo(Math.PI / 2);
    expect(tool.pointerUp(ctx, at(1130, 1050))).toEqual([{ kind: 'endGesture' }]);
    expect(tool.state).toBe('select.idle');
  });

  it('rotating with Shift lands the shape on a 15° step', () => {
    ctx.shapes[2] = info('b', { x: 1000, y: 1000, width: 100, height: 100 }, { rotation: 0.1 });
    ctx.selection = ['b'];
    ctx.handle = 'rotate';
    tool.pointerDown(ctx, at(1050, 970));
    // 5.7° + about 20° clockwise: the nearest step is 30°.
    const a = (20 * Math.PI) / 180;
    const p = at(1050 + 80 * Math.sin(a), 1050 - 80 * Math.cos(a), { shift: true });
    const t = transformOf(tool.pointerMove(ctx, p));
    if (t?.kind !== 'rotate') throw new Error('expected a rotation');
    const final = 0.1 + t.angle;
    expect(final / (Math.PI / 12)).toBeCloseTo(Math.round(final / (Math.PI / 12)));
    expect((final * 180) / Math.PI).toBeCloseTo(30);
  });

  it('rotating many shapes turns them about the centre of their common box', () => {
    ctx.selection = ['b', 'c'];
    ctx.handle = 'rotate';
    tool.pointerDown(ctx, at(1150, 900));
    const t = transformOf(tool.pointerMove(ctx, at(1300, 1100)));
    if (t?.kind !== 'rotate') throw new Error('expected a rotation');
    expect(t.center).toEqual({ x: 1150, y: 1100 });
  });

  it('Escape while rotating ends the gesture', () => {
    ctx.selection = ['b'];
    ctx.handle = 'rotate';
    tool.pointerDown(ctx, at(1050, 970));
    tool.pointerMove(ctx, at(1100, 1000));
    expect(tool.keyDown(ctx, { key: 'Escape', shift: false, mod: false })).toEqual([
      { kind: 'endGesture' },
    ]);
    expect(tool.state).toBe('select.idle');
  });

  it('resizing many scales their common box about the opposite corner', () => {
    ctx.selection = ['b', 'c'];
    ctx.handle = 'se';
    expect(tool.pointerDown(ctx, at(1300, 1200))).toEqual([{ kind: 'beginGesture' }]);
    expect(tool.state).toBe('select.resizing');
    const plans = tool.pointerMove(ctx, at(1600, 1300));
    expect(plans[0]).toEqual({
      kind: 'transform',
      ids: ['b', 'c'],
      transform: {
        kind: 'scale',
        from: { x: 1000, y: 1000, width: 300, height: 200 },
        to: { x: 1000, y: 1000, width: 600, height: 300 },
      },
    });
    expect(tool.pointerUp(ctx, at(1600, 1300)).at(-1)).toEqual({ kind: 'endGesture' });
  });

  it('a rotated shape in the selection keeps the whole box’s aspect', () => {
    ctx.shapes[3] = info('c', { x: 1200, y: 1100, width: 100, height: 100 }, { rotation: 0.5 });
    ctx.selection = ['b', 'c'];
    ctx.handle = 'e';
    tool.pointerDown(ctx, at(1300, 1100));
    const t = transformOf(tool.pointerMove(ctx, at(1600, 1100)));
    if (t?.kind !== 'scale') throw new Error('expected a scale');
    expect(t.to.width / t.to.height).toBeCloseTo(300 / 200);
  });

  it('a resized edge snaps to another shape’s edge and shows a guide', () => {
    ctx.selection = ['b'];
    ctx.handle = 'e';
    tool.pointerDown(ctx, at(1100, 1050));
    const plans = tool.pointerMove(ctx, at(1197, 1050));
    const t = transformOf(plans);
    if (t?.kind !== 'scale') throw new Error('expected a scale');
    expect(t.to.x + t.to.width).toBe(1200);
    expect(plans).toContainEqual({
      kind: 'guides',
      guides: [{ axis: 'x', at: 1200, from: 1000, to: 1200 }],
    });
  });

  it('a carton resized over a shape adopts it and releases a child left outside', () => {
    ctx.selection = ['carton'];
    ctx.handle = 'w';
    tool.pointerDown(ctx, at(0, 200));
    // The west edge moves right past the note 'a' (x 10–110): it is now outside.
    tool.pointerMove(ctx, at(200, 200));
    const up = tool.pointerUp(ctx, at(200, 200));
    expect(up).toContainEqual({ kind: 'reparent', ids: ['a'], cartonId: null });
    ctx.selection = ['carton'];
    ctx.handle = 'se';
    tool.pointerDown(ctx, at(600, 400));
    tool.pointerMove(ctx, at(1400, 1300));
    const grown = tool.pointerUp(ctx, at(1400, 1300));
    expect(grown).toContainEqual({ kind: 'reparent', ids: ['b', 'c'], cartonId: 'carton' });
    expect(grown.map((p) => p.kind).slice(-1)).toEqual(['endGesture']);
  });
});

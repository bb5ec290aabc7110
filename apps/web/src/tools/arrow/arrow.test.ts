import { describe, expect, it } from 'vitest';
import type { Point } from '../../geometry/rect';
import { FakeContext, at, info } from '../fakeContext';
import type { ShapeInfo } from '../types';
import { ArrowTool } from './arrow';

/** The fake board, passing through the types a query skips (as the Scene does). */
class SkippingContext extends FakeContext {
  override shapeAt(
    world: Point,
    px?: number,
    options: { locked?: boolean; skipTypes?: readonly string[] } = {},
  ): ShapeInfo | null {
    const skip = options.skipTypes ?? [];
    const kept = new FakeContext(this.shapes.filter((s) => !skip.includes(s.type)));
    return kept.shapeAt(world, px, options);
  }
}

function board() {
  return new FakeContext([
    info('n1', { x: 0, y: 0, width: 100, height: 100 }),
    info('n2', { x: 400, y: 0, width: 100, height: 100 }),
    info('s', { x: 0, y: 300, width: 100, height: 100 }, { type: 'stroke' }),
  ]);
}

describe('arrow tool', () => {
  it('M33: an arrow may end on a locked heading (binding does not change it)', () => {
    const ctx = new FakeContext([
      info('heading', { x: 400, y: 0, width: 300, height: 60 }, { type: 'text', locked: true }),
      info('n1', { x: 0, y: 0, width: 100, height: 100 }),
    ]);
    const tool = new ArrowTool();
    tool.pointerDown(ctx, at(50, 50));
    tool.pointerMove(ctx, at(200, 50));
    const plans = tool.pointerUp(ctx, at(450, 30));
    expect(plans).toContainEqual(
      expect.objectContaining({ end: { point: { x: 450, y: 30 }, shapeId: 'heading' } }),
    );
  });

  it('idle → pointing → drawing → idle: binds both ends to the shapes under them', () => {
    const ctx = board();
    const tool = new ArrowTool();
    expect(tool.pointerDown(ctx, at(50, 50))).toEqual([]);
    expect(tool.state).toBe('arrow.pointing');
    expect(tool.pointerMove(ctx, at(52, 50))).toEqual([]);
    const move = tool.pointerMove(ctx, at(200, 50));
    expect(tool.state).toBe('arrow.drawing');
    expect(move).toEqual([
      {
        kind: 'preview',
        preview: { kind: 'arrow', start: { x: 50, y: 50 }, end: { x: 200, y: 50 }, color: 'blue' },
      },
    ]);
    expect(tool.pointerUp(ctx, at(450, 50))).toEqual([
      { kind: 'preview', preview: null },
      {
        kind: 'create',
        shapeType: 'arrow',
        start: { point: { x: 50, y: 50 }, shapeId: 'n1' },
        end: { point: { x: 450, y: 50 }, shapeId: 'n2' },
        color: 'blue',
      },
      { kind: 'setTool', tool: 'select' },
    ]);
    expect(tool.state).toBe('arrow.idle');
  });

  it('ends on empty canvas or on strokes stay free', () => {
    const ctx = board();
    const tool = new ArrowTool();
    tool.pointerDown(ctx, at(50, 350));
    tool.pointerMove(ctx, at(300, 300));
    const up = tool.pointerUp(ctx, at(300, 250));
    const create = up[1];
    expect(
      create?.kind === 'create' &&
        create.shapeType === 'arrow' && [create.start.shapeId, create.end.shapeId],
    ).toEqual([null, null]);
  });

  it('a click on empty canvas creates nothing', () => {
    const ctx = board();
    const tool = new ArrowTool();
    tool.pointerDown(ctx, at(250, 250));
    expect(tool.pointerUp(ctx, at(250, 250))).toEqual([]);
    expect(tool.state).toBe('arrow.idle');
  });

  it('a tap on one shape then on another draws the arrow between their centres', () => {
    const ctx = board();
    const tool = new ArrowTool();
    const tap = (x: number, y: number) => (
      tool.pointerDown(ctx, at(x, y)),
      tool.pointerUp(ctx, at(x, y))
    );
    // The start is chosen and marked on the board (the shell keeps the mark).
    const chosen = [
      { kind: 'select', ids: ['n1'] },
      { kind: 'arrowStart', id: 'n1' },
    ];
    expect(tap(20, 30)).toEqual(chosen);
    expect(tool.state).toBe('arrow.started');
    // The same shape again keeps it as the start; a stroke is no end and forgets it (and its mark).
    expect(tap(80, 80)).toEqual(chosen);
    expect(tap(50, 350)).toEqual([{ kind: 'arrowStart', id: null }]);
    expect(tool.state).toBe('arrow.idle');
    expect(tap(250, 250)).toEqual([]);
    tap(20, 30);
    expect(tap(420, 10)).toEqual([
      { kind: 'arrowStart', id: null },
      {
        kind: 'create',
        shapeType: 'arrow',
        start: { point: { x: 50, y: 50 }, shapeId: 'n1' },
        end: { point: { x: 450, y: 50 }, shapeId: 'n2' },
        color: 'blue',
      },
    ]);
    expect(tool.state).toBe('arrow.idle');
    // Leaving the tool (Escape, another tool) forgets a chosen start and clears its mark.
    tap(20, 30);
    expect(tool.cancel()).toEqual([{ kind: 'arrowStart', id: null }]);
    expect(tool.state).toBe('arrow.idle');
    expect(tool.cancel()).toEqual([]);
    // A second finger (a pinch to reach the end) abandons the press, not the chosen start.
    tap(20, 30);
    tool.pointerDown(ctx, at(300, 300));
    expect(tool.abort()).toEqual([]);
    expect(tool.state).toBe('arrow.started');
    expect(tap(420, 10)[1]).toMatchObject({ kind: 'create', shapeType: 'arrow' });
  });

  it('Enter on the chosen shape is a tap on it (the keyboard’s way)', () => {
    const ctx = board();
    const tool = new ArrowTool();
    const enter = { key: 'Enter', shift: false, mod: false };
    ctx.selection = ['n2'];
    expect(tool.keyDown(ctx, enter)).toEqual([
      { kind: 'select', ids: ['n2'] },
      { kind: 'arrowStart', id: 'n2' },
    ]);
    ctx.selection = ['n1'];
    const [unmark, create] = tool.keyDown(ctx, enter);
    expect(unmark).toEqual({ kind: 'arrowStart', id: null });
    expect(
      create?.kind === 'create' &&
        create.shapeType === 'arrow' && [create.start.shapeId, create.end.shapeId],
    ).toEqual(['n2', 'n1']);
    expect(tool.keyDown(ctx, { ...enter, key: 'a' })).toEqual([]);
  });

  it('an arrow from or to a heart on a note holds to the note; a heart alone is an end', () => {
    const ctx = new SkippingContext([
      info('idea', { x: 0, y: 0, width: 200, height: 200 }),
      info('heart', { x: 20, y: 20, width: 40, height: 40 }, { type: 'stamp' }),
      info('other', { x: 400, y: 0, width: 200, height: 200 }),
      info('star', { x: 420, y: 20, width: 40, height: 40 }, { type: 'stamp' }),
      info('lone', { x: 0, y: 400, width: 40, height: 40 }, { type: 'stamp' }),
    ]);
    const tool = new ArrowTool();
    const ends = (from: number[], to: number[]) => {
      tool.pointerDown(ctx, at(from[0]!, from[1]!));
      tool.pointerMove(ctx, at(300, 300));
      const create = tool.pointerUp(ctx, at(to[0]!, to[1]!))[1];
      return create?.kind === 'create' && create.shapeType === 'arrow'
        ? [create.start.shapeId, create.end.shapeId]
        : null;
    };
    expect(ends([40, 40], [440, 40])).toEqual(['idea', 'other']);
    expect(ends([20, 420], [440, 40])).toEqual(['lone', 'other']);
    // A tap on the heart chooses its note as the start.
    tool.pointerDown(ctx, at(40, 40));
    expect(tool.pointerUp(ctx, at(40, 40))).toContainEqual({ kind: 'arrowStart', id: 'idea' });
  });

  it('both ends on one shape keep the end free', () => {
    const ctx = board();
    const tool = new ArrowTool();
    tool.pointerDown(ctx, at(10, 10));
    tool.pointerMove(ctx, at(90, 90));
    const create = tool.pointerUp(ctx, at(90, 90))[1];
    expect(create?.kind === 'create' && create.shapeType === 'arrow' && create.end.shapeId).toBe(
      null,
    );
  });
});

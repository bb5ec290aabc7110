// The select tool and locked shapes (M33): pointers go through them, a finger's drag on one pans.
import { describe, expect, it } from 'vitest';
import { FakeContext, at, info } from '../fakeContext';
import { SelectTool } from './select';

function lockedCarton(): FakeContext {
  return new FakeContext([
    info(
      'carton',
      { x: 0, y: 0, width: 1600, height: 1000 },
      {
        type: 'carton',
        locked: true,
      },
    ),
    info('heading', { x: 120, y: 84, width: 620, height: 58 }, { type: 'text', locked: true }),
    info('note', { x: 60, y: 190, width: 200, height: 200 }, { parentId: 'carton' }),
  ]);
}

describe('select tool on locked shapes', () => {
  it('M33: a mouse drag on a locked heading moves nothing: it draws a marquee', () => {
    const ctx = lockedCarton();
    const tool = new SelectTool();
    expect(tool.pointerDown(ctx, at(200, 100))).toEqual([{ kind: 'select', ids: [] }]);
    const plans = tool.pointerMove(ctx, at(400, 300));
    expect(tool.state).toBe('select.marquee');
    expect(plans.some((p) => p.kind === 'move')).toBe(false);
  });

  it('M33: a finger dragging on the locked carton pans the view', () => {
    const ctx = lockedCarton();
    const tool = new SelectTool();
    tool.pointerDown(ctx, at(800, 600, { pointerType: 'touch' }));
    expect(tool.pointerMove(ctx, at(830, 640, { pointerType: 'touch' }))).toEqual([
      { kind: 'pan', dx: 30, dy: 40 },
    ]);
    expect(tool.state).toBe('select.panning');
    expect(tool.pointerMove(ctx, at(840, 640, { pointerType: 'touch' }))).toEqual([
      { kind: 'pan', dx: 10, dy: 0 },
    ]);
    expect(tool.pointerUp(ctx, at(840, 640, { pointerType: 'touch' }))).toEqual([]);
  });

  it('M33: the note in the locked carton is still picked and dragged', () => {
    const ctx = lockedCarton();
    const tool = new SelectTool();
    expect(tool.pointerDown(ctx, at(100, 250, { pointerType: 'touch' }))).toEqual([
      { kind: 'select', ids: ['note'] },
    ]);
    ctx.selection = ['note'];
    const plans = tool.pointerMove(ctx, at(150, 300, { pointerType: 'touch' }));
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'note', x: 110, y: 240 }] });
  });

  it('M33: Delete leaves a chosen locked shape, chosen; a drag leaves it where it is', () => {
    const ctx = lockedCarton();
    const tool = new SelectTool();
    ctx.selection = ['heading'];
    expect(tool.keyDown(ctx, { key: 'Delete', shift: false, mod: false })).toEqual([]);
    ctx.selection = ['heading', 'note'];
    expect(tool.keyDown(ctx, { key: 'Delete', shift: false, mod: false })).toEqual([
      { kind: 'delete', ids: ['note'] },
      { kind: 'select', ids: ['heading'] },
    ]);
    tool.pointerDown(ctx, at(100, 250));
    const plans = tool.pointerMove(ctx, at(150, 300));
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'note', x: 110, y: 240 }] });
  });
});

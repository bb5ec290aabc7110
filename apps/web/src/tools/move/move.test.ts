import { describe, expect, it } from 'vitest';
import { FakeContext, at, info } from '../fakeContext';
import { MoveTool } from './move';

// A carton « Conditions présentes » on the left, a note « Logement » outside it on the right.
function board() {
  const ctx = new FakeContext([
    info('carton', { x: 0, y: 0, width: 600, height: 400 }, { type: 'carton' }),
    info('note', { x: 800, y: 0, width: 200, height: 200 }),
    info('child', { x: 50, y: 50, width: 100, height: 100 }, { parentId: 'carton' }),
  ]);
  return ctx;
}

describe('move tool (« Déplacer », moving without a drag)', () => {
  it('a tap sets the chosen shapes down centred there, one undo step, a carton takes it in', () => {
    const ctx = board();
    ctx.selection = ['note'];
    const tool = new MoveTool();
    expect(tool.pointerDown(ctx, at(300, 200))).toEqual([]);
    expect(tool.state).toBe('move.pointing');
    expect(tool.pointerUp(ctx, at(300, 200))).toEqual([
      { kind: 'beginGesture' },
      { kind: 'move', moves: [{ id: 'note', x: 200, y: 100 }] },
      { kind: 'reparent', ids: ['note'], cartonId: 'carton' },
      { kind: 'endGesture' },
      { kind: 'setTool', tool: 'select' },
    ]);
    expect(tool.state).toBe('move.idle');
  });

  it('moves a carton with its child inside (the carton carries it), the box centred', () => {
    const ctx = board();
    ctx.selection = ['carton', 'child'];
    const tool = new MoveTool();
    tool.pointerDown(ctx, at(1300, 1200));
    const plans = tool.pointerUp(ctx, at(1300, 1200));
    expect(plans[1]).toEqual({ kind: 'move', moves: [{ id: 'carton', x: 1000, y: 1000 }] });
    // Set down on the empty board: nothing joins or leaves a carton.
    expect(plans.map((p) => p.kind)).toEqual(['beginGesture', 'move', 'endGesture', 'setTool']);
  });

  it('a drag moves the view instead, and the tool keeps waiting for its tap', () => {
    const ctx = board();
    ctx.selection = ['note'];
    const tool = new MoveTool();
    tool.pointerDown(ctx, at(100, 100));
    expect(tool.pointerMove(ctx, at(102, 100))).toEqual([]);
    expect(tool.pointerMove(ctx, at(150, 120))).toEqual([{ kind: 'pan', dx: 50, dy: 20 }]);
    expect(tool.pointerMove(ctx, at(160, 120))).toEqual([{ kind: 'pan', dx: 10, dy: 0 }]);
    expect(tool.state).toBe('move.panning');
    expect(tool.pointerUp(ctx, at(160, 120))).toEqual([]);
    expect(tool.state).toBe('move.idle');
  });

  it('with nothing chosen a tap only goes back to Select; cancel forgets a press', () => {
    const ctx = board();
    const tool = new MoveTool();
    tool.pointerDown(ctx, at(10, 10));
    expect(tool.pointerUp(ctx, at(10, 10))).toEqual([{ kind: 'setTool', tool: 'select' }]);
    tool.pointerDown(ctx, at(10, 10));
    expect(tool.cancel()).toEqual([]);
    expect(tool.state).toBe('move.idle');
  });
});

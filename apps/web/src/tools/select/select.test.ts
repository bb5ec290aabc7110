import { beforeEach, describe, expect, it } from 'vitest';
import { FakeContext, at, info } from '../fakeContext';
import type { Rect } from '../../geometry/rect';
import type { Plan } from '../types';
import { SelectTool } from './select';

function kinds(plans: Plan[]): string[] {
  return plans.map((p) => p.kind);
}

describe('select tool', () => {
  let ctx: FakeContext;
  let tool: SelectTool;

  beforeEach(() => {
    ctx = new FakeContext([
      info('carton', { x: 0, y: 0, width: 600, height: 400 }, { type: 'carton', editable: true }),
      info(
        'a',
        { x: 10, y: 10, width: 100, height: 100 },
        { parentId: 'carton', keepAspect: true, editable: true },
      ),
      info('b', { x: 1000, y: 1000, width: 100, height: 100 }),
    ]);
    tool = new SelectTool();
  });

  it('idle → pointing → idle: a click selects the shape under the pointer', () => {
    expect(tool.state).toBe('select.idle');
    expect(tool.pointerDown(ctx, at(50, 50))).toEqual([{ kind: 'select', ids: ['a'] }]);
    expect(tool.state).toBe('select.pointing');
    ctx.selection = ['a'];
    expect(tool.pointerUp(ctx, at(50, 50))).toEqual([]);
    expect(tool.state).toBe('select.idle');
  });

  it('a second click on the one selected note opens its text; not a drag, nor a first click', () => {
    tool.pointerDown(ctx, at(50, 50));
    ctx.selection = ['a'];
    expect(tool.pointerUp(ctx, at(50, 50))).toEqual([]);
    expect(tool.pointerDown(ctx, at(50, 50))).toEqual([]);
    expect(tool.pointerUp(ctx, at(50, 50))).toEqual([{ kind: 'edit', id: 'a' }]);
    // Dragging the selected note moves it and opens nothing.
    tool.pointerDown(ctx, at(50, 50));
    tool.pointerMove(ctx, at(250, 250));
    expect(kinds(tool.pointerUp(ctx, at(250, 250)))).not.toContain('edit');
    // A shape without text, or a carton (moved more often than renamed), is only selected.
    ctx.selection = ['b'];
    tool.pointerDown(ctx, at(1050, 1050));
    expect(tool.pointerUp(ctx, at(1050, 1050))).toEqual([]);
    ctx.selection = ['carton'];
    tool.pointerDown(ctx, at(300, 300));
    expect(tool.pointerUp(ctx, at(300, 300))).toEqual([]);
  });

  it('a click on empty canvas clears the selection', () => {
    ctx.selection = ['a'];
    expect(tool.pointerDown(ctx, at(800, 800))).toEqual([{ kind: 'select', ids: [] }]);
  });

  it('shift-click adds, and shift-click on a selected shape removes it on pointer-up', () => {
    ctx.selection = ['a'];
    expect(tool.pointerDown(ctx, at(1050, 1050, { shift: true }))).toEqual([
      { kind: 'select', ids: ['a', 'b'] },
    ]);
    tool.pointerUp(ctx, at(1050, 1050, { shift: true }));
    ctx.selection = ['a', 'b'];
    expect(tool.pointerDown(ctx, at(50, 50, { shift: true }))).toEqual([]);
    expect(tool.pointerUp(ctx, at(50, 50, { shift: true }))).toEqual([
      { kind: 'select', ids: ['b'] },
    ]);
  });

  it('pointing → dragging: one undo step, moves at absolute positions, small jitter is not a drag', () => {
    tool.pointerDown(ctx, at(50, 50));
    ctx.selection = ['a'];
    expect(tool.pointerMove(ctx, at(51, 51))).toEqual([]);
    expect(tool.state).toBe('select.pointing');
    const plans = tool.pointerMove(ctx, at(250, 250));
    expect(tool.state).toBe('select.dragging');
    expect(kinds(plans)).toEqual(['beginGesture', 'move', 'guides']);
    expect(plans[1]).toEqual({ kind: 'move', moves: [{ id: 'a', x: 210, y: 210 }] });
  });

  it('dragging a shape out of its carton releases it; into a carton adopts it', () => {
    tool.pointerDown(ctx, at(50, 50));
    ctx.selection = ['a'];
    tool.pointerMove(ctx, at(850, 850));
    // The fake context reads positions from the list: apply the move the shell would apply.
    ctx.shapes[1] = info('a', { x: 810, y: 810, width: 100, height: 100 }, { parentId: 'carton' });
    const up = tool.pointerUp(ctx, at(850, 850));
    expect(up).toContainEqual({ kind: 'reparent', ids: ['a'], cartonId: null });
    expect(up.at(-1)).toEqual({ kind: 'endGesture' });

    ctx.selection = ['b'];
    tool.pointerDown(ctx, at(1050, 1050));
    tool.pointerMove(ctx, at(250, 250));
    ctx.shapes[2] = info('b', { x: 200, y: 200, width: 100, height: 100 });
    expect(tool.pointerUp(ctx, at(250, 250))).toContainEqual({
      kind: 'reparent',
      ids: ['b'],
      cartonId: 'carton',
    });
  });

  it('moving a carton with its note selected moves only the carton (it carries the note)', () => {
    ctx.selection = ['carton', 'a'];
    tool.pointerDown(ctx, at(300, 300));
    const plans = tool.pointerMove(ctx, at(400, 300));
    const move = plans.find((p) => p.kind === 'move');
    expect(move).toEqual({ kind: 'move', moves: [{ id: 'carton', x: 100, y: 0 }] });
  });

  it('snaps to another shape edge and reports a guide', () => {
    ctx.selection = ['b'];
    tool.pointerDown(ctx, at(1050, 1050));
    // Without snapping b would land at x = 603; the carton's right edge is 600.
    const plans = tool.pointerMove(ctx, at(653, 650));
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'b', x: 600, y: 600 }] });
    const guides = plans.find((p) => p.kind === 'guides');
    expect(guides && guides.kind === 'guides' && guides.guides[0]?.at).toBe(600);
  });

  it('a dragged note does not snap to where its heart was: the heart comes along', () => {
    ctx.shapes.push(info('heart', { x: 1020, y: 1020, width: 40, height: 40 }, { type: 'stamp' }));
    ctx.selection = ['b'];
    tool.pointerDown(ctx, at(1090, 1090));
    // b's left edge at 1023: 3 px from the heart's left edge, where it is no longer.
    const plans = tool.pointerMove(ctx, at(1113, 1090));
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'b', x: 1023, y: 1000 }] });
  });

  it('does not snap to a shape beyond the reach (SNAP_REACH_PX on screen)', () => {
    ctx.selection = ['b'];
    tool.pointerDown(ctx, at(1050, 1050));
    // x = 603 as above, but b stays 600 below the carton: out of reach at zoom 1.
    const plans = tool.pointerMove(ctx, at(653, 1050));
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'b', x: 603, y: 1000 }] });
  });

  it('gathers the snapping targets once per drag, again only when the box leaves them', () => {
    ctx.selection = ['b'];
    const gathered: Rect[] = [];
    const snapTargets = ctx.snapTargets.bind(ctx);
    ctx.snapTargets = (rect, moving) => {
      gathered.push(rect);
      return snapTargets(rect, moving);
    };
    tool.pointerDown(ctx, at(1050, 1050));
    for (let i = 1; i <= 30; i++) tool.pointerMove(ctx, at(1050 - i * 10, 1050 - i * 10));
    expect(gathered).toHaveLength(1);
    // 3000 world units away at zoom 1: past what was gathered (the reach plus 1200 px).
    tool.pointerMove(ctx, at(-1950, 1050));
    expect(gathered).toHaveLength(2);
    tool.pointerUp(ctx, at(-1950, 1050));
    // The next drag gathers anew (the others may have moved since).
    tool.pointerDown(ctx, at(1050, 1050));
    tool.pointerMove(ctx, at(1040, 1040));
    expect(gathered).toHaveLength(3);
  });

  it('pointing → marquee selects shapes entirely inside, and clears the marquee on up', () => {
    tool.pointerDown(ctx, at(-50, -50));
    const plans = tool.pointerMove(ctx, at(700, 500));
    expect(tool.state).toBe('select.marquee');
    expect(plans).toContainEqual({ kind: 'select', ids: ['carton', 'a'] });
    expect(tool.pointerUp(ctx, at(700, 500))).toEqual([{ kind: 'marquee', rect: null }]);
  });

  it('resizing a note keeps its aspect ratio and is one undo step', () => {
    ctx.selection = ['a'];
    ctx.handle = 'se';
    expect(tool.pointerDown(ctx, at(110, 110))).toEqual([{ kind: 'beginGesture' }]);
    expect(tool.state).toBe('select.resizing');
    const from = { x: 10, y: 10, width: 100, height: 100 };
    expect(tool.pointerMove(ctx, at(210, 130))[0]).toEqual({
      kind: 'transform',
      ids: ['a'],
      transform: { kind: 'scale', from, to: { x: 10, y: 10, width: 200, height: 200 } },
    });
    expect(kinds(tool.pointerUp(ctx, at(210, 130)))).toEqual(['guides', 'endGesture']);
  });

  it('a tap on a handle lying over the one selected note opens it (a small note on a phone)', () => {
    ctx.selection = ['a'];
    ctx.handle = 'se';
    tool.pointerDown(ctx, at(100, 100));
    expect(tool.pointerMove(ctx, at(101, 100))).toEqual([]);
    expect(tool.pointerUp(ctx, at(101, 100))).toEqual([
      { kind: 'endGesture' },
      { kind: 'edit', id: 'a' },
    ]);
    // The same press dragged still resizes; a handle outside the note never edits.
    tool.pointerDown(ctx, at(100, 100));
    expect(kinds(tool.pointerMove(ctx, at(160, 160)))).toEqual(['transform', 'guides']);
    expect(kinds(tool.pointerUp(ctx, at(160, 160)))).toEqual(['guides', 'endGesture']);
    tool.pointerDown(ctx, at(112, 112));
    expect(kinds(tool.pointerUp(ctx, at(112, 112)))).toEqual(['guides', 'endGesture']);
  });

  it('a finger inside a small selected shape moves it, though its handles cover it', () => {
    ctx.selection = ['a'];
    ctx.handle = 'se';
    ctx.zoom = 0.23; // the note is 23 px across: all handles
    const finger = (x: number, y: number) =>
      at(x, y, { pointerType: 'touch', screen: { x: x * 0.23, y: y * 0.23 } });
    tool.pointerDown(ctx, finger(60, 60));
    expect(tool.state).toBe('select.pointing');
    const plans = tool.pointerMove(ctx, finger(400, 400));
    expect(tool.state).toBe('select.dragging');
    expect(plans).toContainEqual(expect.objectContaining({ kind: 'move' }));
    tool.pointerUp(ctx, finger(400, 400));
    // Outside the note, the same handle still resizes; so does a mouse, whose handles are small.
    tool.pointerDown(ctx, finger(115, 115));
    expect(tool.state).toBe('select.resizing');
    tool.pointerUp(ctx, finger(115, 115));
    tool.pointerDown(ctx, at(60, 60));
    expect(tool.state).toBe('select.resizing');
  });

  it('a resized note does not snap to its own heart: the heart keeps its place on the note', () => {
    ctx.shapes[2] = info('b', { x: 1000, y: 1000, width: 100, height: 100 }, { type: 'note' });
    ctx.shapes.push(info('heart', { x: 1020, y: 1020, width: 40, height: 40 }, { type: 'stamp' }));
    ctx.selection = ['b'];
    ctx.handle = 'e';
    tool.pointerDown(ctx, at(1100, 1050));
    // b's right edge at 1063: 3 px from the heart's right edge, which moves with the note.
    expect(tool.pointerMove(ctx, at(1063, 1050))[0]).toMatchObject({
      transform: { kind: 'scale', to: { x: 1000, y: 1000, width: 63, height: 100 } },
    });
  });

  it('resizing a free shape changes both sides independently', () => {
    ctx.shapes[2] = info('b', { x: 1000, y: 1000, width: 100, height: 100 });
    ctx.selection = ['b'];
    ctx.handle = 'nw';
    tool.pointerDown(ctx, at(1000, 1000));
    expect(tool.pointerMove(ctx, at(990, 1050))[0]).toMatchObject({
      transform: { kind: 'scale', to: { x: 990, y: 1050, width: 110, height: 50 } },
    });
  });

  it('double-click on an editable shape opens the editor; Enter does too', () => {
    expect(tool.doubleClick(ctx, at(50, 50))).toEqual([
      { kind: 'select', ids: ['a'] },
      { kind: 'edit', id: 'a' },
    ]);
    ctx.selection = ['a'];
    expect(tool.keyDown(ctx, { key: 'Enter', shift: false, mod: false })).toEqual([
      { kind: 'edit', id: 'a' },
    ]);
    ctx.selection = ['b'];
    expect(tool.keyDown(ctx, { key: 'Enter', shift: false, mod: false })).toEqual([]);
  });

  it('Delete removes the selection; the arrows are the keyboard’s (keyboardMoves)', () => {
    ctx.selection = ['b'];
    expect(tool.keyDown(ctx, { key: 'Delete', shift: false, mod: false })).toEqual([
      { kind: 'delete', ids: ['b'] },
      { kind: 'select', ids: [] },
    ]);
    expect(tool.keyDown(ctx, { key: 'ArrowRight', shift: true, mod: false })).toEqual([]);
  });

  it('cancel during a drag closes the gesture and clears guides', () => {
    tool.pointerDown(ctx, at(50, 50));
    ctx.selection = ['a'];
    tool.pointerMove(ctx, at(300, 300));
    expect(tool.cancel()).toEqual([{ kind: 'guides', guides: [] }, { kind: 'endGesture' }]);
    expect(tool.state).toBe('select.idle');
  });

  // What the canvas does when a second finger comes down (board/input.ts abortTool).
  const pinchBegins = (): Plan[] => tool.abort?.(ctx) ?? tool.cancel();

  it('a pinch begun with a finger on a shape leaves the selection as it was before', () => {
    ctx.selection = ['b'];
    const touch = { pointerType: 'touch' } as const;
    expect(tool.pointerDown(ctx, at(50, 50, touch))).toEqual([{ kind: 'select', ids: ['a'] }]);
    ctx.selection = ['a'];
    expect(pinchBegins()).toEqual([{ kind: 'select', ids: ['b'] }]);
    expect(tool.state).toBe('select.idle');
    // Nothing was chosen before: nothing is after.
    ctx.selection = [];
    tool.pointerDown(ctx, at(50, 50, touch));
    ctx.selection = ['a'];
    expect(pinchBegins()).toEqual([{ kind: 'select', ids: [] }]);
  });

  it('a pinch begun after the first finger started a drag puts the shape back', () => {
    const touch = { pointerType: 'touch' } as const;
    tool.pointerDown(ctx, at(50, 50, touch));
    ctx.selection = ['a'];
    tool.pointerMove(ctx, at(70, 60, touch));
    expect(tool.state).toBe('select.dragging');
    const plans = pinchBegins();
    expect(plans).toContainEqual({ kind: 'move', moves: [{ id: 'a', x: 10, y: 10 }] });
    // Put back inside the gesture, which then closes (one undo step, nothing moved).
    expect(kinds(plans).indexOf('move')).toBeLessThan(kinds(plans).indexOf('endGesture'));
    expect(plans).toContainEqual({ kind: 'select', ids: [] });
  });

  it('a press that ends normally keeps its selection (no pinch)', () => {
    tool.pointerDown(ctx, at(50, 50));
    ctx.selection = ['a'];
    tool.pointerUp(ctx, at(50, 50));
    expect(pinchBegins()).toEqual([]);
  });
});

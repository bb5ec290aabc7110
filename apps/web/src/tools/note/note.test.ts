import { describe, expect, it } from 'vitest';
import { FakeContext, at } from '../fakeContext';
import { NoteTool } from './note';

describe('note tool', () => {
  it('idle → pointing → idle: a tap places a note of the chosen colour centred on it', () => {
    const ctx = new FakeContext([]);
    ctx.style = { ...ctx.style, noteColor: 'pink' };
    const tool = new NoteTool();
    expect(tool.state).toBe('note.idle');
    expect(tool.pointerDown(ctx, at(300, 200))).toEqual([]);
    expect(tool.state).toBe('note.pointing');
    expect(tool.pointerMove()).toEqual([]);
    expect(tool.pointerUp(ctx, at(302, 201))).toEqual([
      { kind: 'create', shapeType: 'note', center: { x: 302, y: 201 }, color: 'pink' },
      { kind: 'setTool', tool: 'select' },
    ]);
    expect(tool.state).toBe('note.idle');
  });

  it('a pointer-up without a press (e.g. after cancel) places nothing', () => {
    const ctx = new FakeContext([]);
    const tool = new NoteTool();
    tool.pointerDown(ctx, at(0, 0));
    expect(tool.cancel()).toEqual([]);
    expect(tool.pointerUp(ctx, at(0, 0))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { FakeContext, at, info } from '../fakeContext';
import { EraserTool } from './eraser';

describe('eraser tool', () => {
  it('collects touched shapes and deletes them once on pointer-up, never cartons', () => {
    const ctx = new FakeContext([
      info('carton', { x: 0, y: 0, width: 1000, height: 1000 }, { type: 'carton' }),
      info('s1', { x: 10, y: 10, width: 10, height: 10 }, { type: 'stroke' }),
      info('s2', { x: 100, y: 10, width: 10, height: 10 }, { type: 'stroke' }),
    ]);
    const tool = new EraserTool();
    expect(tool.pointerDown(ctx, at(500, 500))).toEqual([]);
    expect(tool.state).toBe('eraser.erasing');
    expect(tool.pointerMove(ctx, at(15, 15))).toEqual([
      { kind: 'preview', preview: { kind: 'erase', ids: ['s1'] } },
    ]);
    expect(tool.pointerMove(ctx, at(16, 16))).toEqual([]);
    tool.pointerMove(ctx, at(105, 15));
    expect(tool.pointerUp()).toEqual([
      { kind: 'preview', preview: null },
      { kind: 'delete', ids: ['s1', 's2'] },
    ]);
    expect(tool.state).toBe('eraser.idle');
  });
});

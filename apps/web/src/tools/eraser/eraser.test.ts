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

  it('takes pen strokes only: notes, texts, photos and shapes are passed through', () => {
    // A stroke drawn across a note, under a text; a photo and a rectangle elsewhere.
    const ctx = new FakeContext([
      info('stroke', { x: 0, y: 0, width: 300, height: 20 }, { type: 'stroke' }),
      info('note', { x: 0, y: 0, width: 100, height: 100 }, { type: 'note' }),
      info('text', { x: 200, y: 0, width: 100, height: 40 }, { type: 'text' }),
      info('photo', { x: 0, y: 200, width: 100, height: 100 }, { type: 'image' }),
      info('rect', { x: 200, y: 200, width: 100, height: 100 }, { type: 'rect' }),
    ]);
    const tool = new EraserTool();
    // The finger rubs over the note (and the stroke under it), the text, the photo, the rectangle.
    tool.pointerDown(ctx, at(50, 10));
    for (const [x, y] of [
      [50, 50],
      [250, 10],
      [250, 30],
      [50, 250],
      [250, 250],
    ] as const)
      tool.pointerMove(ctx, at(x, y));
    expect(tool.pointerUp()).toEqual([
      { kind: 'preview', preview: null },
      { kind: 'delete', ids: ['stroke'] },
    ]);
    // Over nothing but a note, nothing is deleted.
    tool.pointerDown(ctx, at(50, 50));
    tool.pointerMove(ctx, at(60, 60));
    expect(tool.pointerUp()).toEqual([{ kind: 'preview', preview: null }]);
  });
});

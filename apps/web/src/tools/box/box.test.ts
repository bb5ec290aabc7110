import { describe, expect, it } from 'vitest';
import { FakeContext, at } from '../fakeContext';
import { BoxTool } from './box';

describe('box tools (rect, ellipse, carton)', () => {
  it('a drag sizes the shape with a preview, then creates it', () => {
    const ctx = new FakeContext([]);
    const tool = new BoxTool('carton');
    tool.pointerDown(ctx, at(100, 100));
    expect(tool.state).toBe('carton.pointing');
    expect(tool.pointerMove(ctx, at(400, 300))).toEqual([
      {
        kind: 'preview',
        preview: {
          kind: 'box',
          shapeType: 'carton',
          rect: { x: 100, y: 100, width: 300, height: 200 },
          color: 'blue',
        },
      },
    ]);
    expect(tool.state).toBe('carton.sizing');
    const up = tool.pointerUp(ctx, at(50, 300));
    expect(up).toContainEqual({
      kind: 'create',
      shapeType: 'carton',
      rect: { x: 50, y: 100, width: 50, height: 200 },
      at: { x: 100, y: 100 },
      color: 'blue',
    });
    expect(tool.state).toBe('carton.idle');
  });

  it('a click creates a default-sized shape (rect: null)', () => {
    const ctx = new FakeContext([]);
    const tool = new BoxTool('ellipse');
    tool.pointerDown(ctx, at(10, 10));
    expect(tool.pointerUp(ctx, at(11, 10))[0]).toEqual({
      kind: 'create',
      shapeType: 'ellipse',
      rect: null,
      at: { x: 10, y: 10 },
      color: 'blue',
    });
  });

  it('shift draws a square', () => {
    const ctx = new FakeContext([]);
    const tool = new BoxTool('rect');
    tool.pointerDown(ctx, at(0, 0));
    const plans = tool.pointerMove(ctx, at(50, -20, { shift: true }));
    const preview = plans[0];
    expect(
      preview?.kind === 'preview' && preview.preview?.kind === 'box' && preview.preview.rect,
    ).toEqual({
      x: 0,
      y: -50,
      width: 50,
      height: 50,
    });
  });
});

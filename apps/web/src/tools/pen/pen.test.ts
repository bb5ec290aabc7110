import { describe, expect, it } from 'vitest';
import { FakeContext, at } from '../fakeContext';
import type { Plan } from '../types';
import { PenTool } from './pen';
import { simplifyStroke } from './simplify';

function lastPreviewPoints(plans: Plan[]): number {
  const p = plans.find((plan) => plan.kind === 'preview');
  return p && p.kind === 'preview' && p.preview?.kind === 'stroke' ? p.preview.points.length : -1;
}

describe('pen tool', () => {
  it('idle → drawing → idle: previews while drawing and writes one simplified stroke on up', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    expect(lastPreviewPoints(tool.pointerDown(ctx, at(0, 0)))).toBe(1);
    expect(tool.state).toBe('pen.drawing');
    let plans: Plan[] = [];
    for (let x = 1; x <= 100; x++) plans = tool.pointerMove(ctx, at(x, 0));
    // Every move produces a preview only: no document write mid-gesture.
    expect(plans.map((p) => p.kind)).toEqual(['preview']);
    expect(lastPreviewPoints(plans)).toBe(101);
    const up = tool.pointerUp(ctx, at(100, 50));
    expect(tool.state).toBe('pen.idle');
    expect(up[0]).toEqual({ kind: 'preview', preview: null });
    const create = up[1];
    expect(create?.kind).toBe('create');
    if (create?.kind === 'create' && create.shapeType === 'stroke') {
      // A straight run of 101 points plus a corner collapses to 3 points.
      expect(create.points).toEqual([
        [0, 0, 0.5],
        [100, 0, 0.5],
        [100, 50, 0.5],
      ]);
      expect(create.color).toBe('black');
      expect(create.simulatePressure).toBe(true);
    }
  });

  it('keeps stylus pressure and does not simulate it', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    tool.pointerDown(ctx, at(0, 0, { pointerType: 'pen', pressure: 0.2 }));
    tool.pointerMove(ctx, at(10, 10, { pointerType: 'pen', pressure: 0.9 }));
    const up = tool.pointerUp(ctx, at(20, 0, { pointerType: 'pen', pressure: 0.4 }));
    const create = up[1];
    expect(create?.kind === 'create' && create.shapeType === 'stroke' && create.points).toEqual([
      [0, 0, 0.2],
      [10, 10, 0.9],
      [20, 0, 0.4],
    ]);
    expect(
      create?.kind === 'create' && create.shapeType === 'stroke' && create.simulatePressure,
    ).toBe(false);
  });

  it('rejects a palm: touch adds nothing to a stylus stroke, nor ends it', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    tool.pointerDown(ctx, at(0, 0, { pointerType: 'pen' }));
    expect(tool.pointerDown(ctx, at(50, 50, { pointerType: 'touch' }))).toEqual([]);
    expect(tool.pointerMove(ctx, at(300, 300, { pointerType: 'touch' }))).toEqual([]);
    expect(tool.pointerUp(ctx, at(300, 300, { pointerType: 'touch' }))).toEqual([]);
    expect(tool.state).toBe('pen.drawing');
    const written = tool.pointerUp(ctx, at(5, 5, { pointerType: 'pen' }));
    const stroke = written.find((plan) => plan.kind === 'create');
    expect(stroke && 'points' in stroke ? stroke.points.length : 0).toBe(2);
  });

  it('draws with a finger after a stylus stroke, when the canvas hands it one (input.ts)', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    tool.pointerDown(ctx, at(0, 0, { pointerType: 'pen' }));
    tool.pointerUp(ctx, at(5, 5, { pointerType: 'pen' }));
    tool.pointerDown(ctx, at(50, 50, { pointerType: 'touch' }));
    expect(tool.state).toBe('pen.drawing');
  });

  it('touch draws on a device without a stylus', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    tool.pointerDown(ctx, at(0, 0, { pointerType: 'touch' }));
    expect(tool.state).toBe('pen.drawing');
  });

  it('cancel drops the preview and writes nothing', () => {
    const ctx = new FakeContext([]);
    const tool = new PenTool();
    tool.pointerDown(ctx, at(0, 0));
    expect(tool.cancel()).toEqual([{ kind: 'preview', preview: null }]);
    expect(tool.pointerUp(ctx, at(1, 1))).toEqual([]);
  });
});

describe('simplifyStroke', () => {
  it('keeps end points and corners, drops collinear points', () => {
    const pts: [number, number, number][] = [
      [0, 0, 1],
      [1, 0.01, 1],
      [2, 0, 1],
      [2, 5, 1],
    ];
    expect(simplifyStroke(pts, 0.1)).toEqual([
      [0, 0, 1],
      [2, 0, 1],
      [2, 5, 1],
    ]);
  });
});

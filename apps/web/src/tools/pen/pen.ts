// Pen tool: pen.idle → pen.drawing → (pointer-up) one simplified stroke written once.
// While drawing, the stroke only travels as a preview (awareness), never to the document.
// Palm rejection: a touch pointer adds nothing to a stylus's stroke. Between strokes the canvas's
// input decides what a finger does with a stylus around (it pans; input.ts).
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';
import { roundStroke, simplifyStroke, type StrokePoint } from './simplify';

/** Simplification tolerance in screen pixels (converted with the zoom). */
const SIMPLIFY_PX = 0.75;

export class PenTool implements Tool {
  readonly id = 'pen' as const;
  private points: StrokePoint[] | null = null;
  private usesPressure = false;

  get state(): string {
    return this.points ? 'pen.drawing' : 'pen.idle';
  }

  /** True when this pointer must be ignored (a palm resting while a stylus draws). */
  rejects(e: ToolPointer): boolean {
    return e.pointerType === 'touch' && this.points !== null && this.usesPressure;
  }

  pointerDown(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (this.rejects(e) || this.points) return [];
    this.usesPressure = e.pointerType === 'pen';
    this.points = [[e.world.x, e.world.y, this.pressureOf(e)]];
    return [this.preview(ctx)];
  }

  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.points || this.rejects(e)) return [];
    this.points.push([e.world.x, e.world.y, this.pressureOf(e)]);
    return [this.preview(ctx)];
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.points || this.rejects(e)) return [];
    const raw = this.points;
    this.points = null;
    const last = raw[raw.length - 1];
    if (!last || last[0] !== e.world.x || last[1] !== e.world.y) {
      raw.push([e.world.x, e.world.y, this.pressureOf(e)]);
    }
    const points = roundStroke(simplifyStroke(raw, SIMPLIFY_PX / ctx.zoom));
    return [
      { kind: 'preview', preview: null },
      {
        kind: 'create',
        shapeType: 'stroke',
        points,
        color: ctx.style.penColor,
        width: ctx.style.penWidth,
        simulatePressure: !this.usesPressure,
      },
    ];
  }

  cancel(): Plan[] {
    if (!this.points) return [];
    this.points = null;
    return [{ kind: 'preview', preview: null }];
  }

  private pressureOf(e: ToolPointer): number {
    return e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
  }

  private preview(ctx: ToolContext): Plan {
    return {
      kind: 'preview',
      preview: {
        kind: 'stroke',
        points: (this.points ?? []).slice(),
        color: ctx.style.penColor,
        width: ctx.style.penWidth,
      },
    };
  }
}

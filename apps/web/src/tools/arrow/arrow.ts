// Arrow tool: arrow.idle → arrow.pointing → arrow.drawing → (up) an arrow whose ends stick to
// the shapes they were dropped on (the shell records the binding; the model keeps it following).
import {
  movedBeyond,
  type ArrowEnd,
  type Plan,
  type Tool,
  type ToolContext,
  type ToolPointer,
} from '../types';

type ArrowState =
  | { name: 'idle' }
  | { name: 'pointing' | 'drawing'; start: ArrowEnd; startScreen: ToolPointer['screen'] };

function endAt(ctx: ToolContext, e: ToolPointer, exclude: string | null): ArrowEnd {
  const hit = ctx.shapeAt(e.world);
  // Strokes, stamps and arrows are poor anchors; cartons, notes, text and boxes are good ones.
  const bindable = hit && hit.type !== 'arrow' && hit.type !== 'stroke' && hit.id !== exclude;
  return { point: e.world, shapeId: bindable ? hit.id : null };
}

export class ArrowTool implements Tool {
  readonly id = 'arrow' as const;
  private current: ArrowState = { name: 'idle' };

  get state(): string {
    return `arrow.${this.current.name}`;
  }

  pointerDown(ctx: ToolContext, e: ToolPointer): Plan[] {
    this.current = { name: 'pointing', start: endAt(ctx, e, null), startScreen: e.screen };
    return [];
  }

  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[] {
    const s = this.current;
    if (s.name === 'idle') return [];
    if (s.name === 'pointing') {
      if (!movedBeyond(s.startScreen, e.screen)) return [];
      this.current = { ...s, name: 'drawing' };
    }
    return [
      {
        kind: 'preview',
        preview: { kind: 'arrow', start: s.start.point, end: e.world, color: ctx.style.shapeColor },
      },
    ];
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    const s = this.current;
    this.current = { name: 'idle' };
    if (s.name !== 'drawing') return s.name === 'pointing' ? [] : [];
    const end = endAt(ctx, e, null);
    // Both ends on the same shape make a zero-length loop: keep the end free.
    const fixedEnd =
      end.shapeId !== null && end.shapeId === s.start.shapeId ? { ...end, shapeId: null } : end;
    return [
      { kind: 'preview', preview: null },
      {
        kind: 'create',
        shapeType: 'arrow',
        start: s.start,
        end: fixedEnd,
        color: ctx.style.shapeColor,
      },
      { kind: 'setTool', tool: 'select' },
    ];
  }

  cancel(): Plan[] {
    const wasDrawing = this.current.name === 'drawing';
    this.current = { name: 'idle' };
    return wasDrawing ? [{ kind: 'preview', preview: null }] : [];
  }
}

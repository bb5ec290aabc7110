// Arrow tool: arrow.idle → arrow.pointing → arrow.drawing → (up) an arrow whose ends stick to
// the shapes they were dropped on (the shell records the binding; the model keeps it following).
// Without drawing: a tap (or Enter on the chosen shape) picks the start (arrow.started), a tap
// (or Enter) on another shape draws the arrow between them — easier with a finger than a drag
// between two small notes, and the keyboard's way (WCAG 2.1.1).
import type { Rect } from '../../geometry/rect';
import {
  movedBeyond,
  type ArrowEnd,
  type KeyInfo,
  type Plan,
  type Tool,
  type ToolContext,
  type ToolPointer,
} from '../types';

type ArrowState =
  | { name: 'idle' }
  | { name: 'pointing' | 'drawing'; start: ArrowEnd; startScreen: ToolPointer['screen'] };

/** Poor anchors: an arrow from one goes to the shape beneath it when there is one. */
const POOR_ANCHORS = ['stamp', 'stroke', 'arrow'];

function endAt(ctx: ToolContext, e: ToolPointer, exclude: string | null): ArrowEnd {
  // A locked heading is a fine end too: binding to it does not change it (M33).
  const top = ctx.shapeAt(e.world, undefined, { locked: true });
  // A heart or a vote's dot on a note marks the note: the arrow holds to the note, which it
  // follows; a stamp alone on the board is still an end (it has nothing under it).
  const hit =
    top?.type === 'stamp'
      ? (ctx.shapeAt(e.world, undefined, { locked: true, skipTypes: POOR_ANCHORS }) ?? top)
      : top;
  // Strokes and arrows are never bound to; cartons, notes, text and boxes are good anchors.
  const bindable = hit && hit.type !== 'arrow' && hit.type !== 'stroke' && hit.id !== exclude;
  return { point: e.world, shapeId: bindable ? hit.id : null };
}

/** A bound arrow from one shape to another, centre to centre (drawn outline to outline). */
export function arrowBetween(
  from: { id: string; bounds: Rect },
  to: { id: string; bounds: Rect },
  color: string,
): Plan {
  const centre = ({ id, bounds }: { id: string; bounds: Rect }): ArrowEnd => ({
    point: { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 },
    shapeId: id,
  });
  return { kind: 'create', shapeType: 'arrow', start: centre(from), end: centre(to), color };
}

export class ArrowTool implements Tool {
  readonly id = 'arrow' as const;
  private current: ArrowState = { name: 'idle' };
  /** The shape a tap or Enter chose as the next arrow's start. */
  private startId: string | null = null;

  get state(): string {
    return this.current.name === 'idle' && this.startId !== null
      ? 'arrow.started'
      : `arrow.${this.current.name}`;
  }

  /** A tap or Enter on `id`: the arrow's start, or its end if a start is chosen. */
  private choose(ctx: ToolContext, id: string | null): Plan[] {
    const target = id === null ? undefined : ctx.getInfo(id);
    if (!target || target.type === 'arrow') return this.forgetStart();
    const start = this.startId === null ? undefined : ctx.getInfo(this.startId);
    if (!start || start.id === target.id) {
      this.startId = target.id;
      return [
        { kind: 'select', ids: [target.id] },
        { kind: 'arrowStart', id: target.id },
      ];
    }
    return [...this.forgetStart(), arrowBetween(start, target, ctx.style.shapeColor)];
  }

  /** Drops the chosen start, and its mark on the board if there was one. */
  private forgetStart(): Plan[] {
    if (this.startId === null) return [];
    this.startId = null;
    return [{ kind: 'arrowStart', id: null }];
  }

  keyDown(ctx: ToolContext, key: KeyInfo): Plan[] {
    if (key.key !== 'Enter' || key.shift || key.mod || ctx.selection.length !== 1) return [];
    return this.choose(ctx, ctx.selection[0]!);
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
    if (s.name === 'pointing') return this.choose(ctx, s.start.shapeId);
    if (s.name !== 'drawing') return [];
    const forgotten = this.forgetStart();
    const end = endAt(ctx, e, null);
    // Both ends on the same shape make a zero-length loop: keep the end free.
    const fixedEnd =
      end.shapeId !== null && end.shapeId === s.start.shapeId ? { ...end, shapeId: null } : end;
    return [
      ...forgotten,
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
    return [...this.forgetStart(), ...this.abort()];
  }

  // A pinch to find the end on a phone must not lose the start the first tap chose.
  abort(): Plan[] {
    const wasDrawing = this.current.name === 'drawing';
    this.current = { name: 'idle' };
    return wasDrawing ? [{ kind: 'preview', preview: null }] : [];
  }
}

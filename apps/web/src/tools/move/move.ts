// Move tool, « Déplacer » in the chosen shapes' panel (WCAG 2.5.7, moving without a drag):
// move.idle → (tap) the chosen shapes move so their box's centre lands where the tap was, as one
// undo step that ends like a drag (a note set down in a carton joins it), then back to Select.
// A drag meanwhile moves the view, to reach a place off-screen; Escape or another tool cancels.
import { unionRects, type Point } from '../../geometry/rect';
import { reparentAfterMove, topLevelMoving } from '../select/select';
import { movedBeyond, type Plan, type Tool, type ToolContext, type ToolPointer } from '../types';

/** The plans that move the chosen shapes so their box's centre is at `target`. */
export function moveSelectionTo(ctx: ToolContext, target: Point): Plan[] {
  const ids = topLevelMoving(ctx, ctx.selection);
  const infos = ids.flatMap((id) => ctx.getInfo(id) ?? []);
  const box = unionRects(infos.map((info) => info.bounds));
  if (!box) return [];
  const offset = {
    x: target.x - (box.x + box.width / 2),
    y: target.y - (box.y + box.height / 2),
  };
  const moves = infos.map(({ id, bounds }) => ({
    id,
    x: bounds.x + offset.x,
    y: bounds.y + offset.y,
  }));
  return [
    { kind: 'beginGesture' },
    { kind: 'move', moves },
    ...reparentAfterMove(ctx, ids, offset),
    { kind: 'endGesture' },
  ];
}

export class MoveTool implements Tool {
  readonly id = 'move' as const;
  /** Where the press began (screen), and the last point of a drag that pans the view. */
  private press: { start: Point; last: Point; panning: boolean } | null = null;

  get state(): string {
    if (!this.press) return 'move.idle';
    return this.press.panning ? 'move.panning' : 'move.pointing';
  }

  pointerDown(_ctx: ToolContext, e: ToolPointer): Plan[] {
    this.press = { start: e.screen, last: e.screen, panning: false };
    return [];
  }

  pointerMove(_ctx: ToolContext, e: ToolPointer): Plan[] {
    const p = this.press;
    if (!p) return [];
    if (!p.panning && !movedBeyond(p.start, e.screen)) return [];
    p.panning = true;
    const plan: Plan = { kind: 'pan', dx: e.screen.x - p.last.x, dy: e.screen.y - p.last.y };
    p.last = e.screen;
    return [plan];
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    const p = this.press;
    this.press = null;
    if (!p || p.panning) return [];
    return [...moveSelectionTo(ctx, e.world), { kind: 'setTool', tool: 'select' }];
  }

  cancel(): Plan[] {
    this.press = null;
    return [];
  }
}

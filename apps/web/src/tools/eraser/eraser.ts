// Eraser: eraser.idle → eraser.erasing; pen strokes touched are marked (preview) and deleted once
// on up. It takes pen strokes only, as Jamboard's and Miro's do: a newcomer rubbing out a scribble
// lost the notes, texts and photos (anyone's) the finger crossed. Other shapes are passed through,
// so a stroke drawn over a note is still erased; those are deleted by choosing them (« Supprimer »).
import { SHAPE_TYPES } from '@carton/board';
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

/** Every shape but a pen stroke: the eraser's finger goes through them. */
const NOT_STROKES: readonly string[] = SHAPE_TYPES.filter((type) => type !== 'stroke');

export class EraserTool implements Tool {
  readonly id = 'eraser' as const;
  private touched: string[] | null = null;

  get state(): string {
    return this.touched ? 'eraser.erasing' : 'eraser.idle';
  }

  pointerDown(ctx: ToolContext, e: ToolPointer): Plan[] {
    this.touched = [];
    return this.touch(ctx, e);
  }

  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[] {
    return this.touched ? this.touch(ctx, e) : [];
  }

  pointerUp(): Plan[] {
    const ids = this.touched;
    this.touched = null;
    if (!ids) return [];
    const plans: Plan[] = [{ kind: 'preview', preview: null }];
    if (ids.length) plans.push({ kind: 'delete', ids });
    return plans;
  }

  cancel(): Plan[] {
    this.touched = null;
    return [{ kind: 'preview', preview: null }];
  }

  private touch(ctx: ToolContext, e: ToolPointer): Plan[] {
    const hit = ctx.shapeAt(e.world, 8, { skipTypes: NOT_STROKES });
    // A type this client does not know (a newer board's) is not a stroke either.
    if (!hit || hit.type !== 'stroke' || !this.touched || this.touched.includes(hit.id)) return [];
    this.touched.push(hit.id);
    return [{ kind: 'preview', preview: { kind: 'erase', ids: this.touched.slice() } }];
  }
}

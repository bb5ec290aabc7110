// Eraser: eraser.idle → eraser.erasing; shapes touched are marked (preview) and deleted once on up.
// Cartons are not erased by rubbing over them (that would delete their whole content).
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

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
    const hit = ctx.shapeAt(e.world, 8);
    if (!hit || hit.type === 'carton' || !this.touched || this.touched.includes(hit.id)) return [];
    this.touched.push(hit.id);
    return [{ kind: 'preview', preview: { kind: 'erase', ids: this.touched.slice() } }];
  }
}

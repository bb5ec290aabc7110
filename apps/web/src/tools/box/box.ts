// Rectangle, ellipse and carton tools: box.idle → box.pointing → box.sizing → (up) a shape.
// A click without a drag makes a default-sized shape centred on the click.
import { rectFromPoints, type Point } from '../../geometry/rect';
import { movedBeyond, type Plan, type Tool, type ToolContext, type ToolPointer } from '../types';

type BoxShape = 'rect' | 'ellipse' | 'carton';

export class BoxTool implements Tool {
  private origin: ToolPointer | null = null;
  private sizing = false;

  constructor(readonly id: BoxShape) {}

  get state(): string {
    return `${this.id}.${this.origin ? (this.sizing ? 'sizing' : 'pointing') : 'idle'}`;
  }

  pointerDown(_ctx: ToolContext, e: ToolPointer): Plan[] {
    this.origin = e;
    this.sizing = false;
    return [];
  }

  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.origin) return [];
    if (!this.sizing && !movedBeyond(this.origin.screen, e.screen)) return [];
    this.sizing = true;
    return [
      {
        kind: 'preview',
        preview: {
          kind: 'box',
          shapeType: this.id,
          rect: this.rect(this.origin.world, e),
          color: ctx.style.shapeColor,
        },
      },
    ];
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    const origin = this.origin;
    const sized = this.sizing;
    this.origin = null;
    this.sizing = false;
    if (!origin) return [];
    return [
      ...(sized ? [{ kind: 'preview', preview: null } as const] : []),
      {
        kind: 'create',
        shapeType: this.id,
        rect: sized ? this.rect(origin.world, e) : null,
        at: origin.world,
        color: ctx.style.shapeColor,
      },
      { kind: 'setTool', tool: 'select' },
    ];
  }

  cancel(): Plan[] {
    const wasSizing = this.sizing;
    this.origin = null;
    this.sizing = false;
    return wasSizing ? [{ kind: 'preview', preview: null }] : [];
  }

  // Shift draws a square (or circle).
  private rect(origin: Point, e: ToolPointer) {
    if (!e.shift) return rectFromPoints(origin, e.world);
    const size = Math.max(Math.abs(e.world.x - origin.x), Math.abs(e.world.y - origin.y));
    return rectFromPoints(origin, {
      x: origin.x + Math.sign(e.world.x - origin.x || 1) * size,
      y: origin.y + Math.sign(e.world.y - origin.y || 1) * size,
    });
  }
}

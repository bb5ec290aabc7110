// Stamp tool: one click places the chosen stamp (♥ ★ ✓ ! ?); the tool stays active for voting.
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

export class StampTool implements Tool {
  readonly id = 'stamp' as const;
  private pressed = false;
  get state(): string {
    return this.pressed ? 'stamp.pointing' : 'stamp.idle';
  }
  pointerDown(): Plan[] {
    this.pressed = true;
    return [];
  }
  pointerMove(): Plan[] {
    return [];
  }
  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.pressed) return [];
    this.pressed = false;
    return [{ kind: 'create', shapeType: 'stamp', center: e.world, stamp: ctx.style.stampKind }];
  }
  cancel(): Plan[] {
    this.pressed = false;
    return [];
  }
}

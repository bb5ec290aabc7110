// Hand tool (also space-drag and middle-drag): hand.idle → hand.panning, in screen pixels.
import type { Point } from '../../geometry/rect';
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

export class HandTool implements Tool {
  readonly id = 'hand' as const;
  private last: Point | null = null;
  get state(): string {
    return this.last ? 'hand.panning' : 'hand.idle';
  }
  pointerDown(_ctx: ToolContext, e: ToolPointer): Plan[] {
    this.last = e.screen;
    return [];
  }
  pointerMove(_ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.last) return [];
    const plan: Plan = { kind: 'pan', dx: e.screen.x - this.last.x, dy: e.screen.y - this.last.y };
    this.last = e.screen;
    return [plan];
  }
  pointerUp(): Plan[] {
    this.last = null;
    return [];
  }
  cancel(): Plan[] {
    this.last = null;
    return [];
  }
}

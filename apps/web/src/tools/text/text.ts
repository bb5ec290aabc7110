// Text tool: a click creates a text shape and opens the in-place editor on it.
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

export class TextTool implements Tool {
  readonly id = 'text' as const;
  private pressed = false;
  get state(): string {
    return this.pressed ? 'text.pointing' : 'text.idle';
  }
  pointerDown(): Plan[] {
    this.pressed = true;
    return [];
  }
  pointerMove(): Plan[] {
    return [];
  }
  pointerUp(_ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.pressed) return [];
    this.pressed = false;
    return [
      { kind: 'create', shapeType: 'text', at: e.world },
      { kind: 'setTool', tool: 'select' },
    ];
  }
  cancel(): Plan[] {
    this.pressed = false;
    return [];
  }
}

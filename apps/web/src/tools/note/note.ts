// Sticky-note tool: note.idle → note.pointing → (pointer-up) a note centred where you tapped.
// A drag that starts here does nothing else: on a phone a slightly moving tap still places a note.
import type { Plan, Tool, ToolContext, ToolPointer } from '../types';

export class NoteTool implements Tool {
  readonly id = 'note' as const;
  private pointing: ToolPointer | null = null;

  get state(): string {
    return this.pointing ? 'note.pointing' : 'note.idle';
  }

  pointerDown(_ctx: ToolContext, e: ToolPointer): Plan[] {
    this.pointing = e;
    return [];
  }

  pointerMove(): Plan[] {
    return [];
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    if (!this.pointing) return [];
    this.pointing = null;
    return [
      { kind: 'create', shapeType: 'note', center: e.world, color: ctx.style.noteColor },
      { kind: 'setTool', tool: 'select' },
    ];
  }

  cancel(): Plan[] {
    this.pointing = null;
    return [];
  }
}

// One instance of each tool per board page (tools keep gesture state between events).
import { ArrowTool } from './arrow/arrow';
import { BoxTool } from './box/box';
import { EraserTool } from './eraser/eraser';
import { HandTool } from './hand/hand';
import { MoveTool } from './move/move';
import { NoteTool } from './note/note';
import { PenTool } from './pen/pen';
import { SelectTool } from './select/select';
import { StampTool } from './stamp/stamp';
import { TextTool } from './text/text';
import type { Tool, ToolId } from './types';

export function createTools(): Record<ToolId, Tool> {
  return {
    select: new SelectTool(),
    hand: new HandTool(),
    note: new NoteTool(),
    carton: new BoxTool('carton'),
    pen: new PenTool(),
    eraser: new EraserTool(),
    text: new TextTool(),
    rect: new BoxTool('rect'),
    ellipse: new BoxTool('ellipse'),
    arrow: new ArrowTool(),
    stamp: new StampTool(),
    move: new MoveTool(),
  };
}

/** Conventional single-key shortcuts. */
export const TOOL_SHORTCUTS: Record<string, ToolId> = {
  v: 'select',
  h: 'hand',
  n: 'note',
  c: 'carton',
  p: 'pen',
  e: 'eraser',
  t: 'text',
  r: 'rect',
  o: 'ellipse',
  a: 'arrow',
  s: 'stamp',
};

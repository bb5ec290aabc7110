import * as Y from 'yjs';
import { parseRecord } from '../read/read.ts';
import type { CommandContext } from './context.ts';

/**
 * Locks or unlocks shapes (M33). Only the `locked` key is written, and only where it changes:
 * unlocking removes the key, so an unlocked shape is stored as it was before locks existed.
 * Missing or unreadable ids are no-ops (M12). A carton's children are not touched: they stay
 * free inside a locked carton.
 */
export function setShapesLocked(
  ctx: CommandContext,
  ids: readonly string[],
  locked: boolean,
): void {
  for (const id of ids) {
    const map = ctx.shapes.get(id);
    if (!(map instanceof Y.Map) || parseRecord(ctx.shapes, id) === undefined) continue;
    const stored = map.get('locked') === true;
    if (stored === locked) continue;
    if (locked) map.set('locked', true);
    else map.delete('locked');
  }
}

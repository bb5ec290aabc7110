import * as Y from 'yjs';
import { parseRecord } from '../read/read.ts';
import { isLocked } from '../shapes/common/base.ts';
import { isValidIndex, keysBetween } from '../zorder/zorder.ts';
import type { CommandContext } from './context.ts';
import { honoursLocks, invalid } from './context.ts';

/**
 * Puts shapes into a carton (or out of any with null). Cartons never nest: a carton in `ids`
 * is skipped. A shape entering a carton from below it is raised just above the carton so it
 * stays visible (M9). Coordinates do not change (they are absolute). A locked shape in `ids` is
 * skipped; a locked carton still takes shapes in and lets them out (M33).
 */
export function reparentShapes(
  ctx: CommandContext,
  ids: readonly string[],
  cartonId: string | null,
): void {
  let cartonIndex: string | null = null;
  if (cartonId !== null) {
    const carton = parseRecord(ctx.shapes, cartonId);
    if (carton === undefined) return; // deleted by a peer meanwhile: nothing to join (M12)
    if (carton.type !== 'carton') invalid(`${cartonId} is not a carton`);
    cartonIndex = carton.index;
  }
  const toRaise: Y.Map<unknown>[] = [];
  for (const id of ids) {
    const shape = parseRecord(ctx.shapes, id);
    const map = ctx.shapes.get(id);
    if (shape === undefined || !(map instanceof Y.Map) || shape.type === 'carton') continue;
    if (isLocked(shape) && honoursLocks(ctx)) continue; // M33: it does not change carton
    if (map.get('parentId') !== cartonId) map.set('parentId', cartonId);
    if (cartonIndex !== null && shape.index <= cartonIndex) toRaise.push(map);
  }
  if (cartonIndex === null || toRaise.length === 0) return;
  const keys = keysBetween(cartonIndex, nextIndexAbove(ctx, cartonIndex), toRaise.length);
  toRaise.forEach((map, i) => {
    const index = keys[i] as string;
    map.set('index', index);
    ctx.noteIndex(index);
  });
}

function nextIndexAbove(ctx: CommandContext, index: string): string | null {
  let best: string | null = null;
  for (const map of ctx.shapes.values()) {
    if (!(map instanceof Y.Map)) continue;
    const other = map.get('index');
    if (isValidIndex(other) && other > index && (best === null || other < best)) best = other;
  }
  return best;
}

import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import { compareOrder, isValidIndex, keyBetween, keysBetween } from '../zorder/zorder.ts';
import type { CommandContext } from './context.ts';
import { lockedRecord } from './context.ts';
import type { ReorderDirection } from './types.ts';

interface Slot {
  readonly id: string;
  index: string;
}

/** Every record with a valid index, bottom to top (ties broken by id, M3). */
export function stackingOrder(shapes: ShapesMap): Slot[] {
  return slotsOf(shapes, undefined);
}

function slotsOf(shapes: ShapesMap, only: ReadonlySet<string> | undefined): Slot[] {
  const slots: Slot[] = [];
  const add = (id: string, map: unknown): void => {
    if (!(map instanceof Y.Map)) return;
    const index = map.get('index');
    if (isValidIndex(index)) slots.push({ id, index });
  };
  if (only === undefined) for (const [id, map] of shapes) add(id, map);
  else for (const id of only) add(id, shapes.get(id));
  return slots.sort(compareOrder);
}

function bottomIndex(shapes: ShapesMap): string | null {
  let bottom: string | null = null;
  for (const map of shapes.values()) {
    if (!(map instanceof Y.Map)) continue;
    const index = map.get('index');
    if (isValidIndex(index) && (bottom === null || index < bottom)) bottom = index;
  }
  return bottom;
}

/** Front/back move the selection above/below everything; forward/backward past one neighbour (M7). */
export function reorderShapes(
  ctx: CommandContext,
  ids: readonly string[],
  how: ReorderDirection,
): void {
  // M33: locked shapes keep their place in the stack.
  const wanted = new Set(ids.filter((id) => !lockedRecord(ctx, ctx.shapes.get(id))));
  const write = (slot: Slot, index: string): void => {
    slot.index = index;
    ctx.shapes.get(slot.id)?.set('index', index);
    ctx.noteIndex(index);
  };
  // Front and back need only the selection's own order and the top or bottom key: no sort of
  // the whole board (a click on a 10,000-shape board).
  if (how === 'front' || how === 'back') {
    const selected = slotsOf(ctx.shapes, wanted);
    if (selected.length === 0) return;
    const keys =
      how === 'front'
        ? keysBetween(ctx.topIndex(), null, selected.length)
        : keysBetween(null, bottomIndex(ctx.shapes), selected.length);
    selected.forEach((slot, i) => write(slot, keys[i] as string));
    return;
  }
  const order = stackingOrder(ctx.shapes);
  const selected = order.filter((slot) => wanted.has(slot.id));
  if (selected.length === 0) return;
  if (how === 'forward') {
    for (let s = selected.length - 1; s >= 0; s--)
      stepForward(order, selected[s] as Slot, wanted, write);
  } else {
    for (const slot of selected) stepBackward(order, slot, wanted, write);
  }
}

type Write = (slot: Slot, index: string) => void;

// Above the next unselected shape, and above any shapes tied with it (a key between equal
// indices does not exist).
function stepForward(order: Slot[], slot: Slot, wanted: ReadonlySet<string>, write: Write): void {
  const from = order.indexOf(slot);
  let n = from + 1;
  while (n < order.length && wanted.has((order[n] as Slot).id)) n++;
  if (n >= order.length) return;
  const neighbour = order[n] as Slot;
  let after = n + 1;
  while (after < order.length && (order[after] as Slot).index <= neighbour.index) after++;
  const upper = after < order.length ? (order[after] as Slot).index : null;
  write(slot, keyBetween(neighbour.index, upper));
  order.splice(from, 1);
  order.splice(after - 1, 0, slot);
}

function stepBackward(order: Slot[], slot: Slot, wanted: ReadonlySet<string>, write: Write): void {
  const from = order.indexOf(slot);
  let n = from - 1;
  while (n >= 0 && wanted.has((order[n] as Slot).id)) n--;
  if (n < 0) return;
  const neighbour = order[n] as Slot;
  let before = n - 1;
  while (before >= 0 && (order[before] as Slot).index >= neighbour.index) before--;
  const lower = before >= 0 ? (order[before] as Slot).index : null;
  write(slot, keyBetween(lower, neighbour.index));
  order.splice(from, 1);
  order.splice(before + 1, 0, slot);
}

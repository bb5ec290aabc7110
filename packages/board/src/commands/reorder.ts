import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import { isValidIndex, keyBetween, keysBetween } from '../zorder/zorder.ts';
import type { CommandContext } from './context.ts';
import type { ReorderDirection } from './types.ts';

interface Slot {
  readonly id: string;
  index: string;
}

/** Every record with a valid index, bottom to top (ties broken by id, M3). */
export function stackingOrder(shapes: ShapesMap): Slot[] {
  const slots: Slot[] = [];
  for (const [id, map] of shapes) {
    if (!(map instanceof Y.Map)) continue;
    const index = map.get('index');
    if (isValidIndex(index)) slots.push({ id, index });
  }
  return slots.sort((a, b) =>
    a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** Front/back move the selection above/below everything; forward/backward past one neighbour (M7). */
export function reorderShapes(
  ctx: CommandContext,
  ids: readonly string[],
  how: ReorderDirection,
): void {
  const wanted = new Set(ids);
  const order = stackingOrder(ctx.shapes);
  const selected = order.filter((slot) => wanted.has(slot.id));
  if (selected.length === 0) return;
  const write = (slot: Slot, index: string): void => {
    slot.index = index;
    ctx.shapes.get(slot.id)?.set('index', index);
    ctx.noteIndex(index);
  };
  if (how === 'front') {
    const keys = keysBetween(ctx.topIndex(), null, selected.length);
    selected.forEach((slot, i) => write(slot, keys[i] as string));
    return;
  }
  if (how === 'back') {
    const keys = keysBetween(null, order[0]?.index ?? null, selected.length);
    selected.forEach((slot, i) => write(slot, keys[i] as string));
    return;
  }
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

import { compareShapes, readRecord, readShape } from '../read/read.ts';
import type { ArrowBinding } from '../shapes/arrow/arrow.ts';
import type { Shape } from '../shapes/registry.ts';
import { keysBetween } from '../zorder/zorder.ts';
import type { CommandContext } from './context.ts';
import { childrenOf, writeRecord } from './context.ts';

/**
 * Copies shapes with new ids above everything, keeping their relative order (M13). A carton
 * brings its children. Parent and bindings pointing inside the copied set are remapped to the
 * copies; a binding to a shape outside the set is dropped, its end kept where it is drawn.
 */
export function duplicateShapes(
  ctx: CommandContext,
  ids: readonly string[],
  offset: { x: number; y: number },
): string[] {
  const sources = new Map<string, Shape>();
  const cartons = new Set<string>();
  for (const id of ids) {
    const shape = readRecord(ctx.shapes, id);
    if (shape === undefined) continue;
    sources.set(id, shape);
    if (shape.type === 'carton') cartons.add(id);
  }
  for (const id of childrenOf(ctx.shapes, cartons)) {
    const child = readRecord(ctx.shapes, id);
    if (child !== undefined && child.parentId !== null && cartons.has(child.parentId)) {
      sources.set(id, child);
    }
  }
  const ordered = [...sources.values()].sort(compareShapes);
  ctx.room.take(ordered.length); // M37: the whole copy fits, or nothing is written
  const copies = new Map<string, string>();
  for (const shape of ordered) copies.set(shape.id, ctx.newId());
  const keys = keysBetween(ctx.topIndex(), null, ordered.length);
  ordered.forEach((shape, i) => {
    const copy: Record<string, unknown> = {
      ...(shape as unknown as Record<string, unknown>),
      id: copies.get(shape.id),
      index: keys[i],
      x: shape.x + offset.x,
      y: shape.y + offset.y,
      parentId: shape.parentId === null ? null : (copies.get(shape.parentId) ?? shape.parentId),
    };
    if (shape.type === 'arrow') {
      const drawn = readShape(ctx.shapes, shape.id);
      const remap = (binding: ArrowBinding | null, end: 'start' | 'end'): ArrowBinding | null => {
        if (binding === null) return null;
        const target = copies.get(binding.shapeId);
        if (target !== undefined) return { shapeId: target, anchor: binding.anchor };
        if (drawn?.type === 'arrow') copy[end] = drawn[end];
        return null;
      };
      copy['startBinding'] = remap(shape.startBinding, 'start');
      copy['endBinding'] = remap(shape.endBinding, 'end');
    }
    writeRecord(ctx, copy as unknown as Shape);
  });
  const result: string[] = [];
  for (const id of ids) {
    const copy = copies.get(id);
    if (copy !== undefined && !result.includes(copy)) result.push(copy);
  }
  return result;
}

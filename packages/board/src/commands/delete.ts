import * as Y from 'yjs';
import { DELETED_BY_KEY, DELETED_BY_MAX_NAME } from '../doc/layout.ts';
import { readShape } from '../read/read.ts';
import type { CommandContext } from './context.ts';
import { childrenOf, lockedRecord } from './context.ts';

/**
 * Deletes shapes. A carton takes its contents with it (M5). Every surviving arrow bound to a
 * deleted shape is unbound, its end kept where it was last drawn (M4). A locked shape in `ids`
 * is skipped (M33); an unlocked carton still takes its locked contents (M5). Given `by` (the
 * deleter's name), the deletion names its author in the document (M36).
 */
export function deleteShapes(ctx: CommandContext, ids: readonly string[], by?: string): void {
  const doomed = new Set<string>();
  const cartons = new Set<string>();
  for (const id of ids) {
    const map = ctx.shapes.get(id);
    if (map === undefined || lockedRecord(ctx, map)) continue; // M33: a locked shape stays
    doomed.add(id);
    if (map instanceof Y.Map && map.get('type') === 'carton') cartons.add(id);
  }
  if (doomed.size === 0) return;
  for (const child of childrenOf(ctx.shapes, cartons)) doomed.add(child);
  unbindArrowsTo(ctx, doomed);
  for (const id of doomed) ctx.shapes.delete(id);
  ctx.room.forget();
  const name = by?.trim().slice(0, DELETED_BY_MAX_NAME);
  if (name && ctx.shapes.doc)
    nameDeleter(ctx.shapes.doc, [...doomed], name, ctx.newId().replace(/^shape:/u, 'deletion:'));
}

/**
 * M36: `{ ids, by }` under a fresh key (a key never used has no origin, so a relay reads the
 * entry's map from the update alone), the earlier entries removed: only this one is news.
 */
function nameDeleter(doc: Y.Doc, ids: string[], by: string, key: string): void {
  const names = doc.getMap<unknown>(DELETED_BY_KEY);
  for (const old of [...names.keys()]) names.delete(old);
  names.set(key, { ids, by });
}

function unbindArrowsTo(ctx: CommandContext, doomed: ReadonlySet<string>): void {
  for (const [id, map] of ctx.shapes) {
    if (doomed.has(id) || !(map instanceof Y.Map) || map.get('type') !== 'arrow') continue;
    const startTarget = bindingTarget(map.get('startBinding'));
    const endTarget = bindingTarget(map.get('endBinding'));
    const unbindStart = startTarget !== null && doomed.has(startTarget);
    const unbindEnd = endTarget !== null && doomed.has(endTarget);
    if (!unbindStart && !unbindEnd) continue;
    // The resolved ends, computed before the targets disappear.
    const arrow = readShape(ctx.shapes, id);
    if (unbindStart) {
      if (arrow?.type === 'arrow') map.set('start', arrow.start);
      map.set('startBinding', null);
    }
    if (unbindEnd) {
      if (arrow?.type === 'arrow') map.set('end', arrow.end);
      map.set('endBinding', null);
    }
  }
}

function bindingTarget(binding: unknown): string | null {
  if (typeof binding !== 'object' || binding === null) return null;
  const shapeId = (binding as { shapeId?: unknown }).shapeId;
  return typeof shapeId === 'string' ? shapeId : null;
}

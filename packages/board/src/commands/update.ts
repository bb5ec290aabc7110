import * as Y from 'yjs';
import { readRecord } from '../read/read.ts';
import type { ArrowBinding } from '../shapes/arrow/arrow.ts';
import { isLocked } from '../shapes/common/base.ts';
import { definitionOf } from '../shapes/registry.ts';
import type { CommandContext } from './context.ts';
import { jsonEqual } from '../json/json.ts';
import { storedValue, writeStoredValue } from '../stored/stored.ts';
import { childrenOf, honoursLocks, invalid } from './context.ts';
import { validateRecord, validBinding } from './create.ts';
import type { Shape } from '../shapes/registry.ts';
import type { ShapePatch, UpdateOptions } from './types.ts';

const FIXED_KEYS = ['id', 'type', 'index', 'parentId', 'createdBy', 'locked'] as const;

/**
 * Writes only the keys whose value changes (M2: one key per prop, so a concurrent edit of
 * another prop survives; typed text as one splice, so a concurrent edit of the same text
 * survives too, M35). An id that is missing or unreadable is a no-op (M12); so is a locked
 * shape (M33: a peer may have just locked it, as a missing id may have just been deleted).
 */
export function updateShape(
  ctx: CommandContext,
  id: string,
  patch: ShapePatch,
  options: UpdateOptions = {},
): void {
  const current = readRecord(ctx.shapes, id);
  const map = ctx.shapes.get(id);
  if (current === undefined || !(map instanceof Y.Map)) return;
  // The patch's keys are still checked, so a caller's mistake is not hidden by a lock.
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if ((FIXED_KEYS as readonly string[]).includes(key)) {
      invalid(`update cannot change ${key}; use its command`);
    }
    if (!definitionOf(current.type).recordKeys.includes(key)) {
      invalid(`${key} is not a prop of ${current.type}`);
    }
    changes[key] = value;
  }
  if (current.type === 'arrow') {
    if ('startBinding' in changes) {
      changes['startBinding'] = validBinding(ctx, id, changes['startBinding'] as ArrowBinding);
    }
    if ('endBinding' in changes) {
      changes['endBinding'] = validBinding(ctx, id, changes['endBinding'] as ArrowBinding);
    }
  }
  if (isLocked(current) && honoursLocks(ctx) && !carriedByItsCarton(ctx, current, changes, options))
    return;
  const next = validateRecord({ ...current, ...changes });
  const nextRecord = next as unknown as Record<string, unknown>;
  for (const key of Object.keys(changes)) {
    const value = nextRecord[key];
    if (!jsonEqual(storedValue(map.get(key)), value)) writeStoredValue(map, next.type, key, value);
  }
  if (current.type === 'carton') moveChildren(ctx, id, next.x - current.x, next.y - current.y);
}

const PLACEMENT_KEYS: readonly string[] = ['x', 'y', 'rotation'];

/**
 * M33: a locked shape is written only when its unlocked carton carries it (a turn or a resize
 * of the carton, which the client writes child by child) and only its placement changes.
 */
function carriedByItsCarton(
  ctx: CommandContext,
  shape: Shape,
  changes: Record<string, unknown>,
  options: UpdateOptions,
): boolean {
  if (options.carried !== true || shape.parentId === null) return false;
  if (!Object.keys(changes).every((key) => PLACEMENT_KEYS.includes(key))) return false;
  const carton = readRecord(ctx.shapes, shape.parentId);
  return carton !== undefined && !isLocked(carton);
}

/** Children use absolute coordinates: moving a carton moves them in the same transaction (M6). */
function moveChildren(ctx: CommandContext, cartonId: string, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  for (const childId of childrenOf(ctx.shapes, new Set([cartonId]))) {
    const child = ctx.shapes.get(childId);
    if (!(child instanceof Y.Map)) continue;
    const x = child.get('x');
    const y = child.get('y');
    if (typeof x === 'number' && dx !== 0) child.set('x', x + dx);
    if (typeof y === 'number' && dy !== 0) child.set('y', y + dy);
  }
}

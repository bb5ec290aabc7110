import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import { shapesMapOf } from '../doc/layout.ts';
import type { ReadCache } from '../read/read.ts';
import { readShape } from '../read/read.ts';
import type { Shape } from '../shapes/registry.ts';
import { isValidIndex } from '../zorder/zorder.ts';

export interface InvariantViolation {
  readonly rule: string;
  readonly shapeId: string;
  readonly message: string;
}

/**
 * The model's invariants over what readers see (M18). Returns every violation (empty = ok).
 * Concurrent edits may leave dangling references in the stored data (M11); readers repair them,
 * so these hold for every converged document, whatever the interleaving.
 */
export function checkInvariants(doc: Y.Doc): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const shapes = shapesMapOf(doc);
  if (shapes === undefined) return violations;
  const visible = new Map<string, Shape>();
  const cache: ReadCache = new Map();
  for (const [key, map] of shapes) {
    const shape = readShape(shapes, key, cache);
    if (shape === undefined) continue;
    if (shape.id !== key || !(map instanceof Y.Map)) {
      violations.push({
        rule: 'unique-id',
        shapeId: key,
        message: `stored under ${key} but id ${shape.id}`,
      });
    }
    if (visible.has(shape.id)) {
      violations.push({ rule: 'unique-id', shapeId: key, message: 'id seen twice' });
    }
    visible.set(shape.id, shape);
  }
  for (const shape of visible.values()) checkShape(shapes, visible, shape, violations);
  return violations;
}

function checkShape(
  shapes: ShapesMap,
  visible: ReadonlyMap<string, Shape>,
  shape: Shape,
  violations: InvariantViolation[],
): void {
  const report = (rule: string, message: string): void => {
    violations.push({ rule, shapeId: shape.id, message });
  };
  if (!isValidIndex(shape.index)) report('index', `invalid fractional index ${shape.index}`);
  if (shape.parentId !== null) {
    const parent = visible.get(shape.parentId);
    if (shape.type === 'carton') report('parent', 'a carton has a parent');
    else if (parent === undefined) report('parent', `parent ${shape.parentId} is not on the board`);
    else if (parent.type !== 'carton') report('parent', `parent ${shape.parentId} is not a carton`);
  }
  if (shape.type !== 'arrow') return;
  for (const binding of [shape.startBinding, shape.endBinding]) {
    if (binding === null) continue;
    const target = visible.get(binding.shapeId);
    if (target === undefined) report('binding', `bound to missing shape ${binding.shapeId}`);
    else if (target.type === 'arrow' || target.id === shape.id) {
      report('binding', `bound to ${binding.shapeId}, which cannot be bound`);
    }
  }
  if (!shapes.has(shape.id)) report('unique-id', 'readable but not stored');
}

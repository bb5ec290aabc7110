import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import type { ArrowBinding, ArrowShape } from '../shapes/arrow/arrow.ts';
import type { Point } from '../shapes/common/geometry.ts';
import { toLocal, toPage } from '../shapes/common/geometry.ts';
import type { Shape } from '../shapes/registry.ts';
import { definitionOf, isShapeType } from '../shapes/registry.ts';
import { cutText } from '../stored/splice.ts';

// Reads validate (M10): a record that fails its type's schema, has an unknown type, or whose id
// does not match its key is invisible to readers and left as is in the document.
// References are repaired on read (M11): a parentId that does not name a readable carton reads
// as null; an arrow binding whose target is missing, unreadable, an arrow or itself reads as null.

/** Validated record, without repairing references. Not frozen. */
export function parseRecord(shapes: ShapesMap, id: string): Shape | undefined {
  const map = shapes.get(id);
  if (!(map instanceof Y.Map)) return undefined;
  const type = map.get('type');
  if (!isShapeType(type)) return undefined;
  if (map.get('id') !== id) return undefined;
  const definition = definitionOf(type);
  const record = map.toJSON() as Record<string, unknown>;
  const parsed = definition.schema.safeParse(record);
  if (parsed.success) return parsed.data;
  // M35: two people typing in the same text at once can together pass its maximum length. Such
  // a text reads cut at that length (never half an emoji) rather than taking its shape off the
  // board; the next edit writes the cut text.
  let cut = false;
  for (const issue of parsed.error.issues) {
    const key = issue.path.length === 1 ? issue.path[0] : undefined;
    const value = typeof key === 'string' ? record[key] : undefined;
    if (issue.code !== 'too_big' || typeof value !== 'string') continue;
    if (!definition.mergedText.includes(key as string)) continue;
    record[key as string] = cutText(value, Number(issue.maximum));
    cut = true;
  }
  if (!cut) return undefined;
  const again = definition.schema.safeParse(record);
  return again.success ? again.data : undefined;
}

/**
 * Parsed referenced records (parents, binding targets) for one batch of reads over an unchanging
 * document: the children of a carton parse the carton once, not once each.
 */
export type ReadCache = Map<string, Shape | null>;

function parseReferenced(
  shapes: ShapesMap,
  id: string,
  cache: ReadCache | undefined,
): Shape | undefined {
  if (cache === undefined) return parseRecord(shapes, id);
  let parsed = cache.get(id);
  if (parsed === undefined) {
    parsed = parseRecord(shapes, id) ?? null;
    cache.set(id, parsed);
  }
  return parsed ?? undefined;
}

function readableCarton(shapes: ShapesMap, id: string, cache: ReadCache | undefined): boolean {
  const map = shapes.get(id);
  if (!(map instanceof Y.Map) || map.get('type') !== 'carton') return false;
  return parseReferenced(shapes, id, cache) !== undefined;
}

function repairBinding(
  shapes: ShapesMap,
  arrowId: string,
  binding: ArrowBinding | null,
  cache: ReadCache | undefined,
): { binding: ArrowBinding | null; target: Shape | undefined } {
  if (binding === null || binding.shapeId === arrowId) return { binding: null, target: undefined };
  const target = parseReferenced(shapes, binding.shapeId, cache);
  if (target === undefined || target.type === 'arrow') return { binding: null, target: undefined };
  return { binding, target };
}

/** Where a binding puts an arrow end, in page coordinates. */
export function bindingPagePoint(target: Shape, anchor: Point): Point {
  const box = definitionOf(target.type).localBox(target);
  return toPage(target, { x: box.x + anchor.x * box.w, y: box.y + anchor.y * box.h });
}

/**
 * The record as readers see it, with references repaired, arrow ends left as stored.
 * This is what the codec exports.
 */
export function readRecord(shapes: ShapesMap, id: string, cache?: ReadCache): Shape | undefined {
  const shape = parseRecord(shapes, id);
  if (shape === undefined) return undefined;
  return repair(shapes, shape, cache).shape;
}

function repair(
  shapes: ShapesMap,
  shape: Shape,
  cache: ReadCache | undefined,
): { shape: Shape; start?: Shape | undefined; end?: Shape | undefined } {
  let result: Shape = shape;
  if (shape.parentId !== null) {
    if (shape.type === 'carton' || !readableCarton(shapes, shape.parentId, cache)) {
      result = { ...result, parentId: null };
    }
  }
  if (result.type !== 'arrow') return { shape: result };
  const start = repairBinding(shapes, result.id, result.startBinding, cache);
  const end = repairBinding(shapes, result.id, result.endBinding, cache);
  if (start.binding !== result.startBinding || end.binding !== result.endBinding) {
    result = { ...result, startBinding: start.binding, endBinding: end.binding };
  }
  return { shape: result, start: start.target, end: end.target };
}

function resolveEnds(
  arrow: ArrowShape,
  start: Shape | undefined,
  end: Shape | undefined,
): ArrowShape {
  if (start === undefined && end === undefined) return arrow;
  const resolved: { start: Point; end: Point } = { start: arrow.start, end: arrow.end };
  if (start !== undefined && arrow.startBinding !== null) {
    resolved.start = Object.freeze(
      toLocal(arrow, bindingPagePoint(start, arrow.startBinding.anchor)),
    );
  }
  if (end !== undefined && arrow.endBinding !== null) {
    resolved.end = Object.freeze(toLocal(arrow, bindingPagePoint(end, arrow.endBinding.anchor)));
  }
  return { ...arrow, ...resolved };
}

/**
 * The shape as the UI sees it: validated, references repaired, bound arrow ends computed from
 * their targets (M8), frozen. undefined when the record is unreadable.
 */
export function readShape(shapes: ShapesMap, id: string, cache?: ReadCache): Shape | undefined {
  const parsed = parseRecord(shapes, id);
  if (parsed === undefined) return undefined;
  const repaired = repair(shapes, parsed, cache);
  const shape =
    repaired.shape.type === 'arrow'
      ? resolveEnds(repaired.shape, repaired.start, repaired.end)
      : repaired.shape;
  return Object.freeze(shape);
}

/** All readable shapes (readers' view), sorted by z-order. */
export function readAllShapes(shapes: ShapesMap): Shape[] {
  const result: Shape[] = [];
  const cache: ReadCache = new Map();
  for (const id of shapes.keys()) {
    const shape = readShape(shapes, id, cache);
    if (shape !== undefined) result.push(shape);
  }
  return result.sort(compareShapes);
}

export function compareShapes(a: Shape, b: Shape): number {
  if (a.index < b.index) return -1;
  if (a.index > b.index) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

import { isLocalOrigin } from '../origin/origin.ts';
import { isShapeId } from '../ids/ids.ts';
import { parseRecord } from '../read/read.ts';
import type { ArrowBinding } from '../shapes/arrow/arrow.ts';
import type { Shape, ShapeType } from '../shapes/registry.ts';
import { definitionOf, isShapeType } from '../shapes/registry.ts';
import { isValidIndex, keyBetween } from '../zorder/zorder.ts';
import type { CommandContext } from './context.ts';
import { zodIssues } from '../json/json.ts';
import { invalid, writeRecord } from './context.ts';
import type { ShapeCreateInput } from './types.ts';

/** The parent a new or reparented shape may have: a readable carton, else null. */
export function validParent(
  ctx: CommandContext,
  type: ShapeType,
  parentId: unknown,
): string | null {
  if (type === 'carton' || typeof parentId !== 'string') return null;
  const parent = parseRecord(ctx.shapes, parentId);
  return parent?.type === 'carton' ? parentId : null;
}

/** A binding is kept only if its target is readable; binding to an arrow or to itself is an error. */
export function validBinding(
  ctx: CommandContext,
  arrowId: string,
  binding: ArrowBinding | null | undefined,
): ArrowBinding | null {
  if (binding === null || binding === undefined) return null;
  if (binding.shapeId === arrowId) invalid('an arrow cannot bind to itself');
  const target = parseRecord(ctx.shapes, binding.shapeId);
  if (target === undefined) return null;
  if (target.type === 'arrow') invalid('an arrow cannot bind to another arrow');
  return binding;
}

export function validateRecord(candidate: Record<string, unknown>): Shape {
  const type = candidate['type'];
  if (!isShapeType(type)) return invalid(`unknown shape type ${JSON.stringify(type)}`);
  const parsed = definitionOf(type).schema.safeParse(candidate);
  if (!parsed.success) return invalid(`invalid ${type}`, zodIssues(parsed.error));
  return parsed.data;
}

export function createShape<T extends ShapeType>(
  ctx: CommandContext,
  type: T,
  input: ShapeCreateInput<T>,
): string {
  if (!isShapeType(type)) invalid(`unknown shape type ${JSON.stringify(type)}`);
  const id = input.id ?? ctx.newId();
  if (!isShapeId(id)) invalid(`invalid id ${JSON.stringify(id)}`);
  if (ctx.shapes.has(id)) invalid(`id ${id} already exists`);
  const index =
    input.index !== undefined && isValidIndex(input.index)
      ? input.index
      : keyBetween(ctx.topIndex(), null);
  const createdBy = input.createdBy ?? (isLocalOrigin(ctx.origin) ? ctx.origin.userId : undefined);
  const candidate: Record<string, unknown> = {
    ...definitionOf(type).defaults(),
    ...input,
    id,
    type,
    rotation: input.rotation ?? 0,
    index,
    parentId: validParent(ctx, type, input.parentId),
  };
  if (createdBy === undefined) delete candidate['createdBy'];
  else candidate['createdBy'] = createdBy;
  if (type === 'arrow') {
    candidate['startBinding'] = validBinding(ctx, id, candidate['startBinding'] as ArrowBinding);
    candidate['endBinding'] = validBinding(ctx, id, candidate['endBinding'] as ArrowBinding);
  }
  const record = validateRecord(candidate);
  ctx.room.take(1); // M37: refused before anything of it is written
  writeRecord(ctx, record);
  return id;
}

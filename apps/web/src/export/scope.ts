// What an export draws: the whole board, the selection, or one carton, and the box around it.
// Cartons bring their contents (as in @carton/render's scopes), so a carton exported from the
// selection looks as it does on the board.
import { compareOrder, shapeBounds, type Box, type Shape } from '@carton/board';

export type ExportScope =
  | { readonly kind: 'board' }
  | { readonly kind: 'selection'; readonly ids: readonly string[] }
  | { readonly kind: 'carton'; readonly id: string };

/** Margin around the drawing, in board units (the same as @carton/render's default). */
export const EXPORT_PADDING = 40;

export function shapesInScope(all: readonly Shape[], scope: ExportScope): Shape[] {
  const ordered = [...all].sort(compareOrder);
  if (scope.kind === 'board') return ordered;
  const wanted = new Set(scope.kind === 'carton' ? [scope.id] : scope.ids);
  const cartons = new Set(
    ordered.filter((s) => s.type === 'carton' && wanted.has(s.id)).map((s) => s.id),
  );
  if (scope.kind === 'carton' && cartons.size === 0) return [];
  return ordered.filter(
    (s) => wanted.has(s.id) || (s.parentId !== null && cartons.has(s.parentId)),
  );
}

/**
 * The drawn area in board units: the shapes' bounds, grown by the offset shadows the editor
 * draws under notes and cartons, plus the padding, on whole units.
 */
export function exportBox(shapes: readonly Shape[], padding = EXPORT_PADDING): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const shape of shapes) {
    const b = shapeBounds(shape);
    const grow = shape.type === 'carton' ? 8 : shape.type === 'note' ? 4 : 0;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w + grow);
    y1 = Math.max(y1, b.y + b.h + grow);
  }
  if (!Number.isFinite(x0)) return null;
  const x = Math.floor(x0 - padding);
  const y = Math.floor(y0 - padding);
  return { x, y, w: Math.ceil(x1 + padding) - x, h: Math.ceil(y1 + padding) - y };
}

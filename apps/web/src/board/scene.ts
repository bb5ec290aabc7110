// The scene: a spatial index and z-order kept in step with the board view, answering
// "what is under this point / in this rectangle / near this box" for tools and culling.
import {
  arrowDrawnEnds,
  hitTestShape,
  isLocked,
  shapeBounds,
  toLocal,
  type ArrowShape,
  type BoardView,
  type Box,
  type Shape,
} from '@carton/board';
import type { Point, Rect } from '../geometry/rect';
import { rectContains } from '../geometry/rect';
import { SpatialIndex } from '../geometry/spatialIndex';
import type { ShapeInfo } from '../tools/types';

export function boxToRect(box: Box): Rect {
  return { x: box.x, y: box.y, width: box.w, height: box.h };
}

/** Height of a carton's title band, in world units: the part you grab to move it. */
export const CARTON_TITLE_HEIGHT = 72;
const CARTON_EDGE = 10;

export class Scene {
  readonly index = new SpatialIndex(512);
  private readonly seen = new Map<string, Shape>();
  private order: readonly string[] = [];
  private readonly position = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly view: BoardView) {
    this.sync();
    this.unsubscribe = view.subscribe((changedIds) => this.sync(changedIds));
  }

  destroy(): void {
    this.unsubscribe();
  }

  /** Changes whenever any shape's bounds or the order changed (for culling subscribers). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getShape(id: string): Shape | undefined {
    return this.view.getShape(id);
  }

  orderedIds(): readonly string[] {
    return this.order;
  }

  orderOf(id: string): number {
    return this.position.get(id) ?? -1;
  }

  bounds(id: string): Rect | undefined {
    return this.index.bounds(id);
  }

  /**
   * The box the selection handles frame: the shape as drawn. A bound arrow stops at its shapes'
   * outlines, so its box (and the rotate handle above it) follows the drawn line, not the
   * anchors inside the notes; the stored ends, culling and hit-testing keep `bounds`.
   */
  selectionBounds(id: string): Rect | undefined {
    const shape = this.view.getShape(id);
    if (shape?.type !== 'arrow' || (!shape.startBinding && !shape.endBinding)) {
      return this.index.bounds(id);
    }
    return boxToRect(shapeBounds(this.asDrawn(shape)));
  }

  info(id: string): ShapeInfo | undefined {
    const shape = this.view.getShape(id);
    const bounds = this.index.bounds(id);
    if (!shape || !bounds) return undefined;
    const locked = isLocked(shape);
    return {
      id,
      type: shape.type,
      bounds,
      rotation: shape.rotation,
      parentId: shape.parentId,
      keepAspect: shape.type === 'note' || shape.type === 'image',
      editable:
        !locked && (shape.type === 'note' || shape.type === 'text' || shape.type === 'carton'),
      locked,
    };
  }

  /** Ids visible in `rect`, bottom to top. */
  visibleIds(rect: Rect): string[] {
    const found = this.index.query(rect);
    if (found.size === this.order.length) return this.order.slice();
    return [...found].sort((a, b) => this.orderOf(a) - this.orderOf(b));
  }

  /**
   * Topmost shape under `p`; cartons are grabbed by their title band or edge only. A locked
   * shape is passed through, as the background is (M33), unless `locked` asks for it: a
   * long-press or a right-click chooses it to unlock it. Shapes of the `skipTypes` are passed
   * through too: an arrow drawn from a heart on a note finds the note under it.
   */
  shapeAt(
    p: Point,
    tolerance: number,
    options: { locked?: boolean; skipTypes?: readonly string[] } = {},
  ): ShapeInfo | null {
    const near = this.near(p, tolerance);
    let best: string | null = null;
    let bestOrder = -1;
    for (const id of near) {
      const shape = this.view.getShape(id);
      if (!shape || (isLocked(shape) && !options.locked)) continue;
      if (options.skipTypes?.includes(shape.type)) continue;
      if (!hitTestShape(this.asDrawn(shape), p, tolerance)) continue;
      if (shape.type === 'carton' && !this.onCartonFrame(shape, p, tolerance)) continue;
      const order = this.orderOf(id);
      if (order > bestOrder) {
        best = id;
        bestOrder = order;
      }
    }
    return best ? (this.info(best) ?? null) : null;
  }

  /**
   * The locked shape a press at `p` lands on (M33), or null: the topmost shape there is locked,
   * no unlocked one above it. A locked carton counts over its whole box (its body is what a
   * finger lands on); an unlocked carton's body is background, as for shapeAt. A long-press
   * or right-click chooses it to unlock it, and a finger's drag on it pans the view.
   */
  lockedAt(p: Point, tolerance: number): ShapeInfo | null {
    const near = this.near(p, tolerance);
    let best: Shape | null = null;
    let bestOrder = -1;
    for (const id of near) {
      const shape = this.view.getShape(id);
      if (!shape || !hitTestShape(this.asDrawn(shape), p, tolerance)) continue;
      const locked = isLocked(shape);
      if (!locked && shape.type === 'carton' && !this.onCartonFrame(shape, p, tolerance)) continue;
      const order = this.orderOf(id);
      if (order > bestOrder) {
        best = shape;
        bestOrder = order;
      }
    }
    return best && isLocked(best) ? (this.info(best.id) ?? null) : null;
  }

  /** The ids whose indexed boxes come within `tolerance` of `p`. */
  private near(p: Point, tolerance: number): Set<string> {
    return this.index.query({
      x: p.x - tolerance,
      y: p.y - tolerance,
      width: tolerance * 2,
      height: tolerance * 2,
    });
  }

  /**
   * A shape as the canvas draws it: a bound arrow stops at its shapes' outlines, so a click
   * inside a note it points at picks the note, not the arrow's undrawn part.
   */
  private asDrawn(shape: Shape): Shape {
    if (shape.type !== 'arrow') return shape;
    const target = (binding: ArrowShape['startBinding']) =>
      binding ? this.view.getShape(binding.shapeId) : undefined;
    const targets = { start: target(shape.startBinding), end: target(shape.endBinding) };
    return { ...shape, ...arrowDrawnEnds(shape, targets) };
  }

  /** Unlocked shapes entirely inside `rect` (a marquee never takes a locked one, M33). */
  shapesInRect(rect: Rect): ShapeInfo[] {
    const out: ShapeInfo[] = [];
    for (const id of this.visibleIds(rect)) {
      const bounds = this.index.bounds(id);
      if (bounds && rectContains(rect, bounds)) {
        const info = this.info(id);
        if (info && !info.locked) out.push(info);
      }
    }
    return out;
  }

  cartonAt(p: Point, exclude: ReadonlySet<string>): string | null {
    let best: string | null = null;
    let bestOrder = -1;
    for (const id of this.index.query({ x: p.x, y: p.y, width: 0, height: 0 })) {
      if (exclude.has(id)) continue;
      const shape = this.view.getShape(id);
      const bounds = this.index.bounds(id);
      // In the carton's own frame: a turned carton holds what is inside its turned box.
      if (shape?.type !== 'carton' || !bounds || !hitTestShape(shape, p, 0)) continue;
      const order = this.orderOf(id);
      if (order > bestOrder) {
        best = id;
        bestOrder = order;
      }
    }
    return best;
  }

  /** Children of the given cartons (for copy, and for moving a carton's content along). */
  childrenOf(cartonIds: ReadonlySet<string>): string[] {
    return this.order.filter((id) => {
      const parent = this.view.getShape(id)?.parentId;
      return parent != null && cartonIds.has(parent);
    });
  }

  // In the carton's own frame, so a rotated carton is grabbed by its (rotated) title band.
  private onCartonFrame(shape: Shape, p: Point, tolerance: number): boolean {
    if (shape.type !== 'carton') return false;
    const local = toLocal(shape, p);
    const edge = CARTON_EDGE + tolerance;
    return (
      local.y <= CARTON_TITLE_HEIGHT ||
      local.x <= edge ||
      local.x >= shape.w - edge ||
      local.y >= shape.h - edge
    );
  }

  /**
   * Follows the view: the order when it changed (membership, z-order), then the boxes of the
   * shapes whose snapshots changed — the view names them, so a drag's write re-indexes the
   * dragged note and its arrows, not the whole board. Without names (the first sync), all.
   */
  private sync(changedIds?: ReadonlySet<string>): void {
    const ordered = this.view.getOrderedIds();
    let changed = false;
    if (ordered !== this.order) {
      this.order = ordered;
      this.position.clear();
      ordered.forEach((id, i) => this.position.set(id, i));
      for (const id of [...this.seen.keys()]) {
        if (!this.position.has(id)) {
          this.seen.delete(id);
          this.index.delete(id);
        }
      }
      changed = true;
    }
    for (const id of changedIds ?? ordered) {
      const shape = this.view.getShape(id);
      if (!shape) continue; // gone: dropped above with the order
      if (this.seen.get(id) === shape) continue;
      this.seen.set(id, shape);
      this.index.set(id, boxToRect(shapeBounds(shape)));
      changed = true;
    }
    if (changed) {
      this.version++;
      for (const listener of this.listeners) listener();
    }
  }
}

// A plain ToolContext over a list of boxes, for headless tool tests (no board, no DOM).
import { rectContains, rectContainsPoint, type Point, type Rect } from '../geometry/rect';
import type { SelectionHandle, ShapeInfo, ToolContext, ToolPointer, ToolStyle } from './types';

export const TEST_STYLE: ToolStyle = {
  noteColor: 'yellow',
  penColor: 'black',
  penWidth: 4,
  shapeColor: 'blue',
  stampKind: 'heart',
};

export function info(id: string, bounds: Rect, extra: Partial<ShapeInfo> = {}): ShapeInfo {
  return {
    id,
    type: 'note',
    bounds,
    rotation: 0,
    parentId: null,
    keepAspect: false,
    editable: false,
    locked: false,
    ...extra,
  };
}

export class FakeContext implements ToolContext {
  zoom = 1;
  selection: string[] = [];
  style = TEST_STYLE;
  handle: SelectionHandle | null = null;
  constructor(public shapes: ShapeInfo[]) {}

  shapeAt(
    world: Point,
    _px?: number,
    options: { locked?: boolean; skipTypes?: readonly string[] } = {},
  ): ShapeInfo | null {
    // Last in the list is on top; a locked shape, or one of the skipped types, is passed
    // through, as the Scene does.
    for (let i = this.shapes.length - 1; i >= 0; i--) {
      const s = this.shapes[i];
      if (!s || (s.locked && !options.locked) || options.skipTypes?.includes(s.type)) continue;
      if (rectContainsPoint(s.bounds, world)) return s;
    }
    return null;
  }
  lockedAt(world: Point): ShapeInfo | null {
    for (let i = this.shapes.length - 1; i >= 0; i--) {
      const s = this.shapes[i];
      if (s && rectContainsPoint(s.bounds, world)) return s.locked ? s : null;
    }
    return null;
  }
  handleAt(): SelectionHandle | null {
    return this.handle;
  }
  shapesInRect(rect: Rect): ShapeInfo[] {
    return this.shapes.filter((s) => !s.locked && rectContains(rect, s.bounds));
  }
  getInfo(id: string): ShapeInfo | undefined {
    return this.shapes.find((s) => s.id === id);
  }
  childrenOf(cartonId: string): ShapeInfo[] {
    return this.shapes.filter((s) => s.parentId === cartonId);
  }
  snapTargets(_rect: Rect, moving: ReadonlySet<string>): Rect[] {
    return this.shapes.filter((s) => !moving.has(s.id)).map((s) => s.bounds);
  }
  cartonAt(point: Point, exclude: ReadonlySet<string>): string | null {
    for (let i = this.shapes.length - 1; i >= 0; i--) {
      const s = this.shapes[i];
      if (s && s.type === 'carton' && !exclude.has(s.id) && rectContainsPoint(s.bounds, point))
        return s.id;
    }
    return null;
  }
}

/** A pointer event at world = screen (zoom 1, no pan) unless told otherwise. */
export function at(x: number, y: number, extra: Partial<ToolPointer> = {}): ToolPointer {
  return {
    world: { x, y },
    screen: { x, y },
    pointerType: 'mouse',
    pressure: 0.5,
    shift: false,
    mod: false,
    ...extra,
  };
}

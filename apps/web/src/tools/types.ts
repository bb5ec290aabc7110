// The vocabulary between tools and the shell. Tools are plain state machines: they read the
// board through a small ToolContext and answer each event with plans; only the shell applies
// plans (board commands, session store, awareness). Nothing here knows React, Konva or Yjs.
import type { Point, Rect } from '../geometry/rect';

export type ToolId =
  | 'select'
  | 'hand'
  | 'note'
  | 'carton'
  | 'pen'
  | 'eraser'
  | 'text'
  | 'rect'
  | 'ellipse'
  | 'arrow'
  | 'stamp'
  /** « Déplacer »: the next tap sets the chosen shapes down there (not in the toolbar). */
  | 'move';

export type PointerKind = 'mouse' | 'pen' | 'touch';

export interface ToolPointer {
  /** Pointer position in world coordinates. */
  world: Point;
  /** Pointer position in screen (CSS pixel) coordinates. */
  screen: Point;
  pointerType: PointerKind;
  pressure: number;
  shift: boolean;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  mod: boolean;
}

export type ResizeHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
/** A handle of the selection box: one of the eight resize handles or the rotate handle. */
export type SelectionHandle = ResizeHandle | 'rotate';

/** What a tool may know about a shape: its box, kind and carton. */
export interface ShapeInfo {
  id: string;
  type: string;
  bounds: Rect;
  /** Radians, clockwise, about the shape's x, y (the model's convention). */
  rotation: number;
  parentId: string | null;
  /** Notes and images keep their aspect ratio when resized. */
  keepAspect: boolean;
  /** Shapes whose text is edited in place (double-click or Enter); never a locked one. */
  editable: boolean;
  /**
   * Locked (M33): pointers go through it (shapeAt and shapesInRect skip it), nothing moves,
   * resizes, edits or erases it; the keyboard and a long-press still choose it to unlock it.
   */
  locked: boolean;
}

export interface ToolStyle {
  noteColor: string;
  penColor: string;
  penWidth: number;
  shapeColor: string;
  stampKind: string;
}

export interface ToolContext {
  readonly zoom: number;
  readonly selection: readonly string[];
  readonly style: ToolStyle;
  /**
   * Topmost shape under a world point (tolerance in screen pixels), or null. Locked shapes are
   * passed through unless `locked` asks for them (an arrow may end on one: it does not change it);
   * shapes of the `skipTypes` are passed through (the note under a heart).
   */
  shapeAt(
    world: Point,
    tolerancePx?: number,
    options?: { locked?: boolean; skipTypes?: readonly string[] },
  ): ShapeInfo | null;
  /**
   * The locked shape a press lands on (nothing unlocked above it), or null (M33): a locked
   * carton counts over its whole box.
   */
  lockedAt(world: Point, tolerancePx?: number): ShapeInfo | null;
  /** Handle of the current selection's box (resize or rotate) under a screen point. */
  handleAt(screen: Point): SelectionHandle | null;
  /** Shapes entirely inside a world rectangle. */
  shapesInRect(rect: Rect): ShapeInfo[];
  getInfo(id: string): ShapeInfo | undefined;
  /** Shapes whose carton is `cartonId`. */
  childrenOf(cartonId: string): ShapeInfo[];
  /** Bounds of shapes near `rect` that a moving selection may snap to (excluding `moving`). */
  snapTargets(rect: Rect, moving: ReadonlySet<string>): Rect[];
  /** Topmost carton that contains `point`, excluding `exclude` and their contents. */
  cartonAt(point: Point, exclude: ReadonlySet<string>): string | null;
}

export interface Guide {
  axis: 'x' | 'y';
  /** World coordinate of the line. */
  at: number;
  from: number;
  to: number;
}

/** What others see while a gesture is in flight (sent through awareness, never the document). */
export type Preview =
  | { kind: 'stroke'; points: [number, number, number][]; color: string; width: number }
  | { kind: 'arrow'; start: Point; end: Point; color: string }
  | { kind: 'box'; shapeType: 'rect' | 'ellipse' | 'carton'; rect: Rect; color: string }
  | { kind: 'erase'; ids: string[] };

export interface ArrowEnd {
  point: Point;
  /** Shape the end is attached to (it follows that shape), or null. */
  shapeId: string | null;
}

export type CreatePlan =
  | { kind: 'create'; shapeType: 'note'; center: Point; color: string }
  | { kind: 'create'; shapeType: 'stamp'; center: Point; stamp: string }
  | { kind: 'create'; shapeType: 'text'; at: Point }
  | {
      kind: 'create';
      shapeType: 'rect' | 'ellipse' | 'carton';
      /** Null: a click without a drag, the shell uses the default size centred on `at`. */
      rect: Rect | null;
      at: Point;
      color: string;
    }
  | {
      kind: 'create';
      shapeType: 'stroke';
      points: [number, number, number][];
      color: string;
      width: number;
      simulatePressure: boolean;
    }
  | { kind: 'create'; shapeType: 'arrow'; start: ArrowEnd; end: ArrowEnd; color: string };

export type Plan =
  | { kind: 'select'; ids: string[] }
  | { kind: 'marquee'; rect: Rect | null }
  | { kind: 'guides'; guides: Guide[] }
  /** Starts one undo step: everything until endGesture is undone together. */
  | { kind: 'beginGesture' }
  | { kind: 'endGesture' }
  /** Absolute new positions (top-left of bounds) for top-level moving shapes. */
  | { kind: 'move'; moves: { id: string; x: number; y: number }[] }
  /** Scales or rotates `ids` from where they were when the gesture began. */
  | { kind: 'transform'; ids: string[]; transform: Transform }
  | { kind: 'reparent'; ids: string[]; cartonId: string | null }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'edit'; id: string }
  | { kind: 'preview'; preview: Preview | null }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'setTool'; tool: ToolId }
  /** The shape the arrow tool chose as the next arrow's start (marked on the board), or none. */
  | { kind: 'arrowStart'; id: string | null }
  | CreatePlan;

/**
 * A gesture's transform, relative to the shapes at the start of the gesture. Scale maps the box
 * `from` onto `to` (shapes keeping their aspect scale by the smaller factor about their centre);
 * rotate turns by `angle` radians about `center`.
 */
export type Transform =
  { kind: 'scale'; from: Rect; to: Rect } | { kind: 'rotate'; center: Point; angle: number };

export interface KeyInfo {
  key: string;
  shift: boolean;
  mod: boolean;
}

export interface Tool {
  readonly id: ToolId;
  /** Current state name, e.g. 'select.dragging' (for tests and the cursor style). */
  readonly state: string;
  pointerDown(ctx: ToolContext, e: ToolPointer): Plan[];
  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[];
  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[];
  /** Pointer lost or Escape: abandon the gesture cleanly. */
  cancel(ctx: ToolContext): Plan[];
  /**
   * The pointer was lost (a second finger began a pinch): abandon the gesture in flight but keep
   * a step waiting for the next tap (the arrow's chosen start). Without it, `cancel`.
   */
  abort?(ctx: ToolContext): Plan[];
  doubleClick?(ctx: ToolContext, e: ToolPointer): Plan[];
  keyDown?(ctx: ToolContext, key: KeyInfo): Plan[];
}

/** Screen pixels a pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD_PX = 4;

export function movedBeyond(a: Point, b: Point, px = DRAG_THRESHOLD_PX): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) > px;
}

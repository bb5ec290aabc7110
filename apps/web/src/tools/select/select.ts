// Select tool: select.idle → select.pointing → select.dragging | select.marquee, and from a
// handle of the selection box select.resizing (one shape or many) or select.rotating.
import {
  rectContainsPoint,
  rectFromPoints,
  unionRects,
  type Point,
  type Rect,
} from '../../geometry/rect';
import {
  movedBeyond,
  type KeyInfo,
  type Plan,
  type ShapeInfo,
  type Tool,
  type ToolContext,
  type ToolPointer,
} from '../types';
import {
  adoptAfterResize,
  resizeStep,
  rotateStep,
  selectionKeepsAspect,
  type ResizeGesture,
  type RotateGesture,
} from './gestures';
import { stampsRiding } from '../stamp/carriedStamps';
import { GestureSnapping, snapBox } from './snapping';

const SNAP_PX = 6;

/**
 * Below this many screen pixels across, a selected shape is mostly covered by its finger-sized
 * handles (a note at a phone's fit-all is 46 px): a finger inside it grabs the shape, not a
 * handle, so dragging moves it instead of resizing it (the handles' outer halves still resize).
 */
export const SMALL_FOR_FINGER_PX = 88;

function fingerInsideSmallShape(ctx: ToolContext, e: ToolPointer): boolean {
  if (e.pointerType !== 'touch' || ctx.selection.length !== 1) return false;
  const info = ctx.getInfo(ctx.selection[0] ?? '');
  if (!info || info.type === 'carton' || !rectContainsPoint(info.bounds, e.world)) return false;
  return Math.min(info.bounds.width, info.bounds.height) * ctx.zoom < SMALL_FOR_FINGER_PX;
}

type SelectState =
  | { name: 'idle' }
  | {
      name: 'pointing';
      origin: ToolPointer;
      hitId: string | null;
      toggleOnUp: boolean;
      /** A click on the one shape already selected opens its text (a tap on a phone too). */
      editOnUp?: boolean;
      /** A finger on a locked shape (M33): its drag pans the view, as the hand's would. */
      pansFrom?: Point;
    }
  | { name: 'panning'; last: Point }
  | {
      name: 'dragging';
      origin: Point;
      starts: Map<string, Rect>;
      box: Rect;
      snapping: GestureSnapping;
    }
  | { name: 'marquee'; origin: Point; base: string[] }
  | ({
      name: 'resizing';
      box: Rect;
      /**
       * Pressed on a handle inside the one note or text selected: on a phone's fit-all a small
       * note is all handles, so a tap there (no drag) still opens it for writing.
       */
      tapToEdit?: { origin: ToolPointer; id: string };
      /** The other shapes' lines, gathered once for the gesture. */
      snapping: GestureSnapping;
    } & ResizeGesture)
  | ({ name: 'rotating' } & RotateGesture);

/** Ids to move: the selection minus shapes whose carton is moving too (it carries them). */
export function topLevelMoving(ctx: ToolContext, ids: readonly string[]): string[] {
  const set = new Set(ids);
  return ids.filter((id) => {
    let parent = ctx.getInfo(id)?.parentId ?? null;
    while (parent) {
      if (set.has(parent)) return false;
      parent = ctx.getInfo(parent)?.parentId ?? null;
    }
    return true;
  });
}

/**
 * After moving top-level shapes (a drag, or arrows from the keyboard): a shape now centred in a
 * carton joins it, one moved out of its carton leaves it (for the carton under its centre, if any).
 * `offset`: how far they are still to go (a move planned but not yet written).
 */
export function reparentAfterMove(
  ctx: ToolContext,
  ids: readonly string[],
  offset: Point = { x: 0, y: 0 },
): Plan[] {
  const byCarton = new Map<string | null, string[]>();
  const moving = new Set(ids);
  for (const id of ids) {
    const info = ctx.getInfo(id);
    if (!info || info.type === 'carton') continue;
    const centre = {
      x: info.bounds.x + info.bounds.width / 2 + offset.x,
      y: info.bounds.y + info.bounds.height / 2 + offset.y,
    };
    const carton = ctx.cartonAt(centre, moving);
    if (carton === info.parentId) continue;
    byCarton.set(carton, [...(byCarton.get(carton) ?? []), id]);
  }
  return [...byCarton].map(([cartonId, ids]) => ({ kind: 'reparent', ids, cartonId }));
}

export class SelectTool implements Tool {
  readonly id = 'select' as const;
  private current: SelectState = { name: 'idle' };
  /** The selection before the press began: a second finger (a pinch) gives it back. */
  private selectionBefore: string[] | null = null;

  get state(): string {
    return `select.${this.current.name}`;
  }

  pointerDown(ctx: ToolContext, e: ToolPointer): Plan[] {
    this.selectionBefore = [...ctx.selection];
    const handle = ctx.selection.length ? ctx.handleAt(e.screen) : null;
    if (handle && (handle === 'rotate' || !fingerInsideSmallShape(ctx, e))) {
      const infos = ctx.selection.flatMap((id) => ctx.getInfo(id) ?? []);
      const box = unionRects(infos.map((info) => info.bounds));
      if (box) {
        const hit = handle === 'rotate' ? null : ctx.shapeAt(e.world);
        const editable =
          hit && ctx.selection.length === 1 && ctx.selection[0] === hit.id && hit.editable;
        this.current =
          handle === 'rotate'
            ? this.startRotating(infos, box, e)
            : {
                ...startResizing(ctx, infos, box, e, handle),
                ...(editable && hit.type !== 'carton'
                  ? { tapToEdit: { origin: e, id: hit.id } }
                  : {}),
              };
        return [{ kind: 'beginGesture' }];
      }
    }
    const hit = ctx.shapeAt(e.world);
    if (!hit) {
      // A phone's carton is locked on a fresh territory board and fills the screen: a finger
      // dragging on it moves the view, where the background's drag would draw a marquee.
      const pans = e.pointerType === 'touch' && !e.shift && ctx.lockedAt(e.world) !== null;
      this.current = {
        name: 'pointing',
        origin: e,
        hitId: null,
        toggleOnUp: false,
        ...(pans ? { pansFrom: e.screen } : {}),
      };
      return e.shift ? [] : [{ kind: 'select', ids: [] }];
    }
    const selected = ctx.selection.includes(hit.id);
    if (e.shift) {
      // Shift-click toggles; deselecting waits for pointer-up so shift-drag can still move.
      this.current = { name: 'pointing', origin: e, hitId: hit.id, toggleOnUp: selected };
      return selected ? [] : [{ kind: 'select', ids: [...ctx.selection, hit.id] }];
    }
    // Newcomers click a note once to pick it and again to write in it: a double click is hard
    // on a phone and typing on a merely selected note would change tools (N, T, R…).
    // A carton keeps the double click: a click on its body is usually to move it.
    const editOnUp =
      selected && ctx.selection.length === 1 && hit.editable && hit.type !== 'carton';
    this.current = { name: 'pointing', origin: e, hitId: hit.id, toggleOnUp: false, editOnUp };
    return selected ? [] : [{ kind: 'select', ids: [hit.id] }];
  }

  pointerMove(ctx: ToolContext, e: ToolPointer): Plan[] {
    const s = this.current;
    switch (s.name) {
      case 'idle':
        return [];
      case 'pointing': {
        if (!movedBeyond(s.origin.screen, e.screen)) return [];
        if (s.pansFrom) {
          this.current = { name: 'panning', last: s.pansFrom };
          return this.pointerMove(ctx, e);
        }
        if (s.hitId === null) {
          this.current = {
            name: 'marquee',
            origin: s.origin.world,
            base: s.origin.shift ? [...ctx.selection] : [],
          };
          return this.pointerMove(ctx, e);
        }
        // A locked shape chosen beside it (from the keyboard) stays where it is (M33).
        const ids = topLevelMoving(
          ctx,
          ctx.selection.includes(s.hitId) ? ctx.selection : [s.hitId],
        ).filter((id) => !ctx.getInfo(id)?.locked);
        const starts = new Map<string, Rect>();
        for (const id of ids) {
          const info = ctx.getInfo(id);
          if (info) starts.set(id, info.bounds);
        }
        const box = unionRects([...starts.values()]);
        if (!box) return [];
        this.current = {
          name: 'dragging',
          origin: s.origin.world,
          starts,
          box,
          // The hearts on the dragged notes come along (the shell carries them): not targets.
          snapping: new GestureSnapping(new Set([...starts.keys(), ...stampsRiding(ctx, ids)])),
        };
        return [{ kind: 'beginGesture' }, ...this.pointerMove(ctx, e)];
      }
      case 'panning': {
        const plan: Plan = { kind: 'pan', dx: e.screen.x - s.last.x, dy: e.screen.y - s.last.y };
        s.last = e.screen;
        return [plan];
      }
      case 'dragging': {
        let dx = e.world.x - s.origin.x;
        let dy = e.world.y - s.origin.y;
        const moved = { ...s.box, x: s.box.x + dx, y: s.box.y + dy };
        const [targets, reach] = s.snapping.near(ctx, moved);
        const snap = snapBox(moved, targets, SNAP_PX / ctx.zoom, reach);
        dx += snap.dx;
        dy += snap.dy;
        const moves = [...s.starts].map(([id, r]) => ({ id, x: r.x + dx, y: r.y + dy }));
        return [
          { kind: 'move', moves },
          { kind: 'guides', guides: snap.guides },
        ];
      }
      case 'marquee': {
        const rect = rectFromPoints(s.origin, e.world);
        const inside = ctx.shapesInRect(rect).map((info) => info.id);
        const ids = [...new Set([...s.base, ...inside])];
        return [
          { kind: 'marquee', rect },
          { kind: 'select', ids },
        ];
      }
      case 'resizing': {
        if (s.tapToEdit) {
          if (!movedBeyond(s.tapToEdit.origin.screen, e.screen)) return [];
          s.tapToEdit = undefined;
        }
        const { box, guides } = resizeStep(ctx, s, e.world, e.shift, SNAP_PX);
        s.box = box;
        return [
          { kind: 'transform', ids: s.ids, transform: { kind: 'scale', from: s.start, to: box } },
          { kind: 'guides', guides },
        ];
      }
      case 'rotating': {
        const angle = rotateStep(s, e.world, e.shift);
        return [
          { kind: 'transform', ids: s.ids, transform: { kind: 'rotate', center: s.center, angle } },
        ];
      }
    }
  }

  pointerUp(ctx: ToolContext, e: ToolPointer): Plan[] {
    const s = this.current;
    this.current = { name: 'idle' };
    this.selectionBefore = null;
    switch (s.name) {
      case 'idle':
      case 'panning':
        return [];
      case 'pointing':
        if (s.toggleOnUp && s.hitId) {
          return [{ kind: 'select', ids: ctx.selection.filter((id) => id !== s.hitId) }];
        }
        if (s.hitId && !e.shift && ctx.selection.length > 1)
          return [{ kind: 'select', ids: [s.hitId] }];
        if (s.hitId && s.editOnUp) return [{ kind: 'edit', id: s.hitId }];
        return [];
      case 'marquee':
        return [{ kind: 'marquee', rect: null }];
      case 'resizing':
        if (s.tapToEdit) return [{ kind: 'endGesture' }, { kind: 'edit', id: s.tapToEdit.id }];
        return [
          ...adoptAfterResize(ctx, s, s.box),
          { kind: 'guides', guides: [] },
          { kind: 'endGesture' },
        ];
      case 'rotating':
        return [{ kind: 'endGesture' }];
      case 'dragging':
        return [
          ...reparentAfterMove(ctx, [...s.starts.keys()]),
          { kind: 'guides', guides: [] },
          { kind: 'endGesture' },
        ];
    }
  }

  private startRotating(infos: ShapeInfo[], box: Rect, e: ToolPointer): SelectState {
    const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    return {
      name: 'rotating',
      ids: infos.map((info) => info.id),
      center,
      startAngle: Math.atan2(e.world.y - center.y, e.world.x - center.x),
      baseRotation: infos.length === 1 ? (infos[0]?.rotation ?? 0) : 0,
    };
  }

  cancel(): Plan[] {
    const s = this.current;
    this.current = { name: 'idle' };
    this.selectionBefore = null;
    if (s.name === 'marquee') return [{ kind: 'marquee', rect: null }];
    if (s.name === 'dragging') return [{ kind: 'guides', guides: [] }, { kind: 'endGesture' }];
    if (s.name === 'resizing') return [{ kind: 'guides', guides: [] }, { kind: 'endGesture' }];
    if (s.name === 'rotating') return [{ kind: 'endGesture' }];
    return [];
  }

  /**
   * A second finger turned the press into a pinch: nothing the first finger did stays. What it
   * began to drag, resize or turn goes back, and the selection is the one before it came down
   * (a finger landing on a note chose it, and its panel came up over the board once zoomed).
   */
  abort(ctx: ToolContext): Plan[] {
    const s = this.current;
    const before = this.selectionBefore;
    const back: Plan[] = [];
    if (s.name === 'dragging') {
      const moves = [...s.starts].map(([id, r]) => ({ id, x: r.x, y: r.y }));
      back.push({ kind: 'move', moves });
    } else if (s.name === 'resizing') {
      back.push({
        kind: 'transform',
        ids: s.ids,
        transform: { kind: 'scale', from: s.start, to: s.start },
      });
    } else if (s.name === 'rotating') {
      back.push({
        kind: 'transform',
        ids: s.ids,
        transform: { kind: 'rotate', center: s.center, angle: 0 },
      });
    }
    const plans = [...back, ...this.cancel()];
    const changed =
      before !== null &&
      (before.length !== ctx.selection.length || before.some((id, i) => ctx.selection[i] !== id));
    if (changed) plans.push({ kind: 'select', ids: before });
    return plans;
  }

  doubleClick(ctx: ToolContext, e: ToolPointer): Plan[] {
    const hit = ctx.shapeAt(e.world);
    if (hit?.editable)
      return [
        { kind: 'select', ids: [hit.id] },
        { kind: 'edit', id: hit.id },
      ];
    return [];
  }

  keyDown(ctx: ToolContext, key: KeyInfo): Plan[] {
    if (this.current.name !== 'idle') {
      return key.key === 'Escape' ? this.cancel() : [];
    }
    const selection = ctx.selection;
    if (key.key === 'Escape') return selection.length ? [{ kind: 'select', ids: [] }] : [];
    if (selection.length === 0) return [];
    if (key.key === 'Delete' || key.key === 'Backspace') {
      // A locked shape is not deleted (M33): it stays chosen, so its « Déverrouiller » stays.
      const unlocked = selection.filter((id) => !ctx.getInfo(id)?.locked);
      if (unlocked.length === 0) return [];
      return [
        { kind: 'delete', ids: unlocked },
        { kind: 'select', ids: selection.filter((id) => !unlocked.includes(id)) },
      ];
    }
    if (key.key === 'Enter' && selection.length === 1) {
      const info = ctx.getInfo(selection[0] ?? '');
      return info?.editable ? [{ kind: 'edit', id: info.id }] : [];
    }
    // The arrows (move) and Alt+arrows (resize) are the keyboard's, in board/keyboardMoves.ts:
    // a burst of presses is one undo step, which one key event alone cannot know.
    return [];
  }
}

function startResizing(
  ctx: ToolContext,
  infos: ShapeInfo[],
  box: Rect,
  e: ToolPointer,
  handle: Exclude<ReturnType<ToolContext['handleAt']>, 'rotate' | null>,
): SelectState {
  const ids = infos.map((info) => info.id);
  return {
    name: 'resizing',
    origin: e.world,
    ids,
    handle,
    start: box,
    box,
    keepAspect: selectionKeepsAspect(infos),
    starts: new Map(infos.map((info) => [info.id, info.bounds])),
    // The hearts on the resized notes keep their place on them (the shell carries them).
    snapping: new GestureSnapping(new Set([...ids, ...stampsRiding(ctx, ids)])),
  };
}

// The arrows move the chosen shapes and Alt+arrows resize them, through the same plans a drag
// or a handle gives the shell: others see each step live, and a held key or a quick burst of
// presses is one undo step (the gesture stays open until the keys rest or another key comes).
// The panel's « Agrandir » and « Réduire » (resizing without a drag, WCAG 2.5.7) are bursts too:
// a few quick presses are one undo step, and a carton grown over a note takes it in.
import { unionRects, type Point, type Rect } from '../geometry/rect';
import { adoptAfterResize } from '../tools/select/gestures';
import { reparentAfterMove, topLevelMoving } from '../tools/select/select';
import { arrowStep, nextScale, resizedBox, scaledAboutCentre, smallestScale } from './keyboardEdit';
import type { BoardSession } from './session';

/** Quiet time after the last arrow that closes the burst's undo step. */
export const BURST_REST_MS = 800;

interface Burst {
  /** Arrows, Alt+arrows, or the panel's scale buttons (about the box's centre). */
  kind: 'move' | 'resize' | 'scale';
  selection: readonly string[];
  /** The chosen shapes' box when the burst began (a resize scales from it). */
  start: Rect;
  /** Where the burst has taken them so far. */
  box: Rect;
  /** Each chosen shape's box when the burst began (cartons adopt or release after a resize). */
  starts: Map<string, Rect>;
  /** The scale buttons' factor so far (1: as the burst found them). */
  scale: number;
}

export interface KeyboardMoves {
  /** Handles an arrow with shapes chosen; false when nothing moved (nothing can). */
  arrow(key: string, shift: boolean, alt: boolean): boolean;
  /** « Agrandir » (grow) or « Réduire » about the box's centre; false when nothing changed. */
  scale(grow: boolean): boolean;
  /** Closes the burst's undo step (another key, a pointer, undo). */
  end(): void;
}

/** The chosen shapes' boxes, each and together (null when none is on the board). */
function boxesOf(
  session: BoardSession,
  selection: readonly string[],
): { start: Rect; starts: Map<string, Rect> } | null {
  const starts = new Map(
    selection.flatMap((id) => {
      const bounds = session.scene.bounds(id);
      return bounds ? [[id, bounds] as const] : [];
    }),
  );
  const start = unionRects([...starts.values()]);
  return start ? { start, starts } : null;
}

/** Every chosen shape is locked (M33): the arrows and the scale buttons leave them be. */
function allLocked(session: BoardSession, selection: readonly string[]): boolean {
  return selection.every((id) => session.scene.info(id)?.locked ?? false);
}

/** Whether « Réduire » can make the chosen shapes any smaller (see smallestScale). */
export function canShrink(session: BoardSession, selection: readonly string[]): boolean {
  const boxes = boxesOf(session, selection);
  return boxes !== null && nextScale(1, false, smallestScale([...boxes.starts.values()])) !== null;
}

export function createKeyboardMoves(session: BoardSession): KeyboardMoves {
  const { store, shell } = session;
  let burst: Burst | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const end = () => {
    clearTimeout(timer);
    if (!burst) return;
    const done = burst;
    burst = null;
    // As after a drag or a handle: a note moved into a carton joins it, one moved out leaves it,
    // and a resized carton adopts or releases what its new edges take in (one undo step still).
    const ctx = session.toolContext();
    shell.apply(
      done.kind === 'move'
        ? reparentAfterMove(ctx, topLevelMoving(ctx, done.selection))
        : adoptAfterResize(
            ctx,
            {
              origin: { x: done.start.x, y: done.start.y },
              ids: [...done.selection],
              handle: 'se',
              start: done.start,
              keepAspect: false,
              starts: done.starts,
            },
            done.box,
          ),
    );
    shell.endGesture();
  };

  /** The burst this press continues, or a new one (its undo step not opened yet). */
  const current = (kind: Burst['kind'], selection: readonly string[]): Burst | null => {
    if (burst && (burst.kind !== kind || burst.selection !== selection)) end();
    if (burst) return burst;
    const boxes = boxesOf(session, selection);
    return boxes && { kind, selection, ...boxes, box: boxes.start, scale: 1 };
  };

  /** Opens the burst's undo step on its first change. */
  const open = (b: Burst) => {
    if (burst === b) return;
    shell.beginGesture();
    burst = b;
  };

  /** After each press: written now, said aloud, and the burst closes once the keys rest. */
  const written = (b: Burst) => {
    // Written now, not on the next frame: the next press reads where this one left the shapes.
    shell.flush();
    const moved: Point = { x: b.box.x - b.start.x, y: b.box.y - b.start.y };
    store.setState({
      keyboardNews:
        b.kind === 'move'
          ? { selection: b.selection, kind: 'move', moved }
          : { selection: b.selection, kind: 'resize', box: b.box },
    });
    clearTimeout(timer);
    timer = setTimeout(end, BURST_REST_MS);
  };

  const scaleTo = (b: Burst, box: Rect) => {
    b.box = box;
    shell.apply([
      {
        kind: 'transform',
        ids: [...b.selection],
        transform: { kind: 'scale', from: b.start, to: box },
      },
    ]);
  };

  const arrow = (key: string, shift: boolean, alt: boolean): boolean => {
    const { selection, readOnly } = store.getState();
    const step = arrowStep(key, shift);
    if (readOnly || !step || selection.length === 0) return false;
    // A locked shape is not moved by the keyboard (M33): nothing to say moved either.
    if (allLocked(session, selection)) return false;
    const b = current(alt ? 'resize' : 'move', selection);
    if (!b) return false;
    open(b);
    const ctx = session.toolContext();
    if (b.kind === 'move') {
      const moves = topLevelMoving(ctx, selection).flatMap((id) => {
        const bounds = ctx.getInfo(id)?.bounds;
        return bounds ? [{ id, x: bounds.x + step.x, y: bounds.y + step.y }] : [];
      });
      b.box = { ...b.box, x: b.box.x + step.x, y: b.box.y + step.y };
      shell.apply([{ kind: 'move', moves }]);
    } else {
      const keepAspect = selection.some((id) => ctx.getInfo(id)?.keepAspect);
      scaleTo(b, resizedBox(b.box, key, shift, keepAspect));
    }
    written(b);
    return true;
  };

  const scale = (grow: boolean): boolean => {
    const { selection, readOnly } = store.getState();
    if (readOnly || selection.length === 0 || allLocked(session, selection)) return false;
    const b = current('scale', selection);
    if (!b) return false;
    const next = nextScale(b.scale, grow, smallestScale([...b.starts.values()]));
    if (next === null) return false;
    open(b);
    b.scale = next;
    scaleTo(b, scaledAboutCentre(b.start, next));
    written(b);
    return true;
  };

  return { arrow, scale, end };
}

const perSession = new WeakMap<BoardSession, KeyboardMoves>();

/** The board page's one keeper of bursts: the keyboard's arrows and the panel's buttons share it. */
export function movesOf(session: BoardSession): KeyboardMoves {
  let moves = perSession.get(session);
  if (!moves) {
    moves = createKeyboardMoves(session);
    perSession.set(session, moves);
  }
  return moves;
}

// The arrows move the chosen shapes and Alt+arrows resize them, through the same plans a drag
// or a handle gives the shell: others see each step live, and a held key or a quick burst of
// presses is one undo step (the gesture stays open until the keys rest or another key comes).
import { unionRects, type Point, type Rect } from '../geometry/rect';
import { adoptAfterResize } from '../tools/select/gestures';
import { reparentAfterMove, topLevelMoving } from '../tools/select/select';
import { arrowStep, resizedBox } from './keyboardEdit';
import type { BoardSession } from './session';

/** Quiet time after the last arrow that closes the burst's undo step. */
export const BURST_REST_MS = 800;

interface Burst {
  kind: 'move' | 'resize';
  selection: readonly string[];
  /** The chosen shapes' box when the burst began (a resize scales from it). */
  start: Rect;
  /** Where the burst has taken them so far. */
  box: Rect;
  /** Each chosen shape's box when the burst began (cartons adopt or release after a resize). */
  starts: Map<string, Rect>;
}

export interface KeyboardMoves {
  /** Handles an arrow with shapes chosen; false when nothing moved (nothing can). */
  arrow(key: string, shift: boolean, alt: boolean): boolean;
  /** Closes the burst's undo step (another key, a pointer, undo). */
  end(): void;
}

export function createKeyboardMoves(session: BoardSession): KeyboardMoves {
  const { store, shell, scene } = session;
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

  const arrow = (key: string, shift: boolean, alt: boolean): boolean => {
    const { selection, readOnly } = store.getState();
    const step = arrowStep(key, shift);
    if (readOnly || !step || selection.length === 0) return false;
    const kind = alt ? 'resize' : 'move';
    if (burst && (burst.kind !== kind || burst.selection !== selection)) end();
    if (!burst) {
      const start = unionRects(selection.flatMap((id) => scene.bounds(id) ?? []));
      if (!start) return false;
      shell.beginGesture();
      const starts = new Map(
        selection.flatMap((id) => {
          const bounds = scene.bounds(id);
          return bounds ? [[id, bounds] as const] : [];
        }),
      );
      burst = { kind, selection, start, box: start, starts };
    }
    const ctx = session.toolContext();
    if (kind === 'move') {
      const moves = topLevelMoving(ctx, selection).flatMap((id) => {
        const bounds = ctx.getInfo(id)?.bounds;
        return bounds ? [{ id, x: bounds.x + step.x, y: bounds.y + step.y }] : [];
      });
      burst.box = { ...burst.box, x: burst.box.x + step.x, y: burst.box.y + step.y };
      shell.apply([{ kind: 'move', moves }]);
    } else {
      const keepAspect = selection.some((id) => ctx.getInfo(id)?.keepAspect);
      burst.box = resizedBox(burst.box, key, shift, keepAspect);
      shell.apply([
        {
          kind: 'transform',
          ids: [...selection],
          transform: { kind: 'scale', from: burst.start, to: burst.box },
        },
      ]);
    }
    // Written now, not on the next frame: the next press reads where this one left the shapes.
    shell.flush();
    const moved: Point = { x: burst.box.x - burst.start.x, y: burst.box.y - burst.start.y };
    store.setState({
      keyboardNews:
        kind === 'move' ? { selection, kind, moved } : { selection, kind, box: burst.box },
    });
    clearTimeout(timer);
    timer = setTimeout(end, BURST_REST_MS);
    return true;
  };

  return { arrow, end };
}

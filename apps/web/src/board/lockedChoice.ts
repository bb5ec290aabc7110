// A locked shape (M33) lets pointers through: a tap or a drag goes to what is under it. To unlock
// it, a long-press (a finger) or a right-click (a mouse) chooses it, and its panel offers
// « Déverrouiller » (and « Aligner » beside two free shapes, see choicePanel). The keyboard
// reaches it by Tab as any other shape.
import { isLocked } from '@carton/board';
import type { Point } from '../geometry/rect';
import { movedBeyond } from '../tools/types';
import { select } from './actions';
import type { BoardSession } from './session';

type Lockable = { readonly locked?: boolean | undefined };

/** How many of the chosen shapes are free: « Aligner » moves those only (M33, M34). */
export function freeChosen(shapes: readonly Lockable[]): number {
  return shapes.filter((shape) => !isLocked(shape)).length;
}

/**
 * What the chosen shapes' panel offers: all its actions when none is locked; with a locked one
 * among them, « Déverrouiller » (it unlocks them all), and « Aligner » too when two or more are
 * free — the locked ones stay put and are no anchors (M34), the live region says how many
 * stayed. Anything else (delete, resize, colours) would leave the locked ones out silently.
 */
export type ChoicePanel = 'actions' | 'unlock' | 'unlockAndArrange';

export function choicePanel(shapes: readonly Lockable[]): ChoicePanel {
  const free = freeChosen(shapes);
  if (free === shapes.length) return 'actions';
  return free >= 2 ? 'unlockAndArrange' : 'unlock';
}

/** How long a finger rests before its press chooses the locked shape under it. */
export const LONG_PRESS_MS = 550;
/** A finger trembles: it may wander this far (CSS px) and still be a long-press. */
const LONG_PRESS_SLOP_PX = 10;

/**
 * Chooses the locked shape at the screen point, if the select tool is in hand and nothing
 * unlocked is above it there. True when it chose one.
 */
export function chooseLockedAt(session: BoardSession, screen: Point): boolean {
  const state = session.store.getState();
  if (session.readOnly || state.tool !== 'select') return false;
  const hit = session.toolContext().lockedAt(session.toWorld(screen));
  if (!hit) return false;
  select(session, [hit.id]);
  return true;
}

/** One finger's long-press: started on its press, dropped when it moves, lifts or pinches. */
export class LongPress {
  private pending: {
    pointerId: number;
    start: Point;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;

  /** `fire` runs once the finger has rested LONG_PRESS_MS where it pressed. */
  start(pointerId: number, at: Point, fire: (at: Point) => void): void {
    this.stop();
    const timer = setTimeout(() => {
      this.pending = null;
      fire(at);
    }, LONG_PRESS_MS);
    this.pending = { pointerId, start: at, timer };
  }

  /** A move past the slop is a drag, not a long-press. */
  move(pointerId: number, at: Point): void {
    const p = this.pending;
    if (p && p.pointerId === pointerId && movedBeyond(p.start, at, LONG_PRESS_SLOP_PX)) this.stop();
  }

  stop(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
  }
}

/** How long the padlock and its words stay after a finger found a locked shape. */
const LOCKED_HINT_MS = 3000;
let hintTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * The locked shape a finger pressed, if it is one a participant means to move (a heading, the
 * divider): a phone has no hover to show its padlock, and a drag there pans the view. Not the
 * carton's body, where a tap lets go of a note and a drag pans — there the words would be noise.
 */
export function lockedUnderFinger(session: BoardSession, screen: Point): string | null {
  if (session.readOnly || session.store.getState().tool !== 'select') return null;
  const ctx = session.toolContext();
  const world = session.toWorld(screen);
  if (ctx.shapeAt(world) !== null) return null;
  const hit = ctx.lockedAt(world);
  return hit && hit.type !== 'carton' ? hit.id : null;
}

/** Shows `id`'s padlock and says why it stays and how to unlock it, for a moment. */
export function hintLocked(session: BoardSession, id: string, message: string): void {
  const { store } = session;
  if (store.getState().selection.includes(id)) return;
  store.setState({ hoverLocked: id, toast: message });
  if (hintTimer) clearTimeout(hintTimer);
  hintTimer = setTimeout(() => {
    hintTimer = null;
    const state = store.getState();
    if (state.toast === message) store.setState({ toast: null });
    if (state.hoverLocked === id) store.setState({ hoverLocked: null });
  }, LOCKED_HINT_MS);
}

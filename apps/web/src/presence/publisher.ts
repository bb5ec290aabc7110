// My presence: writes my awareness state. Each write sends the whole state (y-protocols), so
// writes are few and the state small:
// - at most one write per PRESENCE_INTERVAL_MS (20 Hz, the server's presence budget, R29: frames
//   past it are held back, only the newest, a flood closes the socket), sent at once after a
//   quiet spell;
// - while a stroke is drawn, one write per STROKE_INTERVAL_MS (5 Hz) carrying only the points
//   added since the previous one (strokeChunker.ts), and no cursor (receivers put it at the
//   stroke's tip); the stroke's end goes within PRESENCE_INTERVAL_MS;
// - fields that are null, empty or false are left out; cursor and view are rounded.
// A timer, not requestAnimationFrame, so a page in the background still tells others where it is.
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../geometry/rect';
import type { Preview } from '../tools/types';
import type { PresenceUser, PresenceView } from './presence';
import { STROKE_INTERVAL_MS } from './strokeCodec';
import { StrokeChunker } from './strokeChunker';

/** One awareness update per this many ms at most: 20 Hz. */
export const PRESENCE_INTERVAL_MS = 50;

/** What goes on the wire: only the fields that say something. */
export interface PresenceWire {
  user: PresenceUser;
  cursor?: Point;
  selection?: string[];
  preview?: Preview;
  /** The latest chunk of the stroke being drawn (strokeCodec.ts). */
  s?: string;
  view?: PresenceView;
  readOnly?: true;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

export class Presence {
  private cursor: Point | null = null;
  private selection: string[] = [];
  private preview: Preview | null = null;
  private view: PresenceView | null = null;
  /** The stroke being drawn, its points as the pen last handed them, and its last chunk sent. */
  private stroke: StrokeChunker | null = null;
  private strokePoints: readonly (readonly number[])[] = [];
  private strokeChunk: string | null = null;
  /** Something other than the stroke's points changed since the last write. */
  private dirty = false;
  private sentAt = -Infinity;
  private sentChunk = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDue = 0;

  constructor(
    private readonly awareness: Awareness,
    private user: PresenceUser,
    private readonly readOnly: boolean,
  ) {
    awareness.setLocalState(this.wire());
  }

  /**
   * A new name (« Changer de nom »): others' lists and my cursor's label take it with the next
   * write. The session stays open (no reconnect: the camera and undo history are kept).
   */
  setUser(user: PresenceUser): void {
    if (user.id === this.user.id && user.name === this.user.name && user.color === this.user.color)
      return;
    this.user = user;
    this.change();
  }

  /** The name shown to the others now, also written with my deletions (M36). */
  get userName(): string {
    return this.user.name;
  }

  setCursor(cursor: Point | null): void {
    this.cursor = cursor && { x: round1(cursor.x), y: round1(cursor.y) };
    // While drawing the cursor is not sent: the stroke's tip is where it is.
    if (!this.stroke) this.change();
  }

  setView(view: PresenceView): void {
    this.view = {
      center: { x: Math.round(view.center.x), y: Math.round(view.center.y) },
      // 1e-6: a follower lands on the same zoom, without 1.2100000000000002's digits.
      zoom: Math.round(view.zoom * 1e6) / 1e6,
      ...(view.width !== undefined && view.height !== undefined
        ? { width: Math.round(view.width), height: Math.round(view.height) }
        : {}),
    };
    this.change();
  }

  setSelection(selection: string[]): void {
    this.selection = selection;
    this.change();
  }

  /**
   * Previews go out with the next write: others see a gesture as it is made. The pen hands the
   * whole stroke so far each time; only its new points are sent (strokeChunker.ts).
   */
  setPreview(preview: Preview | null): void {
    if (preview?.kind === 'stroke') {
      const { stroke } = this;
      if (
        !stroke ||
        !stroke.continues(preview.points) ||
        stroke.color !== preview.color ||
        stroke.width !== preview.width
      ) {
        this.stroke = new StrokeChunker(preview.color, preview.width);
        this.strokeChunk = null;
        this.dirty = true; // the cursor leaves the state
      }
      this.strokePoints = preview.points;
      this.preview = null;
      this.schedule();
      return;
    }
    if (this.stroke) {
      this.stroke = null;
      this.strokePoints = [];
      this.strokeChunk = null;
    }
    this.preview = preview;
    this.change();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.awareness.setLocalState(null);
  }

  private change(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Stroke chunks are STROKE_INTERVAL_MS apart; any other write PRESENCE_INTERVAL_MS after the last. */
  private schedule(): void {
    const now = Date.now();
    const interval = this.stroke && this.sentChunk ? STROKE_INTERVAL_MS : PRESENCE_INTERVAL_MS;
    // Never more than an interval away, even if the wall clock was set back since the last write.
    const due = Math.max(now, Math.min(this.sentAt, now) + interval);
    if (this.timer) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer); // the stroke ended: its end goes sooner
    }
    this.timerDue = due;
    this.timer = setTimeout(() => this.flush(), due - now);
  }

  private flush(): void {
    this.timer = null;
    if (!this.awareness.getLocalState()) return; // destroyed
    const chunk = this.stroke?.next(this.strokePoints) ?? null;
    if (chunk) this.strokeChunk = chunk;
    if (!chunk && !this.dirty) return;
    this.dirty = false;
    this.sentAt = Date.now();
    this.sentChunk = chunk !== null;
    this.awareness.setLocalState(this.wire());
  }

  private wire(): PresenceWire {
    const state: PresenceWire = { user: this.user };
    if (this.cursor && !this.stroke) state.cursor = this.cursor;
    if (this.selection.length > 0) state.selection = this.selection;
    if (this.preview) state.preview = this.preview;
    if (this.strokeChunk) state.s = this.strokeChunk;
    if (this.view) state.view = this.view;
    if (this.readOnly) state.readOnly = true;
    return state;
  }
}

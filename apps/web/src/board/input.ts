// Pointer input on the canvas: tools for one pointer; pan for middle button, space or the hand
// tool; two touches pinch-zoom and pan. A stylus draws while a resting palm is ignored.
import i18next from 'i18next';
import { pinch, wheelZoomFactor, zoomAt, type Camera } from '../geometry/camera';
import type { Point } from '../geometry/rect';
import type { PointerKind, ToolPointer } from '../tools/types';
import { hoverCursor } from './handles';
import { chooseLockedAt, hintLocked, lockedUnderFinger, LongPress } from './lockedChoice';
import type { BoardSession } from './session';
import { waitingPhotoAt } from './waitingPhotoAt';

interface Pinch {
  camera: Camera;
  mid: Point;
  distance: number;
}

/** A stylus this recent (ms) is around: fingers navigate with the pen tool, palms do nothing. */
const STYLUS_AROUND_MS = 20_000;

/** The canvas's own controls (the note editor, a waiting photo's « Retirer »): not the board's. */
function ownsItsPress(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLButtonElement
  );
}

export class CanvasInput {
  private readonly touches = new Map<number, Point>();
  private pinchState: Pinch | null = null;
  private panFrom: Point | null = null;
  /** The finger panning while a stylus is around (null: whatever pointer began the pan). */
  private panPointer: number | null = null;
  private toolPointer: number | null = null;
  /** When a stylus last touched or moved (event time): palm rejection while it is around. */
  private stylusAt = -Infinity;
  /** Last finger tap, to recognise a double tap (touch screens send no dblclick). */
  private lastTap: { time: number; at: Point; tool: string } | null = null;
  /** A finger resting on a locked shape chooses it, to unlock it (see lockedChoice.ts). */
  private readonly longPress = new LongPress();
  /** The locked heading or divider a finger pressed: told why it stays when it lifts. */
  private lockedTouch: { pointerId: number; id: string } | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly session: BoardSession,
    private readonly element: HTMLElement,
  ) {
    element.addEventListener('pointerdown', this.down);
    element.addEventListener('pointermove', this.move);
    element.addEventListener('pointerup', this.up);
    element.addEventListener('pointercancel', this.cancel);
    element.addEventListener('pointerleave', this.leave);
    element.addEventListener('dblclick', this.dblclick);
    element.addEventListener('contextmenu', this.contextMenu);
    element.addEventListener('mousedown', this.mouseDown);
    element.addEventListener('wheel', this.wheel, { passive: false });
    // A new tool or space held changes what the pointer would do: drop the hover cursor until
    // the pointer moves again (the tool's own cursor shows meanwhile).
    this.unsubscribe = session.store.subscribe((state, previous) => {
      if (state.tool !== previous.tool || state.spacePan !== previous.spacePan)
        this.setCursor(this.panFrom ? 'grabbing' : null);
    });
  }

  destroy(): void {
    const e = this.element;
    e.removeEventListener('pointerdown', this.down);
    e.removeEventListener('pointermove', this.move);
    e.removeEventListener('pointerup', this.up);
    e.removeEventListener('pointercancel', this.cancel);
    e.removeEventListener('pointerleave', this.leave);
    e.removeEventListener('dblclick', this.dblclick);
    e.removeEventListener('contextmenu', this.contextMenu);
    this.longPress.stop();
    e.removeEventListener('mousedown', this.mouseDown);
    e.removeEventListener('wheel', this.wheel);
    this.unsubscribe();
  }

  /** Writes the hover cursor only when it changes, so hovering re-renders nothing. */
  private setCursor(cursor: string | null): void {
    if (this.session.store.getState().hoverCursor !== cursor)
      this.session.store.setState({ hoverCursor: cursor });
  }

  /** The cursor for what a mouse or stylus is over (touch shows none). */
  private hover(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const state = this.session.store.getState();
    const select = state.tool === 'select' && !state.spacePan && this.editing;
    const ctx = select ? this.session.toolContext() : null;
    const screen = this.screenPoint(e);
    const handle = ctx ? ctx.handleAt(screen) : null;
    const world = this.session.toWorld(screen);
    const overShape = !!ctx && !handle && ctx.shapeAt(world) !== null;
    this.setCursor(
      hoverCursor({
        tool: state.tool,
        readOnly: !this.editing,
        spacePan: state.spacePan,
        panning: this.panFrom !== null,
        handle,
        overShape,
      }),
    );
    this.setHoverLocked(ctx && !handle && !overShape ? (ctx.lockedAt(world)?.id ?? null) : null);
  }

  private setHoverLocked(id: string | null): void {
    if (this.session.store.getState().hoverLocked !== id)
      this.session.store.setState({ hoverLocked: id });
  }

  private screenPoint(e: PointerEvent | MouseEvent): Point {
    const r = this.pressedRect ?? this.element.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /**
   * Where the canvas was when the pointers now down were pressed, read once per press: read at
   * every move, after the pan had moved the stage and React had drawn, it forced a style and
   * layout pass per finger's move (most of a slow phone's pan with bench/phone/crowd.mjs). The
   * canvas does not move under pressed fingers (it takes no touch scrolling). Fingers and pens
   * only: their pointers are captured by the canvas, so their release always reaches it (a
   * mouse's may not).
   */
  private pressedRect: DOMRect | null = null;
  private readonly pressed = new Set<number>();

  private press(e: PointerEvent): void {
    if (e.pointerType === 'mouse') return;
    if (this.pressed.size === 0) this.pressedRect = this.element.getBoundingClientRect();
    this.pressed.add(e.pointerId);
  }

  private release(e: PointerEvent): void {
    this.pressed.delete(e.pointerId);
    if (this.pressed.size === 0) this.pressedRect = null;
  }

  private toolEvent(e: PointerEvent | MouseEvent): ToolPointer {
    const screen = this.screenPoint(e);
    const pointerType = ('pointerType' in e ? e.pointerType : 'mouse') as PointerKind;
    return {
      screen,
      world: this.session.toWorld(screen),
      pointerType: pointerType === 'pen' || pointerType === 'touch' ? pointerType : 'mouse',
      pressure: 'pressure' in e ? e.pressure : 0.5,
      shift: e.shiftKey,
      mod: e.ctrlKey || e.metaKey,
    };
  }

  private get editing(): boolean {
    return !this.session.readOnly;
  }

  private down = (e: PointerEvent): void => {
    // The text editor overlay and the waiting photos' « Retirer » live inside the canvas
    // element: their presses are their own.
    if (ownsItsPress(e.target)) return;
    this.press(e);
    const { store } = this.session;
    // Focused for its keys, without the keyboard's ring and help line: a click is not Tab.
    this.element.focus({ preventScroll: true, focusVisible: false });
    if (store.getState().editingId) store.setState({ editingId: null });
    if (e.pointerType === 'pen') {
      this.stylusAt = e.timeStamp;
      // The stylus comes down while a finger (a palm) pans: the pan ends, the stylus draws.
      if (this.panPointer !== null) this.endPan();
    }
    this.session.coarsePointer = e.pointerType === 'touch';
    // Palm rejection: with a stylus around, a finger navigates with the pen tool, and a palm
    // under the stylus's stroke does nothing. A stylus unused for a while (the tablet handed to
    // someone without one) lets fingers draw again.
    const palm =
      e.pointerType === 'touch' &&
      store.getState().tool === 'pen' &&
      e.timeStamp - this.stylusAt < STYLUS_AROUND_MS;
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, this.screenPoint(e));
      if (this.touches.size === 2 && !(palm && this.toolPointer !== null)) {
        this.longPress.stop();
        this.lockedTouch = null;
        this.endPan();
        this.abortTool();
        this.startPinch();
        return;
      }
      if (this.touches.size > 2 || (palm && this.toolPointer !== null)) return;
      if (palm) {
        e.preventDefault();
        this.panFrom = this.screenPoint(e);
        this.panPointer = e.pointerId;
        store.setState({ following: null });
        return;
      }
    }
    try {
      this.element.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic or already-released pointer cannot be captured; events still arrive.
    }
    const state = store.getState();
    const pans = e.button === 1 || state.spacePan || state.tool === 'hand' || !this.editing;
    if (pans) {
      e.preventDefault();
      this.panFrom = this.screenPoint(e);
      store.setState({ following: null });
      this.setCursor('grabbing');
      return;
    }
    if (e.button !== 0) return;
    if (state.tool === 'select' && this.chooseWaitingPhoto(this.screenPoint(e))) return;
    this.toolPointer = e.pointerId;
    const tool = this.session.currentTool();
    this.session.shell.apply(tool.pointerDown(this.session.toolContext(), this.toolEvent(e)));
    if (e.pointerType === 'touch' && tool.id === 'select') {
      const locked = lockedUnderFinger(this.session, this.screenPoint(e));
      this.lockedTouch = locked ? { pointerId: e.pointerId, id: locked } : null;
      // The press becomes the choice: its gesture (a pan or a marquee not begun) is dropped.
      this.longPress.start(e.pointerId, this.screenPoint(e), (at) => {
        if (this.toolPointer === e.pointerId) this.chooseLocked(at);
      });
    }
  };

  /**
   * A press on a photo waiting to be sent chooses it, not the shape under it: its « Retirer »
   * takes the keys (Suppr removes it) and the shapes' selection is dropped. False if none there.
   */
  private chooseWaitingPhoto(at: Point): boolean {
    const photo = waitingPhotoAt(this.session.photos.list(), this.session.toWorld(at));
    const button = photo
      ? this.element.querySelector<HTMLButtonElement>(
          `[data-waiting-photo="${CSS.escape(photo.id)}"]`,
        )
      : null;
    if (!button) return false;
    const { store, presence } = this.session;
    store.setState({ selection: [] });
    presence.setSelection([]);
    button.focus({ preventScroll: true });
    return true;
  }

  /** Chooses the locked shape at `at` after dropping the press in flight; false if none. */
  private chooseLocked(at: Point): boolean {
    const { tool } = this.session.store.getState();
    if (!this.editing || tool !== 'select') return false;
    if (!this.session.toolContext().lockedAt(this.session.toWorld(at))) return false;
    this.abortTool();
    return chooseLockedAt(this.session, at);
  }

  // A right-click on a locked shape chooses it (its panel offers « Déverrouiller »); elsewhere
  // the browser's menu is left alone. A phone's long-press may send one too: the same choice.
  private contextMenu = (e: MouseEvent): void => {
    if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
    if (this.chooseLocked(this.screenPoint(e))) e.preventDefault();
  };

  // Focus is placed by `down` (and by the editor it opens). A phone follows a tap with a
  // compatibility mousedown whose default focuses the canvas: it blurred, and so closed, the
  // editor the tap had just opened on a selected note.
  private mouseDown = (e: MouseEvent): void => {
    if (!ownsItsPress(e.target)) e.preventDefault();
  };

  private move = (e: PointerEvent): void => {
    const { store, presence } = this.session;
    const screen = this.screenPoint(e);
    this.longPress.move(e.pointerId, screen);
    if (e.pointerType !== 'touch' || this.touches.size < 2)
      presence.setCursor(this.session.toWorld(screen));
    if (e.pointerType === 'touch' && this.touches.has(e.pointerId)) {
      this.touches.set(e.pointerId, screen);
      if (this.pinchState) {
        this.updatePinch();
        return;
      }
    }
    if (e.pointerType === 'pen') this.stylusAt = e.timeStamp;
    if (this.panFrom && (this.panPointer === null || this.panPointer === e.pointerId)) {
      const camera = store.getState().camera;
      store.setState({
        camera: {
          ...camera,
          x: camera.x + screen.x - this.panFrom.x,
          y: camera.y + screen.y - this.panFrom.y,
        },
      });
      this.panFrom = screen;
      return;
    }
    // During a gesture the cursor stays what it was when the gesture began (resize, move…).
    if (this.toolPointer === null) this.hover(e);
    if (this.toolPointer !== e.pointerId) return;
    // Coalesced events keep a fast stroke smooth without a document write per event.
    const events =
      this.session.currentTool().id === 'pen' && e.getCoalescedEvents
        ? e.getCoalescedEvents()
        : [e];
    const tool = this.session.currentTool();
    for (const ev of events.length ? events : [e]) {
      this.session.shell.apply(tool.pointerMove(this.session.toolContext(), this.toolEvent(ev)));
    }
  };

  private up = (e: PointerEvent): void => {
    this.release(e);
    this.longPress.stop();
    const locked = this.lockedTouch;
    this.lockedTouch = null;
    // A tap or a drag on it (a long-press chose it instead: its panel says « Déverrouiller »).
    if (locked && locked.pointerId === e.pointerId && !this.pinchState)
      hintLocked(this.session, locked.id, i18next.t('a11y.lockedTouchHint'));
    if (e.pointerType === 'touch') {
      this.touches.delete(e.pointerId);
      if (this.pinchState) {
        if (this.touches.size < 2) this.endPinch();
        return;
      }
    }
    if (this.panFrom && (this.panPointer === null || this.panPointer === e.pointerId)) {
      this.endPan();
      this.hover(e);
      return;
    }
    if (this.toolPointer !== e.pointerId) return;
    this.toolPointer = null;
    const tool = this.session.currentTool();
    this.session.shell.apply(tool.pointerUp(this.session.toolContext(), this.toolEvent(e)));
    this.hover(e);
    // A tap that opened an editor (on the selected note) is not half of a double tap: the
    // editor may have zoomed the camera, so a second handler would pick what is now under it.
    if (this.session.store.getState().editingId) this.lastTap = null;
    else if (e.pointerType === 'touch') this.detectDoubleTap(e, tool.id);
  };

  // Two taps of the same tool (a note placed then tapped is not a double tap).
  private detectDoubleTap(e: PointerEvent, tool: string): void {
    const at = this.screenPoint(e);
    const last = this.lastTap;
    const near = last && Math.hypot(at.x - last.at.x, at.y - last.at.y) < 24;
    if (last && near && last.tool === tool && e.timeStamp - last.time < 350) {
      this.lastTap = null;
      this.dblclick(e);
      return;
    }
    this.lastTap = { time: e.timeStamp, at, tool };
  }

  private endPan(): void {
    this.panFrom = null;
    this.panPointer = null;
  }

  private cancel = (e: PointerEvent): void => {
    this.release(e);
    this.longPress.stop();
    this.lockedTouch = null;
    this.touches.delete(e.pointerId);
    if (this.touches.size < 2) this.endPinch();
    this.endPan();
    if (this.toolPointer === e.pointerId) this.abortTool();
    this.setCursor(null);
  };

  private leave = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && this.toolPointer === null) {
      this.session.presence.setCursor(null);
      this.setHoverLocked(null);
      if (!this.panFrom) this.setCursor(null);
    }
  };

  private abortTool(): void {
    if (this.toolPointer === null) return;
    this.toolPointer = null;
    const tool = this.session.currentTool();
    const ctx = this.session.toolContext();
    this.session.shell.apply(tool.abort ? tool.abort(ctx) : tool.cancel(ctx));
  }

  private dblclick = (e: MouseEvent): void => {
    if (ownsItsPress(e.target)) return;
    // Its second click (or tap) already opened the shape: the camera may have zoomed to it since.
    if (!this.editing || this.session.store.getState().editingId) return;
    const tool = this.session.currentTool();
    if (tool.doubleClick)
      this.session.shell.apply(tool.doubleClick(this.session.toolContext(), this.toolEvent(e)));
  };

  private wheel = (e: WheelEvent): void => {
    e.preventDefault();
    const { store } = this.session;
    const camera = store.getState().camera;
    const screen = this.screenPoint(e);
    // Shift+wheel pans sideways; a trackpad's two-finger scroll (deltaX) pans too.
    if (e.shiftKey || (!e.ctrlKey && Math.abs(e.deltaX) > Math.abs(e.deltaY))) {
      store.setState({
        camera: { ...camera, x: camera.x - (e.deltaX || e.deltaY), y: camera.y },
        following: null,
      });
      return;
    }
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    store.setState({
      camera: zoomAt(camera, screen, camera.zoom * wheelZoomFactor(delta)),
      following: null,
    });
  };

  private startPinch(): void {
    const [a, b] = [...this.touches.values()];
    if (!a || !b) return;
    this.pinchState = {
      camera: this.session.store.getState().camera,
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      distance: Math.hypot(a.x - b.x, a.y - b.y),
    };
    this.session.store.setState({ following: null, pinching: true });
  }

  private endPinch(): void {
    if (!this.pinchState) return;
    this.pinchState = null;
    this.session.store.setState({ pinching: false });
  }

  private updatePinch(): void {
    const p = this.pinchState;
    const [a, b] = [...this.touches.values()];
    if (!p || !a || !b) return;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.session.store.setState({
      camera: pinch(p.camera, p.mid, p.distance, mid, Math.hypot(a.x - b.x, a.y - b.y)),
    });
  }
}

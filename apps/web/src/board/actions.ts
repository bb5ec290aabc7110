// Editor actions shared by the keyboard and the toolbar buttons.
import { clampZoom, zoomAt, type Camera } from '../geometry/camera';
import { cameraForEditing } from '../geometry/editCamera';
import { CARTON_TITLE_BAND } from '../shapes/carton/CartonShape';
import { unionRects, type Rect } from '../geometry/rect';
import { arrowBetween } from '../tools/arrow/arrow';
import type { ToolId } from '../tools/types';
import { noteFontSize } from '../shapes/note/NoteShape';
import { stopGlide } from './cameraGlide';
import { followKeyboard } from './editZoomKeyboard';
import { aboveKeyboard, keyboardTop, legibleNoteCamera, refitAboveKeyboard } from './editZoom';
import { fitWithFarTitles } from './fitTitles';
import { clearOfFloatingControls, measuredFloatingControls } from './phoneFitAreas';
import { fitAndRemember } from './store';
import { isTouchFirst } from './touchFirst';
import type { BoardSession } from './session';

export function undo(session: BoardSession): void {
  // While an import is being written, its step is not whole yet (Shell.holdWrites).
  if (session.readOnly || session.shell.writesHeld) return;
  session.shell.flush();
  session.undo.undo();
  pruneSelection(session);
}

export function redo(session: BoardSession): void {
  if (session.readOnly || session.shell.writesHeld) return;
  session.undo.redo();
  pruneSelection(session);
}

// Undo may remove selected shapes; keep the selection honest.
function pruneSelection(session: BoardSession): void {
  const { selection } = session.store.getState();
  const alive = selection.filter((id) => session.scene.getShape(id));
  if (alive.length !== selection.length) select(session, alive);
}

/** Another tool: the current one's gesture or pending step (an arrow's start) is dropped. */
export function chooseTool(session: BoardSession, tool: ToolId): void {
  session.shell.apply(session.currentTool().cancel(session.toolContext()));
  session.store.setState({ tool });
}

export function select(session: BoardSession, ids: string[]): void {
  session.store.setState({ selection: ids });
  session.presence.setSelection(ids);
}

export function duplicateSelection(session: BoardSession): void {
  const { selection } = session.store.getState();
  if (!selection.length) return;
  const ids = session.shell.commit((tx) => tx.duplicate(selection, { x: 24, y: 24 }));
  if (ids) select(session, ids);
}

/**
 * « Relier »: an arrow from one chosen shape to the other, bound to both (it follows them when
 * they move). False when either is missing or an arrow.
 */
export function connectShapes(session: BoardSession, fromId: string, toId: string): boolean {
  const { scene, store, shell } = session;
  if (session.readOnly || fromId === toId) return false;
  const end = (id: string) => {
    const bounds = scene.getShape(id)?.type === 'arrow' ? undefined : scene.bounds(id);
    return bounds ? { id, bounds } : null;
  };
  const from = end(fromId);
  const to = end(toId);
  if (!from || !to) return false;
  shell.apply([arrowBetween(from, to, store.getState().style.shapeColor)]);
  return true;
}

export function deleteSelection(session: BoardSession): void {
  const { selection } = session.store.getState();
  // A locked shape stays (M33), chosen, so its « Déverrouiller » stays within reach.
  const unlocked = selection.filter((id) => !session.scene.info(id)?.locked);
  if (!unlocked.length) return;
  // Named in the document: a device that sees it later (reconnecting) says who (M36).
  session.shell.commit((tx) => tx.delete(unlocked, session.identity.name));
  select(
    session,
    selection.filter((id) => !unlocked.includes(id)),
  );
}

/**
 * « Verrouiller » / « Déverrouiller » the chosen shapes (M33): one undo step, seen live by the
 * others, said by the live region. The shapes stay chosen.
 */
export function lockSelection(session: BoardSession, locked: boolean): void {
  const { selection } = session.store.getState();
  if (session.readOnly || !selection.length) return;
  session.shell.commit((tx) => tx.lock(selection, locked));
  session.store.setState({ keyboardNews: { selection, kind: 'lock', locked } });
}

export function reorderSelection(session: BoardSession, how: 'front' | 'back'): void {
  const { selection } = session.store.getState();
  if (selection.length) session.shell.commit((tx) => tx.reorder(selection, how));
}

/** Every shape but the locked ones (M33: like a marquee, Ctrl+A leaves the layout alone). */
export function selectAll(session: BoardSession): void {
  const { scene } = session;
  select(
    session,
    scene.orderedIds().filter((id) => !scene.info(id)?.locked),
  );
}

function boundsOf(session: BoardSession, ids: readonly string[]): Rect | null {
  return unionRects(ids.flatMap((id) => session.scene.bounds(id) ?? []));
}

/** The part of the viewport not covered by the header, toolbar and people list. */
export function safeArea(session: BoardSession): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const { viewport, peopleOpen, readOnly } = session.store.getState();
  const wide = viewport.width > 700;
  const measured = measuredInsets(wide);
  const top = measured?.top ?? 64;
  const bottom = measured?.bottom ?? (readOnly ? 16 : wide ? 150 : 190);
  const right = wide && peopleOpen ? 260 : 0;
  return {
    x: 0,
    y: top,
    width: Math.max(100, viewport.width - right),
    height: Math.max(100, viewport.height - top - bottom),
  };
}

// The header and toolbar as laid out now (a phone's toolbar is two rows, its header may wrap):
// fitting against guessed sizes left a one-carton board at ~17 % on a 390 px phone.
function measuredInsets(wide: boolean): { top: number; bottom: number } | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const header = document.querySelector('.editor-header')?.getBoundingClientRect();
  if (!canvas || !header || canvas.height === 0) return null;
  const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect();
  let above = header.bottom;
  let below = toolbar && toolbar.height > 0 ? toolbar.top : canvas.bottom;
  // A page taller than the window (text enlarged on a short window: useChromeStack's data-tall)
  // stacks its chrome, the page grown to hold each piece: the forum kit under the header, the
  // first visit's hint above the toolbar. The board goes between them: fitted from the header
  // to the toolbar, the timer lay over the carton's title and the hint over its notes until
  // « Compris » (a phone zoomed to 150 or 200 %, a laptop at 300 %).
  const tall = document.querySelector('.editor[data-tall]');
  if (tall) {
    const kit = tall.querySelector(':scope > .forum-kit')?.getBoundingClientRect();
    if (kit && kit.height > 0) above = Math.max(above, kit.bottom);
    const hint = tall
      .querySelector(':scope > .help-hint:not(.help-hint-band)')
      ?.getBoundingClientRect();
    if (hint && hint.height > 0) below = Math.min(below, hint.top);
  }
  // On a phone a vote's banner lies across the width above the toolbar for the whole vote: a
  // carton fitted down to the toolbar had its last notes under it, the very ones to vote on (at
  // 320 × 568 a tap on a note reached the banner). There the board ends above it
  // (tallRefit.ts fits again as it comes, goes or changes height).
  const banner = wide ? null : document.querySelector('.editor > .vote-banner');
  const bannerBox = banner?.getBoundingClientRect();
  if (bannerBox && bannerBox.height > 0) {
    below = Math.min(below, bannerBox.top);
    // The banner takes the place of « Vous suivez … », which goes up beside the people's pill
    // (vote-phone.css): the board starts below it. Fitted from the header, the followed plenary's
    // carton titles lay under « Vous suivez Marie-Anne » for the whole vote (320 × 568).
    const following = document
      .querySelector('.editor > .spotlight-banner:not(.elsewhere)')
      ?.getBoundingClientRect();
    if (following && following.height > 0 && following.bottom < bannerBox.top) {
      above = Math.max(above, following.bottom);
    }
  }
  return { top: Math.max(0, above - canvas.top), bottom: Math.max(0, canvas.bottom - below) };
}

/**
 * On an upright tablet the open people's panel is short and narrow: a fit beside it left the
 * carton at a third of the width, the top half empty. Under it, across the whole width, the
 * carton may be shown larger (the fit takes the larger of the two). Null where it does not
 * apply (a phone, a landscape screen, the panel folded).
 */
function belowPeoplePanel(session: BoardSession): Rect | null {
  if (typeof document === 'undefined') return null;
  const { viewport, peopleOpen } = session.store.getState();
  if (viewport.width <= 700 || viewport.height <= viewport.width || !peopleOpen) return null;
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const people = document.querySelector('.people')?.getBoundingClientRect();
  if (!canvas || !people || people.height === 0) return null;
  const area = safeArea(session);
  const top = Math.max(area.y, people.bottom - canvas.top);
  const height = area.y + area.height - top;
  return height < 100 ? null : { x: 0, y: top, width: viewport.width, height };
}

/**
 * The areas a fit-all may use: on a phone, what the floating people pill and « ? » leave clear
 * of the safe area (phoneFitAreas.ts); wider, as for any fit.
 */
function fitAllAreas(session: BoardSession): Rect[] {
  if (session.store.getState().viewport.width > 700) return fitAreas(session);
  return clearOfFloatingControls(safeArea(session), measuredFloatingControls());
}

/** The safe area, and on an upright tablet the area under the people's panel. */
function fitAreas(session: BoardSession): Rect[] {
  const belowPanel = belowPeoplePanel(session);
  return belowPanel ? [safeArea(session), belowPanel] : [safeArea(session)];
}

function fitInSafeArea(
  session: BoardSession,
  ids: readonly string[],
  bounds: Rect,
  maxZoom: number,
  areas: readonly Rect[] = fitAreas(session),
): void {
  const shapes = ids.flatMap((id) => session.scene.getShape(id) ?? []);
  const fit = (area: Rect) => {
    // A phone has no pixels to spare: a thin margin, so the content fills the width.
    const padding = area.width < 600 ? 8 : 32;
    return { area, camera: fitWithFarTitles(bounds, shapes, area, padding, maxZoom) };
  };
  // The largest view of them (the first on a tie): beside the people's panel or under it across
  // the whole width; below a phone's floating controls or beside them.
  const { area, camera } = areas
    .map(fit)
    .reduce((best, next) => (next.camera.zoom > best.camera.zoom ? next : best));
  session.store.setState({
    camera: { ...camera, x: camera.x + area.x, y: camera.y + area.y },
    following: null,
  });
}

/**
 * Shows the whole board. Remembered as the last fit (fitAndRemember), so a phone turned before
 * anyone moves the view fits again, whether the fit came on arrival, from « Tout afficher » or Shift+1.
 */
export function zoomToFit(session: BoardSession): void {
  fitAndRemember(session.store, () => {
    const ids = session.scene.orderedIds();
    const bounds = boundsOf(session, ids);
    const { viewport } = session.store.getState();
    if (bounds) fitInSafeArea(session, ids, bounds, 1, fitAllAreas(session));
    else
      session.store.setState({
        camera: { x: viewport.width / 2, y: viewport.height / 2, zoom: 1 },
        following: null,
      });
  });
}

export function zoomToSelection(session: BoardSession): void {
  const { selection } = session.store.getState();
  const bounds = boundsOf(session, selection);
  if (bounds) fitInSafeArea(session, selection, bounds, 2);
}

export function zoomBy(session: BoardSession, factor: number): void {
  const { camera, viewport } = session.store.getState();
  const centre = { x: viewport.width / 2, y: viewport.height / 2 };
  session.store.setState({
    camera: zoomAt(camera, centre, clampZoom(camera.zoom * factor)),
    following: null,
  });
}

export function resetZoom(session: BoardSession): void {
  const { camera, viewport } = session.store.getState();
  session.store.setState({
    camera: zoomAt(camera, { x: viewport.width / 2, y: viewport.height / 2 }, 1),
  });
}

/** Text read at this many screen pixels is comfortable on a phone and a laptop alike. */
const READING_PX = 16;

/**
 * Before its editor opens, brings a shape drawn too small to read (a phone's fit-all) to a
 * readable zoom, near the top of the free area (see editCamera.ts). On a phone a note is
 * brought to a legible size above the keyboard, a text or carton title to a readable one,
 * smoothly, and the returned function (called when the editor closes) takes the view back —
 * unless the person moved it meanwhile.
 */
export function zoomForEditing(session: BoardSession, id: string): () => void {
  const none = () => undefined;
  // A glide back from the editor just closed gives way to this one.
  stopGlide(session.store);
  const shape = session.scene.getShape(id);
  const bounds = session.scene.bounds(id);
  if (!shape || !bounds) return none;
  const { camera, following } = session.store.getState();
  if (following !== null) return none;
  const area = belowPeople(safeArea(session));
  if (shape.type === 'note' && isTouchFirst()) {
    const next = legibleNoteCamera(camera, bounds, noteFontSize(shape), freeOfKeyboard(area));
    // The keyboard up late, taller than assumed, or the phone turned: re-fitted above it.
    const refit = (at: Camera) => {
      const now = session.scene.bounds(id);
      const free = freeOfKeyboard(belowPeople(safeArea(session)));
      return now ? refitAboveKeyboard(at, now, free) : null;
    };
    const viewport = typeof window === 'undefined' ? null : (window.visualViewport ?? window);
    const follow = followKeyboard(session.store, camera, next, refit, viewport);
    return () => follow.close();
  }
  const reading =
    shape.type === 'note' ? 1 : shape.type === 'text' ? READING_PX / shape.fontSize : 0.4;
  // A carton's title is what gets written: its band, not the whole carton.
  const target = shape.type === 'carton' ? { ...bounds, height: CARTON_TITLE_BAND } : bounds;
  const next = cameraForEditing(camera, target, reading, area);
  if (!next) return none;
  // On a phone a text, a heading or a carton's title goes back too, as a note does: the view
  // stayed zoomed in on it once written, and the participant had to pinch back out.
  if (isTouchFirst()) {
    const follow = followKeyboard(session.store, camera, next, () => null, null);
    return () => follow.close();
  }
  session.store.setState({ camera: next });
  return none;
}

// The canvas area above a phone's keyboard (visualViewport once it is up), in canvas pixels.
function freeOfKeyboard(area: Rect): Rect {
  if (typeof window === 'undefined') return area;
  const canvasTop = document.querySelector('.canvas')?.getBoundingClientRect().top ?? 0;
  const vv = window.visualViewport;
  const visibleBottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
  return aboveKeyboard(area, keyboardTop(window.innerHeight, visibleBottom) - canvasTop);
}

// On a phone the folded people list sits under the header, across the top of the canvas: the
// shape being written goes below it, so the list's name and count never show through the text.
function belowPeople(area: Rect): Rect {
  if (typeof document === 'undefined' || area.width > 700) return area;
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const people = document.querySelector('.people')?.getBoundingClientRect();
  if (!canvas || !people || people.height === 0) return area;
  const top = Math.max(area.y, people.bottom - canvas.top);
  return { ...area, y: top, height: Math.max(100, area.y + area.height - top) };
}

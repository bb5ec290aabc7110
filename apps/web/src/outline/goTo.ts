// Going to what the outline lists: the camera centres on it in the part of the screen the
// panel leaves free, and it becomes the selection — for editors only, and never a locked shape.
import { centerOn, clampZoom, type Camera } from '../geometry/camera';
import type { Rect } from '../geometry/rect';
import { safeArea, select } from '../board/actions';
import type { BoardSession } from '../board/session';

/** Below this zoom notes are drawn as plain blocks (see the README): too small to read. */
const READABLE_ZOOM = 0.5;
/** Screen pixels kept around a shape zoomed out to fit. */
const MARGIN = 24;

/**
 * The camera that centres `bounds` in `area` (screen pixels): the zoom is kept unless the
 * shape would not fit, or would be too small to read (then up to 100 %, as far as it fits).
 */
export function cameraToShow(camera: Camera, bounds: Rect, area: Rect): Camera {
  const fit = Math.min(
    Math.max(1, area.width - MARGIN * 2) / Math.max(1, bounds.width),
    Math.max(1, area.height - MARGIN * 2) / Math.max(1, bounds.height),
  );
  let zoom = camera.zoom;
  if (zoom > fit) zoom = fit;
  else if (zoom < READABLE_ZOOM) zoom = Math.min(1, fit);
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  const centred = centerOn(centre, area, clampZoom(zoom));
  return { ...centred, x: centred.x + area.x, y: centred.y + area.y };
}

/**
 * The free part of the canvas (not under the header, toolbar, people list) less what the
 * panel covers: beside it on a wide screen, above it when it is a bottom sheet.
 */
export function areaBeside(area: Rect, panel: Rect | null): Rect {
  if (!panel || panel.width === 0) return area;
  const sheet = panel.width >= area.width * 0.8;
  if (sheet) return { ...area, height: Math.max(100, Math.min(area.height, panel.y - area.y)) };
  const right = Math.min(area.x + area.width, panel.x);
  return { ...area, width: Math.max(100, right - area.x) };
}

/**
 * Centres the view on shape `id` and makes it the selection: a view link's reader chooses it
 * for themself (nothing goes out, as with the arrows there); an editor selects it, unless it
 * is locked — then its padlock is shown and the selection let go, as a hover would.
 */
export function goToShape(session: BoardSession, id: string, panel: Rect | null): void {
  const bounds = session.scene.bounds(id);
  if (!bounds) return;
  const { camera } = session.store.getState();
  const area = areaBeside(safeArea(session), panel);
  session.store.setState({ camera: cameraToShow(camera, bounds, area), following: null });
  if (session.readOnly) session.store.setState({ selection: [id] });
  else if (session.scene.getShape(id)?.locked) {
    select(session, []);
    session.store.setState({ hoverLocked: id });
  } else select(session, [id]);
}

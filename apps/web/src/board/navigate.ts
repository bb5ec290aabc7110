// The board without a pointer: Enter places the chosen tool's shape in the middle of the view,
// Tab and the arrows choose shapes in reading order, and the view follows what is chosen.
import { cameraCenter, centerOn, screenToWorld, worldToScreen } from '../geometry/camera';
import { rectContains, type Point } from '../geometry/rect';
import type { Plan, ToolId, ToolPointer } from '../tools/types';
import { safeArea, select } from './actions';
import { adjacentShape, freeSpot, readingOrder } from './keyboardNav';
import type { BoardSession } from './session';

/** Tools whose click places a shape, so Enter can place one where no pointer is. */
export const PLACEABLE_TOOLS: ReadonlySet<ToolId> = new Set<ToolId>([
  'note',
  'stamp',
  'text',
  'carton',
  'rect',
  'ellipse',
]);

/** The room a placed shape takes while looking for a free spot (a note is 200 × 200). */
const FOOTPRINT = { note: 200, carton: 600, text: 200, rect: 200, ellipse: 200, stamp: 60 };

/**
 * Whether the person last pressed a pointer (true) or moved with Tab (false): the canvas shows
 * its keyboard ring and help line only to the keyboard. Kept by installKeyboard's listeners.
 */
export const lastInput = { pointer: false };

/** The editor's canvas element, where the keyboard's focus returns after an edit or a tool. */
export function focusCanvas(): void {
  document
    .querySelector<HTMLElement>('.canvas')
    ?.focus({ preventScroll: true, focusVisible: !lastInput.pointer });
}

/**
 * Ctrl+Enter on the board: the chosen shape's colours and actions, which Tab cannot reach from
 * the canvas (there it goes from shape to shape). Escape in them comes back to the board.
 */
export function focusSelectionPanel(): boolean {
  const first = document.querySelector<HTMLElement>('.style-panel button');
  first?.focus();
  return first !== null;
}

/**
 * Places the current tool's shape as a click would, without a pointer: a stamp on the one
 * chosen shape's corner (a vote), anything else at the free spot nearest the view's centre.
 * Returns false when the tool places nothing.
 */
export function placeByKeyboard(session: BoardSession): boolean {
  const { tool, camera, viewport, selection } = session.store.getState();
  if (session.readOnly || !PLACEABLE_TOOLS.has(tool)) return false;
  const target = tool === 'stamp' && selection.length === 1 ? selection[0] : undefined;
  const bounds = target ? session.scene.bounds(target) : undefined;
  let world: Point;
  if (bounds) world = { x: bounds.x + bounds.width - 24, y: bounds.y + 24 };
  else {
    const side = FOOTPRINT[tool as keyof typeof FOOTPRINT] ?? 200;
    world = freeSpot(
      cameraCenter(camera, viewport),
      { width: side, height: side },
      (rect) => session.scene.index.query(rect).size > 0,
    );
  }
  const pointer: ToolPointer = {
    world,
    screen: worldToScreen(camera, world),
    pointerType: 'mouse',
    pressure: 0.5,
    shift: false,
    mod: false,
  };
  const current = session.currentTool();
  const context = session.toolContext();
  const plans: Plan[] = [
    ...current.pointerDown(context, pointer),
    ...current.pointerUp(session.toolContext(), pointer),
  ];
  session.shell.apply(plans);
  return true;
}

/** Every shape's id in reading order (rows, then a carton's contents after it). */
export function boardReadingOrder(session: BoardSession): string[] {
  return readingOrder(
    session.scene.orderedIds().flatMap((id) => {
      const info = session.scene.info(id);
      return info ? [{ id, bounds: info.bounds, parentId: info.parentId, type: info.type }] : [];
    }),
  );
}

/**
 * Chooses the next (1) or previous (-1) shape in reading order and brings it into view.
 * Past either end the selection is cleared and false is returned: the caller then lets the
 * focus move on.
 */
export function selectAdjacent(session: BoardSession, step: 1 | -1): boolean {
  const order = boardReadingOrder(session);
  const next = adjacentShape(order, session.store.getState().selection, step);
  // A view link's reader chooses for themself: nothing goes out to the others.
  const choose = (ids: string[]) =>
    session.readOnly ? session.store.setState({ selection: ids }) : select(session, ids);
  if (next === null) {
    choose([]);
    return false;
  }
  choose([next]);
  reveal(session, next);
  return true;
}

/**
 * Pans (never zooms) so a shape chosen from the keyboard is on screen and not under the header,
 * the toolbar or the people list (WCAG 2.4.11: what has the keyboard is not hidden).
 */
export function reveal(session: BoardSession, id: string): void {
  const bounds = session.scene.bounds(id);
  const { camera } = session.store.getState();
  if (!bounds) return;
  const area = safeArea(session);
  const topLeft = screenToWorld(camera, area);
  const clear = {
    ...topLeft,
    width: area.width / camera.zoom,
    height: area.height / camera.zoom,
  };
  if (rectContains(clear, bounds)) return;
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  const centred = centerOn(centre, area, camera.zoom);
  session.store.setState({
    camera: { ...centred, x: centred.x + area.x, y: centred.y + area.y },
    following: null,
  });
}

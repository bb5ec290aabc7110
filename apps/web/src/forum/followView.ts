// What a participant's screen shows while following « Tout le monde vers moi » or a person. The facilitator's
// zoom alone was a laptop's: on a 390 px phone the same zoom showed a strip a quarter of her
// view wide (half a carton, its title under the header), so the room followed what no one saw
// whole. The facilitator also sends how much of the board her view holds (world units); the
// follower fits that part of the board — where it holds shapes — into its own free area, whole:
// it sees at least what she sees (a floor at half her zoom cut the sides of a carton she showed
// whole on a 1280 px laptop off a phone). A screen as large as hers still copies her camera.
import { centerOn, fitBounds, MAX_ZOOM, type Camera, type Viewport } from '../geometry/camera';
import type { Rect } from '../geometry/rect';

/**
 * A view someone publishes for others to follow: the facilitator's spotlight (room.ts) and any
 * person's presence (presence.ts, followed from the people list).
 */
export interface PublishedView {
  /** World point at the centre of the view. */
  x: number;
  y: number;
  zoom: number;
  /** How much of the board the view holds, in world units; absent from older pages. */
  width?: number;
  height?: number;
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The world rectangle to show: the facilitator's view, narrowed to the board's content when it
 * overlaps (her margins of empty board are not worth a phone's pixels). Null when the publisher
 * sent no size (an older page): the follower then takes her zoom as before.
 */
export function followedRect(published: PublishedView, content: Rect | null): Rect | null {
  const { width, height } = published;
  if (!(width !== undefined && width > 0 && Number.isFinite(width))) return null;
  if (!(height !== undefined && height > 0 && Number.isFinite(height))) return null;
  const view = { x: published.x - width / 2, y: published.y - height / 2, width, height };
  return (content && intersection(view, content)) ?? view;
}

/**
 * Her screen's size over this one's below which the follower fits her view rather than copy her
 * camera: a screen nearly as large as hers (another laptop, the projector) sees what she sees,
 * pixel for pixel, as it always did; a phone or a tablet gets her view fitted.
 */
const SAME_SCREEN = 0.9;

/** The follower's camera: that rectangle fitted into its free area (a thin margin on a phone). */
export function followedCamera(
  published: PublishedView,
  viewport: Viewport,
  /** The part of the viewport the board is seen through (below the header, above the toolbar). */
  area: Rect,
  content: Rect | null,
): Camera {
  const rect = followedRect(published, content);
  const asLarge =
    !rect ||
    (viewport.width >= published.width! * published.zoom * SAME_SCREEN &&
      viewport.height >= published.height! * published.zoom * SAME_SCREEN);
  if (!rect || asLarge)
    return centerOn({ x: published.x, y: published.y }, viewport, published.zoom);
  const padding = area.width < 600 ? 8 : 32;
  // Whole, however far that takes the follower's zoom: what she points at in a corner of her
  // view must be on the follower's screen too (a phone pinches closer to read).
  const fitted = fitBounds(rect, area, padding, MAX_ZOOM);
  return { ...fitted, x: fitted.x + area.x, y: fitted.y + area.y };
}

// A territory shown large (the mosaic's focus, the projector's territory slide and its tour)
// frames what the table wrote, not the carton's empty bottom. The seed's template carton is
// 1,600 × 1,000 and its notes fill the top half or two thirds: drawn whole, the carton's height
// set the scale and its notes' words were 20 px tall on a 1920 × 1080 TV, 13 px at 1280 × 720.
// Framed from the carton's top (its title and headings) down to its last note, the carton's
// width sets the scale instead: a quarter larger. The drawing keeps its top at the screen's top
// and the carton runs on below the frame where the screen has room for it.
import { isLocked, shapesBounds, type Box, type Shape } from '@carton/board';
import { CARTON_TITLE_BAND } from '@carton/render';

/** Room left under the last note (its shadow, a heart stamped on its corner). */
export const CONTENT_MARGIN = 48;

/**
 * The part of the drawing `box` (the SVG's viewBox, board units) a large view frames: the same
 * width and top, its bottom at the lowest shape the table placed (never above a carton's title
 * band). The template's locked layout (M33: headings, hearts and stars, the divider running down
 * the carton) is the carton's furniture: its headings lie at the top, which the frame keeps, and
 * the divider goes on below it. Null when there is nothing to leave off: no carton, nothing
 * placed on it, or what was placed reaches the drawing's bottom.
 */
export function contentView(shapes: readonly Shape[], box: Box): Box | null {
  const cartons = shapes.filter((s) => s.type === 'carton');
  const content = shapesBounds(shapes.filter((s) => s.type !== 'carton' && !isLocked(s)));
  if (cartons.length === 0 || !content) return null;
  const titles = Math.max(...cartons.map((c) => c.y + CARTON_TITLE_BAND));
  const bottom = Math.max(content.y + content.h, titles) + CONTENT_MARGIN;
  if (bottom >= box.y + box.h) return null;
  return { x: box.x, y: box.y, w: box.w, h: Math.ceil(bottom - box.y) };
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The SVG framed on `view` (contentView): its viewBox and size say the view, and the drawing
 * sits at the top of its element (what lies below the view shows under it, if there is room).
 */
export function framedSvg(svg: string, view: Box | null): string {
  if (!view) return svg;
  return svg.replace(
    /^(<svg\b[^>]*?) width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
    `$1 width="${num(view.w)}" height="${num(view.h)}" viewBox="${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}" preserveAspectRatio="xMidYMin meet"`,
  );
}

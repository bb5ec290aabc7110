// A closed vote's counts drawn on a board's notes: the projector's slides and the forum archive's
// PNGs draw the same dark badges as the board shows after the vote.
import type { Shape } from '@carton/board';

const RADIUS = 24;

/**
 * SVG badges at each counted note's top-right corner, in board units (the drawing's viewBox).
 * The text takes the drawing's own font (the <svg>'s font-family): resvg, which draws the
 * archive's PNGs, knows only the bundled fonts.
 */
export function voteBadgesSvg(
  shapes: readonly Shape[],
  counts: ReadonlyMap<string, number>,
): string {
  let out = '';
  for (const shape of shapes) {
    const count = counts.get(shape.id);
    if (shape.type !== 'note' || !count) continue;
    const cx = shape.x + shape.w - 6;
    const cy = shape.y + 6;
    const text = String(Math.round(count));
    const w = Math.max(RADIUS * 2, text.length * 18 + 20);
    out +=
      `<g class="vote-badge" data-shape-id="${shape.id.replace(/[^A-Za-z0-9_-]/g, '')}" data-count="${text}">` +
      `<rect x="${cx - w / 2}" y="${cy - RADIUS}" width="${w}" height="${RADIUS * 2}" rx="${RADIUS}" fill="#1d2b3a" stroke="#fff" stroke-width="4"/>` +
      `<text x="${cx}" y="${cy + 10}" text-anchor="middle" font-weight="bold" font-size="28" fill="#fff">${text}</text></g>`;
  }
  return out;
}

/** The drawing's SVG with the badges drawn last (on top of everything). */
export function withBadges(svg: string, badges: string): string {
  if (!badges) return svg;
  const end = svg.lastIndexOf('</svg>');
  return end < 0 ? svg : `${svg.slice(0, end)}${badges}${svg.slice(end)}`;
}

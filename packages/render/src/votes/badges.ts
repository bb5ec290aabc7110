// A closed vote's counts drawn on a board's notes: the projector's slides, the forum archive's
// PNGs and the board's own « Exporter » (PNG, SVG, PDF) draw the same dark badges as the board
// shows after the vote, placed as the board places them (badgePlace): off a stamp in the corner.
import { shapeBounds, type Shape } from '@carton/board';
import { num } from '../svg/xml.ts';

/** A rectangle in the units of its drawing (board units here; screen px on the live board). */
export interface BadgeRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: BadgeRect, b: BadgeRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where a note's badge goes, its top-left, for the note's rectangle and the rectangles of what
 * lies on it (stamps, shapes, photos): straddling the top-right, top-left, bottom-right, then
 * bottom-left corner, the first that covers none of them; else just outside the top-right
 * corner, off the note. It straddles a corner as the board's 28 px badge always did (18 px in
 * from the side, 14 above), in proportion to the badge's height: the same place at any size.
 * Its place was always the top-right corner, and a « 1 » there covered the heart a participant
 * had stamped in that corner.
 */
export function badgePlace(
  note: BadgeRect,
  onNote: readonly BadgeRect[],
  size: { readonly width: number; readonly height: number },
): { x: number; y: number } {
  const inX = (size.height * 18) / 28;
  const outY = size.height / 2;
  const gap = size.height / 7;
  const right = note.x + note.width;
  const bottom = note.y + note.height;
  const corners = [
    { x: right - inX, y: note.y - outY },
    { x: note.x + inX - size.width, y: note.y - outY },
    { x: right - inX, y: bottom - size.height + outY },
    { x: note.x + inX - size.width, y: bottom - size.height + outY },
  ];
  const free = corners.find((at) => {
    const badge = { ...at, ...size };
    return !onNote.some((shape) => overlaps(badge, shape));
  });
  return free ?? { x: right + gap, y: note.y - size.height - gap };
}

/** The badges' fill: the board's dark dot after the vote (forum-kit.css .vote-dot.count). */
export const VOTE_BADGE_FILL = '#1d2b3a';

/** A badge's height in board units (a pill, as tall as it is round). */
const HEIGHT = 48;

/** A badge drawn on a note, in board units: its box (top-left), its count and its words. */
export interface VoteBadge extends BadgeRect {
  readonly shapeId: string;
  readonly count: number;
  readonly text: string;
}

/** The badge's box in board units for a count: 48 high, wider with each digit. */
export function voteBadgeSize(text: string): { width: number; height: number } {
  return { width: Math.max(HEIGHT, text.length * 18 + 20), height: HEIGHT };
}

const boxOf = (shape: Shape): BadgeRect => {
  const b = shapeBounds(shape);
  return { x: b.x, y: b.y, width: b.w, height: b.h };
};

/**
 * The badges of the counted notes among `shapes`, placed as the board places them: what lies on
 * a note is any drawn shape whose box meets the note's (the carton under it and the arrows ending
 * at its edge do not count), as the board's spatial index finds them.
 */
export function voteBadges(
  shapes: readonly Shape[],
  counts: ReadonlyMap<string, number>,
): VoteBadge[] {
  const counted = shapes.filter(
    (shape) => shape.type === 'note' && (counts.get(shape.id) ?? 0) > 0,
  );
  if (counted.length === 0) return [];
  const others = shapes
    .filter((shape) => shape.type !== 'carton' && shape.type !== 'arrow')
    .map((shape) => ({ id: shape.id, box: boxOf(shape) }));
  const meets = (a: BadgeRect, b: BadgeRect) =>
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
  return counted.map((note) => {
    const count = Math.round(counts.get(note.id) ?? 0);
    const text = String(count);
    const box = boxOf(note);
    const onNote = others.filter((o) => o.id !== note.id && meets(o.box, box)).map((o) => o.box);
    const size = voteBadgeSize(text);
    return { shapeId: note.id, count, text, ...badgePlace(box, onNote, size), ...size };
  });
}

/**
 * SVG badges for each counted note, in board units (the drawing's viewBox), placed as on the
 * board (voteBadges). The text takes the drawing's own font (the <svg>'s font-family): resvg,
 * which draws the archive's PNGs, knows only the bundled fonts.
 */
export function voteBadgesSvg(
  shapes: readonly Shape[],
  counts: ReadonlyMap<string, number>,
): string {
  let out = '';
  for (const badge of voteBadges(shapes, counts)) {
    const r = badge.height / 2;
    const cx = badge.x + badge.width / 2;
    out +=
      `<g class="vote-badge" data-shape-id="${badge.shapeId.replace(/[^A-Za-z0-9_-]/g, '')}" data-count="${badge.text}">` +
      `<rect x="${num(badge.x)}" y="${num(badge.y)}" width="${num(badge.width)}" height="${num(badge.height)}" rx="${num(r)}" fill="${VOTE_BADGE_FILL}" stroke="#fff" stroke-width="4"/>` +
      `<text x="${num(cx)}" y="${num(badge.y + r + 10)}" text-anchor="middle" font-weight="bold" font-size="28" fill="#fff">${badge.text}</text></g>`;
  }
  return out;
}

/** The drawing's SVG with the badges drawn last (on top of everything). */
export function withBadges(svg: string, badges: string): string {
  if (!badges) return svg;
  const end = svg.lastIndexOf('</svg>');
  return end < 0 ? svg : `${svg.slice(0, end)}${badges}${svg.slice(end)}`;
}

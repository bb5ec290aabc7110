// Projector slides: the board's cartons in reading order (rows top to bottom, then left to
// right), then the whole board when something lies outside every carton (or no carton exists).
// On the plenary board, the territories' live mosaic comes next, then each territory large.
import type { Shape } from '@carton/board';

export type Slide =
  | { kind: 'carton'; id: string; title: string }
  | { kind: 'board' }
  | { kind: 'mosaic' }
  | { kind: 'territory'; boardId: string };

/** Cartons whose tops are within this fraction of a carton's height share a row. */
const ROW_TOLERANCE = 0.5;

export function slideOrder(shapes: readonly Shape[]): Slide[] {
  const cartons = shapes.filter(
    (s): s is Extract<Shape, { type: 'carton' }> => s.type === 'carton' && s.parentId === null,
  );
  if (cartons.length === 0) return shapes.length ? [{ kind: 'board' }] : [];
  const byTop = [...cartons].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: (typeof cartons)[] = [];
  for (const carton of byTop) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && carton.y - first.y <= first.h * ROW_TOLERANCE) row.push(carton);
    else rows.push([carton]);
  }
  const slides: Slide[] = rows.flatMap((row) =>
    row
      .sort((a, b) => a.x - b.x)
      .map((c) => ({ kind: 'carton' as const, id: c.id, title: c.title })),
  );
  const loose = shapes.some((s) => s.parentId === null && s.type !== 'carton');
  return loose ? [...slides, { kind: 'board' }] : slides;
}

/** The slide index after a key press, or null if the key is not for slides. */
export function nextSlide(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The plenary's slides, then the territories': their live mosaic, then each one large in the
 * forum's order. As slides, a presenter's clicker (Page Down) or the arrows go from the day's
 * agenda to the mosaic and through every territory, with no other key to learn.
 */
export function withMosaic(slides: readonly Slide[], territories: readonly string[]): Slide[] {
  if (territories.length === 0) return [...slides];
  return [
    ...slides,
    { kind: 'mosaic' },
    ...territories.map((boardId) => ({ kind: 'territory' as const, boardId })),
  ];
}

/** M goes to the mosaic (from anywhere, a territory shown large too); null if there is none. */
export function mosaicKey(key: string, slides: readonly { kind: string }[]): number | null {
  if (key !== 'm' && key !== 'M') return null;
  const at = slides.findIndex((s) => s.kind === 'mosaic');
  return at < 0 ? null : at;
}

/** What a slide is, kept while others come or go before it. */
export function slideKey(slide: {
  kind: string;
  id?: string;
  boardId?: string;
  page?: number;
}): string {
  if (slide.kind === 'carton') return `carton:${slide.id}`;
  if (slide.kind === 'territory') return `territory:${slide.boardId}`;
  // A page of « Les incontournables »: the same page stays up while the list changes.
  if (slide.kind === 'list') return `list:${slide.page}`;
  return slide.kind;
}

/** The slide the facilitator went to: its index, and what it was (null: the first one shown). */
export interface ShownSlide {
  readonly index: number;
  readonly key: string | null;
}

/**
 * Where the slide the facilitator went to is now. Slides come and go while it shows: the
 * plenary's own cartons arrive after the territories, an item « amené en plénière » makes a new
 * carton, a territory is added. Kept by index, the mosaic or a territory shown gave way to
 * whatever slid into its place; it stays on screen, found by what it is, and only if it is gone
 * does the index (within bounds) decide.
 */
export function shownIndex(
  slides: readonly { kind: string; id?: string; boardId?: string; page?: number }[],
  shown: ShownSlide,
): number {
  if (shown.key !== null) {
    const at = slides.findIndex((s) => slideKey(s) === shown.key);
    if (at >= 0) return at;
  }
  return Math.min(shown.index, Math.max(0, slides.length - 1));
}

// How the plenary's mosaic lays out its tiles: the columns and rows that give the largest tiles
// for this many territories on this screen, each tile keeping the carton's aspect. A fixed
// column width (the old `auto-fill, minmax(380px)`) left a quarter of a projector empty with
// eight cartons, a lone row for three, and scrolled on a laptop.

export interface MosaicArea {
  readonly width: number;
  readonly height: number;
}

export interface MosaicLayout {
  readonly columns: number;
  readonly rows: number;
  /** The drawing's size in CSS pixels (width / height is the carton's aspect). */
  readonly tileWidth: number;
  readonly tileHeight: number;
}

/**
 * Below this width a tile is not worth showing whole: the mosaic scrolls instead. A tile keeps
 * its caption readable down to here: the longest territory name of the alliance
 * (« Rimouski-Neigette », 141 px with its padding at the caption's 16 px floor, mosaic.css)
 * holds on one line. At 200 px an 800 × 600 projector scrolled to the tenth and twelfth
 * territories (186 px tiles fit them all, four across, three rows).
 */
export const MIN_TILE_WIDTH = 160;

/** The longest name with its padding and the caption's insets, in caption font sizes. */
const NAME_EMS = MIN_TILE_WIDTH / 16;

/**
 * The narrowest tile for a caption drawn `captionPx` tall (it grows with the screen's height,
 * mosaic.css): its name still on one line. On an upright phone (22 px captions) 178 px tiles two
 * across showed every name on two lines over half the drawing: one wide column scrolls instead.
 */
export function minTileWidth(captionPx: number): number {
  return Math.max(MIN_TILE_WIDTH, Math.ceil(NAME_EMS * captionPx));
}

/**
 * The grid with the largest tiles that fits `area` without scrolling (gaps between tiles);
 * on a ties, the one with fewer empty cells. When even that is under `minWidth` (minTileWidth),
 * as many `minWidth` columns as fit, and the mosaic scrolls down.
 */
export function mosaicLayout(
  count: number,
  area: MosaicArea,
  aspect: number,
  gap: number,
  minWidth: number = MIN_TILE_WIDTH,
): MosaicLayout {
  const n = Math.max(1, count);
  const ratio = aspect > 0 && Number.isFinite(aspect) ? aspect : 16 / 10;
  let best: MosaicLayout | null = null;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const byWidth = (area.width - (columns - 1) * gap) / columns;
    const byHeight = ((area.height - (rows - 1) * gap) / rows) * ratio;
    const tileWidth = Math.floor(Math.min(byWidth, byHeight));
    if (tileWidth <= 0) continue;
    // Strictly larger (by a pixel) wins: among equals the fewer columns, so fewer empty cells.
    if (!best || tileWidth > best.tileWidth) {
      best = { columns, rows, tileWidth, tileHeight: Math.floor(tileWidth / ratio) };
    }
  }
  if (best && best.tileWidth >= minWidth) return best;
  const columns = Math.max(1, Math.floor((area.width + gap) / (minWidth + gap)));
  const tileWidth = Math.max(minWidth, Math.floor((area.width - (columns - 1) * gap) / columns));
  return {
    columns,
    rows: Math.ceil(n / columns),
    tileWidth,
    tileHeight: Math.floor(tileWidth / ratio),
  };
}

/** The aspect the tiles share: the median of the cartons' drawn areas (one odd board aside). */
export function sharedAspect(boxes: readonly { readonly w: number; readonly h: number }[]): number {
  const ratios = boxes
    .filter((b) => b.w > 0 && b.h > 0)
    .map((b) => b.w / b.h)
    .sort((a, b) => a - b);
  if (ratios.length === 0) return 16 / 10;
  const mid = Math.floor(ratios.length / 2);
  return ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/** Where the mosaic's controls (the timer, « Plein écran », « Fermer ») go on a whole screen. */
export type RailPlacement = 'top' | 'side';

/**
 * On the whole screen (« Plein écran »), the controls take a row above the tiles or a column
 * beside them, whichever leaves the larger tiles: on a 16:9 screen, eight cartons take three
 * rows and leave the sides empty, so a column there costs them nothing while a row costs them
 * its height (500 px tiles under an 80 px row with a running timer at 1920 × 1080, 547 px beside
 * a column); on a 4:3 projector the width is what is short, and the row wins.
 * `row` is the row's height, `column` the column's width, both with their gap to the tiles.
 */
export function railPlacement(
  count: number,
  screen: MosaicArea,
  aspect: number,
  gap: number,
  minWidth: number,
  rail: { readonly row: number; readonly column: number },
): RailPlacement {
  const top = mosaicLayout(
    count,
    { width: screen.width, height: screen.height - rail.row },
    aspect,
    gap,
    minWidth,
  );
  const side = mosaicLayout(
    count,
    { width: screen.width - rail.column, height: screen.height },
    aspect,
    gap,
    minWidth,
  );
  // Beside a column, only if every tile still fits (the fallback's tiles scroll down).
  const sideFits = side.rows * side.tileHeight + (side.rows - 1) * gap <= screen.height;
  return sideFits && side.tileWidth > top.tileWidth ? 'side' : 'top';
}

import { describe, expect, it } from 'vitest';
import {
  MIN_TILE_WIDTH,
  minTileWidth,
  mosaicLayout,
  railPlacement,
  sharedAspect,
} from './mosaicLayout';

// A territory carton (1600 × 1000) drawn with the mosaic's 24-unit margin.
const CARTON = 1648 / 1048;
const GAP = 10;
// The mosaic's grid area under the board header and the mosaic's own header row.
const area = (width: number, height: number) => ({ width: width - 24, height: height - 140 });

describe('mosaicLayout', () => {
  it('eight cartons on a 1920 × 1080 projector: 3 × 3, larger than 4 across', () => {
    const layout = mosaicLayout(8, area(1920, 1080), CARTON, GAP);
    expect([layout.columns, layout.rows]).toEqual([3, 3]);
    // The old fixed grid drew them 465 px wide in two rows, a quarter of the screen empty.
    expect(layout.tileWidth).toBeGreaterThan(480);
    expect(layout.rows * layout.tileHeight + (layout.rows - 1) * GAP).toBeLessThanOrEqual(940);
  });

  it('three cartons take 2 × 2 (not a lone row), twelve fit without scrolling', () => {
    const three = mosaicLayout(3, area(1920, 1080), CARTON, GAP);
    expect([three.columns, three.rows]).toEqual([2, 2]);
    expect(three.tileWidth).toBeGreaterThan(700);
    const twelve = mosaicLayout(12, area(1920, 1080), CARTON, GAP);
    expect(twelve.columns * twelve.rows).toBeGreaterThanOrEqual(12);
    expect(twelve.rows * twelve.tileHeight + (twelve.rows - 1) * GAP).toBeLessThanOrEqual(940);
  });

  it('every count fits both ways and keeps the carton’s aspect on laptop screens', () => {
    for (const [w, h] of [
      [1366, 768],
      [1280, 800],
      [1920, 1080],
    ] as const) {
      for (const count of [1, 3, 8, 12]) {
        const a = area(w, h);
        const l = mosaicLayout(count, a, CARTON, GAP);
        expect(l.columns * l.rows).toBeGreaterThanOrEqual(count);
        expect(l.columns * l.tileWidth + (l.columns - 1) * GAP).toBeLessThanOrEqual(a.width);
        expect(l.rows * l.tileHeight + (l.rows - 1) * GAP).toBeLessThanOrEqual(a.height);
        expect(Math.abs(l.tileWidth / l.tileHeight - CARTON)).toBeLessThan(0.02);
        // No other grid gives larger tiles.
        for (let c = 1; c <= count; c++) {
          const r = Math.ceil(count / c);
          const other = Math.min(
            (a.width - (c - 1) * GAP) / c,
            ((a.height - (r - 1) * GAP) / r) * CARTON,
          );
          expect(Math.floor(other)).toBeLessThanOrEqual(l.tileWidth);
        }
      }
    }
  });

  // The grid's area measured in Chromium with the mosaic open, a timer running (the kit's row:
  // « Fermer » beside the forum's buttons, under the header's two rows), and the captions' font
  // (max(1rem, 2.6vh)).
  const PROJECTORS = [
    { screen: '800 × 600', area: { width: 776, height: 403 }, caption: 16 },
    { screen: '1024 × 768', area: { width: 1000, height: 557 }, caption: 19.97 },
  ];
  it('every territory on a 4:3 projector without scrolling, tiles wide enough for their names', () => {
    const found: string[] = [];
    for (const { screen, area: a, caption } of PROJECTORS) {
      for (const count of [8, 10, 12]) {
        const l = mosaicLayout(count, a, CARTON, GAP, minTileWidth(caption));
        found.push(`${screen} ${count}: ${l.columns}×${l.rows} ${l.tileWidth}px`);
        expect(l.columns * l.rows).toBeGreaterThanOrEqual(count);
        expect(l.columns * l.tileWidth + (l.columns - 1) * GAP).toBeLessThanOrEqual(a.width);
        // No scrolling: every row inside the grid's height (at a 200 px floor, eight took three
        // rows at 800 × 600 below a 48 px timer, and ten or twelve a scrolled fourth).
        expect(l.rows * l.tileHeight + (l.rows - 1) * GAP).toBeLessThanOrEqual(a.height);
        expect(l.tileWidth).toBeGreaterThanOrEqual(minTileWidth(caption));
      }
    }
    expect(found).toEqual([
      '800 × 600 8: 3×3 200px',
      '800 × 600 10: 4×3 186px',
      '800 × 600 12: 4×3 186px',
      '1024 × 768 8: 3×3 281px',
      '1024 × 768 10: 4×3 242px',
      '1024 × 768 12: 4×3 242px',
    ]);
  });

  it('the minimum holds the longest name on one line at its caption’s size', () => {
    // « Rimouski-Neigette » measured 141 px wide with its padding at 16 px, inside the caption's
    // 0.3rem insets on each side; the name grows with the caption.
    for (const caption of [16, 19.97, 28]) {
      expect(minTileWidth(caption) - 2 * 0.3 * 16).toBeGreaterThanOrEqual((141 * caption) / 16);
    }
    expect(minTileWidth(16)).toBe(MIN_TILE_WIDTH);
  });

  it('an upright phone keeps one wide column that scrolls (names of 22 px on one line)', () => {
    // 390 × 844: the grid measured 366 × 570 under the kit's three rows; two across gave 178 px
    // tiles, each name on two lines over half its drawing.
    const l = mosaicLayout(8, { width: 366, height: 570 }, CARTON, GAP, minTileWidth(21.94));
    expect([l.columns, l.tileWidth]).toEqual([1, 366]);
  });

  it('a screen too small for whole tiles scrolls down at the minimum width', () => {
    const l = mosaicLayout(12, { width: 640, height: 300 }, CARTON, GAP);
    expect(l.tileWidth).toBeGreaterThanOrEqual(MIN_TILE_WIDTH);
    expect(l.columns).toBe(3);
    expect(l.rows * l.tileHeight).toBeGreaterThan(300);
  });
});

describe('sharedAspect', () => {
  it('takes the median carton, ignores empty boxes, defaults to 16:10', () => {
    expect(sharedAspect([])).toBe(1.6);
    expect(sharedAspect([{ w: 0, h: 0 }])).toBe(1.6);
    expect(
      sharedAspect([
        { w: 1600, h: 1000 },
        { w: 1600, h: 1000 },
        { w: 400, h: 3000 },
      ]),
    ).toBe(1.6);
  });
});

describe('railPlacement', () => {
  // « Plein écran »: the screen inside the mosaic's padding; the controls' row (a running timer at
  // 4rem and the grid's margin) or their column (timer, « Plein écran », « Fermer », its gap).
  const RAIL = { row: 84, column: 212 };
  const placed = (count: number, width: number, height: number) => {
    const screen = { width: width - 24, height: height - 20 };
    const where = railPlacement(count, screen, CARTON, GAP, MIN_TILE_WIDTH, RAIL);
    const area =
      where === 'side'
        ? { width: screen.width - RAIL.column, height: screen.height }
        : { width: screen.width, height: screen.height - RAIL.row };
    return { where, layout: mosaicLayout(count, area, CARTON, GAP, MIN_TILE_WIDTH) };
  };

  it('a 16:9 TV puts the controls beside eight cartons: their three rows take its height', () => {
    const { where, layout } = placed(8, 1920, 1080);
    expect(where).toBe('side');
    expect([layout.columns, layout.rows]).toEqual([3, 3]);
    // Under a row of controls they were 501 px wide.
    expect(layout.tileWidth).toBeGreaterThanOrEqual(540);
  });

  it('a 4:3 projector keeps the row: its width is what the tiles lack', () => {
    expect(placed(8, 1024, 768).where).toBe('top');
    expect(placed(8, 800, 600).where).toBe('top');
  });

  it('never picks the side when it gives smaller tiles, for any count on common screens', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1366, 768],
      [1280, 720],
      [1024, 768],
    ] as const) {
      for (const count of [1, 2, 3, 5, 8, 10, 12]) {
        const screen = { width: w - 24, height: h - 20 };
        const top = mosaicLayout(
          count,
          { width: screen.width, height: screen.height - RAIL.row },
          CARTON,
          GAP,
          MIN_TILE_WIDTH,
        );
        const { where, layout } = placed(count, w, h);
        if (where === 'side') expect(layout.tileWidth).toBeGreaterThan(top.tileWidth);
        else expect(layout.tileWidth).toBe(top.tileWidth);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { CartonShape } from '@carton/board';
import { fitBounds, worldToScreen } from '../geometry/camera';
import { farTitleBounds } from '../shapes/carton/CartonFarTitle';
import { fitWithFarTitles, withFarTitles } from './fitTitles';
import { LOW_DETAIL_ZOOM } from './useVisibleIds';

// The seed's territory carton (template T1).
const MITIS: CartonShape = {
  id: 'c1',
  type: 'carton',
  x: 0,
  y: 0,
  w: 1600,
  h: 1000,
  rotation: 0,
  index: 'a0',
  parentId: null,
  title: 'Conditions de succès — La Mitis',
};
const BOUNDS = { x: 0, y: 0, width: 1600, height: 1000 };

describe('fitting a board with its cartons’ far titles', () => {
  it('grows the bounds by the band above each carton', () => {
    const grown = withFarTitles(BOUNDS, [MITIS]);
    const band = farTitleBounds(MITIS);
    expect(grown.y).toBe(band?.y);
    expect(grown.y).toBeLessThan(0);
    expect(grown.y + grown.height).toBe(1000);
    expect(grown.x).toBe(0);
    expect(grown.width).toBe(1600);
  });

  it('a phone’s far fit keeps the title band on screen, below the free area’s top', () => {
    // A 360 px phone's free area between the header and the two-row toolbar.
    const area = { width: 360, height: 500 };
    const camera = fitWithFarTitles(BOUNDS, [MITIS], area, 8, 1);
    expect(camera.zoom).toBeLessThan(LOW_DETAIL_ZOOM);
    const band = farTitleBounds(MITIS)!;
    const top = worldToScreen(camera, { x: band.x, y: band.y });
    expect(top.y).toBeGreaterThanOrEqual(8);
    const bottom = worldToScreen(camera, { x: 1600, y: 1000 });
    expect(bottom.y).toBeLessThanOrEqual(area.height - 8);
    expect(bottom.x).toBeLessThanOrEqual(area.width - 8 + 1e-9);
  });

  it('a wide narrow carton fitted far out makes room above it for its band', () => {
    // A strip as wide as tall boards, fitted by its height: without the band, its top would
    // sit at the padding and the band above it off screen.
    const strip = { ...MITIS, w: 1600, h: 2400 };
    const bounds = { x: 0, y: 0, width: 1600, height: 2400 };
    const area = { width: 360, height: 500 };
    const plain = fitBounds(bounds, area, 8, 1);
    const band = farTitleBounds(strip)!;
    expect(worldToScreen(plain, { x: 0, y: band.y }).y).toBeLessThan(0);
    const fitted = fitWithFarTitles(bounds, [strip], area, 8, 1);
    expect(worldToScreen(fitted, { x: 0, y: band.y }).y).toBeGreaterThanOrEqual(8 - 1e-9);
  });

  it('a laptop’s fit, near enough to draw the title inside the carton, is unchanged', () => {
    const area = { width: 1280, height: 650 };
    const camera = fitWithFarTitles(BOUNDS, [MITIS], area, 32, 1);
    expect(camera.zoom).toBeGreaterThanOrEqual(LOW_DETAIL_ZOOM);
    expect(camera).toEqual(fitBounds(BOUNDS, area, 32, 1));
  });
});

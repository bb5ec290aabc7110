import { describe, expect, it } from 'vitest';
import type { MeasureWidth } from '@carton/render';
import {
  farTitleBounds,
  farTitleHeight,
  farTitleLayout,
  farTitleText,
  freeAboveCarton,
} from './CartonFarTitle';

// Each character 0.6 em wide (the bold face's average, as farTitleLayout counts).
const mono: MeasureWidth = (text, size) => [...text].length * size * 0.6;

describe('carton title far out', () => {
  it('a territory title is big enough to read at 20 %, and leaves the notes visible', () => {
    const layout = farTitleLayout({ w: 1600, h: 1000, title: 'Conditions de succès — La Mitis' });
    expect(layout.lines).toBe(1);
    // At 20 % zoom, at least 16 screen pixels (the normal title would be 8).
    expect(layout.size * 0.2).toBeGreaterThanOrEqual(16);
  });

  it('the band lies above the carton’s frame, never over its headings and notes', () => {
    const carton = { x: 0, y: 0, w: 1600, h: 1000, rotation: 0 };
    const band = farTitleBounds({ ...carton, title: 'Conditions de succès — La Mitis' });
    if (!band) throw new Error('expected a band');
    expect(band.y + band.height).toBeLessThanOrEqual(carton.y);
    expect(band.x).toBe(carton.x);
    expect(band.width).toBe(carton.w);
    expect(band.height).toBeGreaterThan(0);
    expect(farTitleBounds({ ...carton, title: '  ' })).toBeNull();
  });

  it('a turned carton’s band turns with it', () => {
    // A quarter turn clockwise: the carton's top is now its right side, and the band with it.
    const band = farTitleBounds({
      x: 0,
      y: 0,
      w: 1600,
      h: 1000,
      rotation: Math.PI / 2,
      title: 'Pour',
    });
    if (!band) throw new Error('expected a band');
    expect(band.x + band.width).toBeCloseTo(band.width, 6);
    expect(band.x).toBeCloseTo(0, 6);
    expect(band.height).toBeCloseTo(1600, 6);
  });

  it('a tall narrow carton wraps its title on two lines', () => {
    const layout = farTitleLayout({ w: 600, h: 1600, title: 'Conditions de succès — La Mitis' });
    expect(layout.lines).toBe(2);
  });

  it('a short title on a small carton stays inside it', () => {
    const layout = farTitleLayout({ w: 400, h: 300, title: 'Pour' });
    expect(layout.lines).toBe(1);
    expect(layout.size * 0.6 * 4).toBeLessThanOrEqual(400);
    expect(layout.size * 1.15).toBeLessThanOrEqual(300);
  });

  it('a second row of postcards fits its band in the 100 units below the first row', () => {
    // The seed's postcards: 1200×800 cartons every 900 units down.
    const card = { x: 0, y: 900, w: 1200, h: 800, rotation: 0, title: 'PAR AVION' };
    const rowAbove = [{ x: 0, y: 0, width: 1200, height: 800 }];
    const free = freeAboveCarton(card, rowAbove);
    expect(free).toBe(100);
    expect(farTitleHeight(card)).toBeGreaterThan(100);
    expect(farTitleHeight(card, free)).toBeLessThanOrEqual(100);
    // Shapes beside it, below its top or on its other side leave the whole band.
    const beside = [
      { x: 1300, y: 0, width: 1200, height: 800 },
      { x: 100, y: 950, width: 200, height: 200 },
    ];
    expect(freeAboveCarton(card, beside)).toBe(Infinity);
    // Squeezed hard, the band keeps a readable share rather than vanish.
    expect(farTitleHeight(card, 0)).toBeGreaterThanOrEqual(0.4 * 0.22 * 800 - 1e-9);
  });

  it('« Rivière-du-Loup » breaks after a hyphen, never before one nor inside a word', () => {
    const carton = { w: 400, h: 1600, title: 'Rivière-du-Loup' };
    const { size, lines } = farTitleText(carton, Infinity, mono);
    expect(lines).toEqual(['Rivière-', 'du-Loup']);
    const layout = farTitleLayout(carton);
    expect(size).toBeLessThanOrEqual(layout.size);
    expect(lines.length * size * 1.15).toBeLessThanOrEqual(layout.size * 1.15 * layout.lines);
  });

  it('a territory carton’s title breaks at spaces and hyphens only, and fits its band', () => {
    const carton = { w: 600, h: 1600, title: 'Conditions de succès — Témiscouata-sur-le-Lac' };
    const { size, lines } = farTitleText(carton, Infinity, mono);
    const layout = farTitleLayout(carton);
    expect(lines.length * size * 1.15).toBeLessThanOrEqual(layout.size * 1.15 * layout.lines);
    for (const line of lines) {
      expect(mono(line, size)).toBeLessThanOrEqual(carton.w - layout.pad * 2);
      expect(line.startsWith('-')).toBe(false);
    }
    // Joined back at their breaks (a space, or nothing after a hyphen), the lines are the title.
    const joined = lines.reduce((text, line) =>
      text.endsWith('-') ? text + line : `${text} ${line}`,
    );
    expect(joined).toBe(carton.title);
  });

  it('a non-breaking hyphen (U+2011) keeps the name whole: the title gets smaller instead', () => {
    const title = 'Rivière\u2011du\u2011Loup';
    const carton = { w: 400, h: 1600, title };
    const { size, lines } = farTitleText(carton, Infinity, mono);
    expect(lines).toEqual([title]);
    expect(mono(title, size)).toBeLessThanOrEqual(carton.w - farTitleLayout(carton).pad * 2);
  });
});

import { describe, expect, it } from 'vitest';
import {
  LEGIBLE_BOX_SHARE,
  LEGIBLE_TEXT_PX,
  aboveKeyboard,
  cameraBetween,
  keyboardTop,
  legibleNoteCamera,
  refitAboveKeyboard,
} from './editZoom';

// A 390 × 844 phone: the canvas below a 100 px header, cut at the keyboard's top.
const phoneArea = aboveKeyboard({ x: 0, y: 100, width: 390, height: 550 }, keyboardTop(844, 844));
const note = { x: 1000, y: 600, width: 200, height: 200 };
const screenBox = (c: { x: number; y: number; zoom: number }) => ({
  left: c.x + note.x * c.zoom,
  top: c.y + note.y * c.zoom,
  width: note.width * c.zoom,
  bottom: c.y + (note.y + note.height) * c.zoom,
});

describe('a phone note opened for writing', () => {
  it('is above where the keyboard rises (about the lower 45 % of the screen)', () => {
    expect(phoneArea.y + phoneArea.height).toBeCloseTo(844 * 0.55, 5);
    // Once the keyboard is up, the visual viewport's bottom is the limit.
    expect(keyboardTop(844, 400)).toBe(400);
  });

  it('at a fitted zoom (text ~19 px) zooms so its text and box are comfortable', () => {
    const fitted = { x: 0, y: 0, zoom: 19 / 36 };
    const next = legibleNoteCamera(fitted, note, 36, phoneArea);
    if (!next) throw new Error('expected a zoom');
    expect(36 * next.zoom).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
    const box = screenBox(next);
    expect(box.width).toBeGreaterThanOrEqual(390 * LEGIBLE_BOX_SHARE);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(390);
    expect(box.top).toBeGreaterThanOrEqual(phoneArea.y);
    expect(box.bottom).toBeLessThanOrEqual(phoneArea.y + phoneArea.height);
  });

  it('already legible and in sight: the view stays', () => {
    const camera = { x: 100 - 1000 * 1.2, y: 120 - 600 * 1.2, zoom: 1.2 };
    expect(legibleNoteCamera(camera, note, 36, phoneArea)).toBeNull();
  });

  it('legible but low, where the keyboard rises: brought up, not zoomed', () => {
    const camera = { x: 100 - 1000, y: 560 - 600, zoom: 1 };
    const next = legibleNoteCamera(camera, note, 36, phoneArea);
    if (!next) throw new Error('expected a pan');
    expect(next.zoom).toBe(1);
    expect(next.x).toBe(camera.x);
    expect(screenBox(next).bottom).toBeLessThanOrEqual(phoneArea.y + phoneArea.height);
  });

  it('a small text in a wide note (its font fitted down) is still brought to legible type', () => {
    const camera = { x: 0, y: 0, zoom: 1 };
    const next = legibleNoteCamera(camera, note, 14, phoneArea);
    if (!next) throw new Error('expected a zoom');
    // As far as the note still fits the free area.
    expect(next.zoom).toBeGreaterThan(1);
    expect(screenBox(next).width).toBeLessThanOrEqual(390);
  });

  it('held sideways (844 × 390), a note taller than the strip above the keyboard: whole in it', () => {
    // At 100 % below the one-row header (56 px), 200 px tall: the strip above where the keyboard
    // rises is 56–214 px. Its box is under 45 % of the width, but no zoom in fits the strip.
    const strip = aboveKeyboard({ x: 0, y: 56, width: 844, height: 334 }, keyboardTop(390, 390));
    const camera = { x: 320 - 1000, y: 100 - 600, zoom: 1 };
    const next = legibleNoteCamera(camera, note, 36, strip);
    if (!next) throw new Error('expected a re-fit (it stayed, its lower 40 % under the keyboard)');
    expect(next.zoom).toBeLessThan(1);
    const box = screenBox(next);
    expect(box.top).toBeGreaterThanOrEqual(56);
    expect(box.bottom).toBeLessThanOrEqual(390 * 0.55);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(844);
  });
});

describe('a phone note re-fitted when the keyboard comes up after it', () => {
  // Opened at zoom 1.2 near the top of the free area: text 43 px, box 240 px, bottom at 364 px.
  const opened = { x: 75 - 1000 * 1.2, y: 124 - 600 * 1.2, zoom: 1.2 };
  const area = (keyboardTopPx: number, width = 390) =>
    aboveKeyboard({ x: 0, y: 100, width, height: 744 }, keyboardTopPx);

  it('stays put while the keyboard leaves it in sight (shorter than assumed, or as assumed)', () => {
    expect(refitAboveKeyboard(opened, note, area(keyboardTop(844, 844)))).toBeNull();
    expect(refitAboveKeyboard(opened, note, area(600))).toBeNull();
  });

  it('a taller keyboard over its lower part: drawn smaller until whole above it', () => {
    // The keyboard's top at 300 px: 200 px free below the header, the note 240 px tall.
    const next = refitAboveKeyboard(opened, note, area(300));
    if (!next) throw new Error('expected a re-fit');
    expect(next.zoom).toBeLessThan(opened.zoom);
    const box = screenBox(next);
    expect(box.top).toBeGreaterThanOrEqual(100);
    expect(box.bottom).toBeLessThanOrEqual(300);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(390);
  });

  it('fitting as drawn but low (opened with the keyboard down): only brought up', () => {
    const low = { ...opened, y: 500 - 600 * 1.2 };
    const next = refitAboveKeyboard(low, note, area(keyboardTop(844, 470)));
    if (!next) throw new Error('expected a re-fit');
    expect(next.zoom).toBe(low.zoom);
    expect(next.x).toBe(low.x);
    expect(screenBox(next).top).toBeGreaterThanOrEqual(100);
    expect(screenBox(next).bottom).toBeLessThanOrEqual(464);
  });

  it('the phone turned (844 × 390, keyboard up): the note whole in the strip left, never zoomed in', () => {
    const next = refitAboveKeyboard(
      opened,
      note,
      aboveKeyboard({ x: 0, y: 50, width: 844, height: 340 }, 220),
    );
    if (!next) throw new Error('expected a re-fit');
    expect(next.zoom).toBeLessThanOrEqual(opened.zoom);
    const box = screenBox(next);
    expect(box.top).toBeGreaterThanOrEqual(50);
    expect(box.bottom).toBeLessThanOrEqual(220);
    expect(box.left + box.width).toBeLessThanOrEqual(844);
  });
});

describe('the camera glide', () => {
  const from = { x: 0, y: 0, zoom: 0.5 };
  const to = { x: -800, y: -300, zoom: 1.2 };
  it('starts where it was and ends where it goes, zooming steadily between', () => {
    expect(cameraBetween(from, to, 0)).toBe(from);
    expect(cameraBetween(from, to, 1)).toBe(to);
    const half = cameraBetween(from, to, 0.5);
    expect(half.zoom).toBeGreaterThan(from.zoom);
    expect(half.zoom).toBeLessThan(to.zoom);
  });
});

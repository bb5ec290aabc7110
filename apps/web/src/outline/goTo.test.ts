import { describe, expect, it } from 'vitest';
import { areaBeside, cameraToShow } from './goTo';

const note = { x: 1700, y: 180, width: 210, height: 210 };
const area = { x: 0, y: 64, width: 1000, height: 600 };
const screenCentre = (c: { x: number; y: number; zoom: number }) => ({
  x: (note.x + note.width / 2) * c.zoom + c.x,
  y: (note.y + note.height / 2) * c.zoom + c.y,
});

describe('cameraToShow', () => {
  it('centres the shape in the free area and keeps a readable zoom', () => {
    const camera = cameraToShow({ x: 0, y: 0, zoom: 0.8 }, note, area);
    expect(camera.zoom).toBe(0.8);
    expect(screenCentre(camera)).toEqual({ x: 500, y: 364 });
  });
  it('zooms in to read a note seen from far, and out to fit a big carton', () => {
    expect(cameraToShow({ x: 0, y: 0, zoom: 0.1 }, note, area).zoom).toBe(1);
    const carton = { x: 0, y: 0, width: 1600, height: 1040 };
    const fitted = cameraToShow({ x: 0, y: 0, zoom: 1 }, carton, area);
    expect(fitted.zoom).toBeCloseTo((600 - 48) / 1040);
  });
});

describe('areaBeside', () => {
  it('leaves the side panel’s width out on a wide screen', () => {
    expect(areaBeside(area, { x: 620, y: 64, width: 370, height: 600 })).toEqual({
      ...area,
      width: 620,
    });
  });
  it('leaves the bottom sheet’s height out on a phone', () => {
    const phone = { x: 0, y: 100, width: 390, height: 600 };
    expect(areaBeside(phone, { x: 0, y: 480, width: 390, height: 364 })).toEqual({
      ...phone,
      height: 380,
    });
  });
  it('is the whole area without a panel', () => {
    expect(areaBeside(area, null)).toBe(area);
  });
});

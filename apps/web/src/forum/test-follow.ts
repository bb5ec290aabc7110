// Test support for following a view (« Tout le monde vers moi », a person from the people list):
// the followed carton as a phone's camera shows it, checked whole on the phone's screen.
import { expect } from 'vitest';
import { worldToScreen, type Camera } from '../geometry/camera';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Expects `rect` (world units) whole on a screen `screenWidth` wide, between `area`'s top and
 * bottom (under the header, above the toolbar); returns its left and right edges on screen.
 */
export function expectWholeOnScreen(
  camera: Camera,
  rect: Box,
  screenWidth: number,
  area: Box,
): { left: number; right: number } {
  const topLeft = worldToScreen(camera, { x: rect.x, y: rect.y });
  const bottomRight = worldToScreen(camera, { x: rect.x + rect.width, y: rect.y + rect.height });
  expect(topLeft.x).toBeGreaterThanOrEqual(0);
  expect(bottomRight.x).toBeLessThanOrEqual(screenWidth);
  expect(topLeft.y).toBeGreaterThanOrEqual(area.y);
  expect(bottomRight.y).toBeLessThanOrEqual(area.y + area.height);
  return { left: topLeft.x, right: bottomRight.x };
}

import { describe, expect, it } from 'vitest';
import { editorPlacement, type EditorPlacement } from './editorPlacement';

/** Applies the overlay's CSS (left/top, rotate about its transform origin) to its box point. */
function cssScreen(p: EditorPlacement, u: number, v: number): { x: number; y: number } {
  const angle = p.transform ? Number(/rotate\((.+)rad\)/u.exec(p.transform)?.[1]) : 0;
  const [ox, oy] = (p.transformOrigin ?? '0px 0px').split(' ').map((s) => parseFloat(s));
  const dx = u - (ox ?? 0);
  const dy = v - (oy ?? 0);
  return {
    x: p.left + (ox ?? 0) + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: p.top + (oy ?? 0) + dx * Math.sin(angle) + dy * Math.cos(angle),
  };
}

/** Where a page point of the shape's unrotated frame is drawn (Konva: rotate about x, y). */
function konvaScreen(
  camera: { x: number; y: number; zoom: number },
  corner: { x: number; y: number },
  rotation: number,
  local: { x: number; y: number },
) {
  const c = Math.cos(rotation);
  const s = Math.sin(rotation);
  return {
    x: (corner.x + local.x * c - local.y * s) * camera.zoom + camera.x,
    y: (corner.y + local.x * s + local.y * c) * camera.zoom + camera.y,
  };
}

describe('text editor placement', () => {
  const camera = { x: 40, y: -20, zoom: 1.5 };
  const corner = { x: 300, y: 200 };

  it('sits on the shape with no transform when it is not rotated', () => {
    const p = editorPlacement(camera, corner, 0);
    expect(p).toEqual({ left: 490, top: 280, transform: undefined, transformOrigin: undefined });
  });

  it('turns a note overlay about the note’s corner, so each corner lands on the drawn one', () => {
    const rotation = 0.6;
    const p = editorPlacement(camera, corner, rotation);
    const [w, h] = [200, 200];
    for (const [u, v] of [
      [0, 0],
      [w, 0],
      [0, h],
      [w, h],
    ] as const) {
      const at = cssScreen(p, u * camera.zoom, v * camera.zoom);
      const drawn = konvaScreen(camera, corner, rotation, { x: u, y: v });
      expect(at.x).toBeCloseTo(drawn.x, 6);
      expect(at.y).toBeCloseTo(drawn.y, 6);
    }
  });

  it('turns an inset box (a carton title) about the shape’s corner, not its own', () => {
    const rotation = -1.1;
    const offset = { x: 24, y: 14 };
    const p = editorPlacement(camera, corner, rotation, offset);
    const at = cssScreen(p, 100 * camera.zoom, 10 * camera.zoom);
    const drawn = konvaScreen(camera, corner, rotation, { x: 124, y: 24 });
    expect(at.x).toBeCloseTo(drawn.x, 6);
    expect(at.y).toBeCloseTo(drawn.y, 6);
  });
});

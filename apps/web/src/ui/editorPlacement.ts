// Where the in-place text editor sits on screen: over the shape's text box, turned with the
// shape. Shapes rotate about their own x, y (the model's convention, and Konva's for a Group at
// x, y), so the overlay turns about that same page point: its transform origin is the shape's
// corner expressed in the overlay's own box, which lies `offset` inside the shape.
import { worldToScreen, type Camera } from '../geometry/camera';
import type { Point } from '../geometry/rect';

export interface EditorPlacement {
  left: number;
  top: number;
  /** `undefined` for an unrotated shape: no transform, no new stacking context. */
  transform: string | undefined;
  transformOrigin: string | undefined;
}

/**
 * Places an overlay whose box starts `offset` (page units, in the shape's unrotated frame) from
 * the corner of a shape at `corner` turned by `rotation` radians (clockwise on screen).
 */
export function editorPlacement(
  camera: Camera,
  corner: Point,
  rotation: number,
  offset: Point = { x: 0, y: 0 },
): EditorPlacement {
  const z = camera.zoom;
  const screen = worldToScreen(camera, corner);
  const rotated = rotation !== 0;
  return {
    left: screen.x + offset.x * z,
    top: screen.y + offset.y * z,
    transform: rotated ? `rotate(${rotation}rad)` : undefined,
    transformOrigin: rotated ? `${-offset.x * z}px ${-offset.y * z}px` : undefined,
  };
}

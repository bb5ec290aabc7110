import { describe, expect, it } from 'vitest';
import { worldToScreen } from './camera';
import { cameraForEditing } from './editCamera';

// A 390 × 844 phone: header above 120 px, two-row toolbar below 720 px.
const phoneArea = { x: 0, y: 120, width: 390, height: 600 };
const note = { x: 860, y: 190, width: 200, height: 200 };

describe('cameraForEditing', () => {
  it("zooms a phone's fit-all onto the note being written, near the top of the free area", () => {
    const camera = cameraForEditing({ x: 10, y: 300, zoom: 0.23 }, note, 1, phoneArea);
    expect(camera?.zoom).toBe(1);
    const topLeft = worldToScreen(camera!, { x: note.x, y: note.y });
    const bottomRight = worldToScreen(camera!, { x: note.x + 200, y: note.y + 200 });
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(390);
    expect(topLeft.x + bottomRight.x).toBeCloseTo(390);
    expect(topLeft.y).toBe(132);
  });

  it('keeps the camera when the text is already readable', () => {
    expect(cameraForEditing({ x: 0, y: 0, zoom: 0.6 }, note, 1, phoneArea)).toBeNull();
  });

  it('zooms only as far as a wide heading fits the screen', () => {
    const heading = { x: 0, y: 0, width: 1500, height: 60 };
    const camera = cameraForEditing({ x: 0, y: 0, zoom: 0.1 }, heading, 16 / 44, phoneArea);
    expect(camera?.zoom).toBeCloseTo((390 - 24) / 1500);
    expect(cameraForEditing({ x: 0, y: 0, zoom: 0.6 }, heading, 2, phoneArea)).toBeNull();
  });
});

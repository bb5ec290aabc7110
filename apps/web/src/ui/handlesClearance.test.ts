import { describe, expect, it } from 'vitest';
import { handleRadius } from '../board/handles';
import { cameraClearingHandles, cameraClearingSelection } from './handlesClearance';

// A 390 × 844 phone: header down to 64 px, toolbar and selection actions from 640 px.
const clear = { top: 64, bottom: 640 };

describe('cameraClearingHandles', () => {
  it('pans a note tapped low on the screen just enough to lift its handles above the panels', () => {
    const camera = { x: 10, y: 20, zoom: 0.5 };
    // « Accompagnement », 200 × 200 at y 1100: on screen 570 → 670, under the panels.
    const note = { x: 40, y: 1100, width: 200, height: 200 };
    const moved = cameraClearingHandles(camera, note, clear);
    expect(moved).not.toBeNull();
    expect(moved?.zoom).toBe(0.5);
    expect(moved?.x).toBe(10);
    const bottom = (moved?.y ?? 0) + (note.y + note.height) * 0.5 + handleRadius(true);
    expect(bottom).toBeCloseTo(clear.bottom);
  });

  it('leaves the camera alone when the handles already clear the panels', () => {
    const camera = { x: 0, y: 0, zoom: 1 };
    expect(cameraClearingHandles(camera, { x: 0, y: 300, width: 200, height: 200 }, clear)).toBe(
      null,
    );
  });

  it('never pushes the rotate handle under the header for a selection taller than the band', () => {
    const camera = { x: 0, y: 0, zoom: 1 };
    const tall = { x: 0, y: 200, width: 300, height: 800 };
    const moved = cameraClearingHandles(camera, tall, clear);
    // The top's reach (rotate handle 40 px above, 22 px hit radius) ends on the header's edge.
    expect((moved?.y ?? 0) + tall.y - 40 - handleRadius(true)).toBeCloseTo(clear.top);
  });

  it('frames a selection as its selection box does', () => {
    const bounds = { a: { x: 0, y: 600, width: 100, height: 100 } };
    const moved = cameraClearingSelection(
      { x: 0, y: 0, zoom: 1 },
      ['a'],
      (id) => bounds[id as 'a'],
      () => 'note',
      clear,
    );
    expect(moved?.y).toBeCloseTo(640 - 700 - handleRadius(true));
    expect(
      cameraClearingSelection(
        { x: 0, y: 0, zoom: 1 },
        [],
        () => undefined,
        () => 'note',
        clear,
      ),
    ).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { bandAboveBoard, HINT_GAP } from './hintPlace';

// 320 × 640 with the seed's carton fitted below the people pill and « ? » (phone-fit-clear e2e):
// the header's two rows, the language button alone at the right of a third, the two controls
// down the right edge, the carton's top at 294 px.
const header = [
  { x: 10, y: 10, width: 200, height: 36 },
  { x: 214, y: 12, width: 96, height: 32 },
  { x: 47, y: 58, width: 44, height: 44 },
  { x: 96, y: 58, width: 132, height: 44 },
  { x: 234, y: 58, width: 76, height: 44 },
  { x: 267, y: 110, width: 43, height: 43 },
];
const controls = { x: 250, y: 171, width: 60, height: 97 };

describe('bandAboveBoard', () => {
  it('is the room left of the controls, under the header row over it, down to the board', () => {
    expect(bandAboveBoard({ above: header, controls, boardTop: 294 })).toEqual({
      x: HINT_GAP,
      y: 102 + HINT_GAP,
      width: 250 - 2 * HINT_GAP,
      height: 294 - HINT_GAP - (102 + HINT_GAP),
    });
  });

  it('is none wider than a phone, on an empty board, or under a board reaching the header', () => {
    expect(bandAboveBoard({ above: header, controls: null, boardTop: 294 })).toBeNull();
    expect(bandAboveBoard({ above: header, controls, boardTop: null })).toBeNull();
    expect(bandAboveBoard({ above: header, controls, boardTop: 100 })).toBeNull();
  });

  it('is none where the controls leave too narrow a column', () => {
    const wide = { ...controls, x: 150 };
    expect(bandAboveBoard({ above: header, controls: wide, boardTop: 294 })).toBeNull();
  });
});

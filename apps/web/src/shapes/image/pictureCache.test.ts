// A board's pictures are kept while its session is open (each photo fetched once), and let go
// when it closes: a long session going from board to board kept every photo it had drawn.
import { describe, expect, it } from 'vitest';
import { boardPictures, forgetBoardPictures } from './pictureCache';

describe("a board's pictures", () => {
  it('are the same while the board is open, let go once its session closes', () => {
    const open = boardPictures('board-kamouraska', 'edit-token');
    expect(boardPictures('board-kamouraska', 'edit-token')).toBe(open);
    const other = boardPictures('board-matane', 'edit-token');
    forgetBoardPictures('board-kamouraska', 'edit-token');
    expect(boardPictures('board-kamouraska', 'edit-token')).not.toBe(open);
    // Another board's stay.
    expect(boardPictures('board-matane', 'edit-token')).toBe(other);
  });
});

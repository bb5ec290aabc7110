import { describe, expect, it } from 'vitest';
import { newTestBoard } from '../test/fixtures.ts';
import { BoardCommandError } from './errors.ts';
import { validateRecord } from './create.ts';

// A move (x and/or y only) is checked on what it writes, not by parsing the whole record: it
// must be refused exactly when the whole record would be, with the same message and issues.
function refusal(fn: () => unknown): { message: string; issues: unknown } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof BoardCommandError)) throw error;
    return { message: error.message, issues: error.issues };
  }
}

const bad: [string, Record<string, unknown>][] = [
  ['NaN', { x: Number.NaN }],
  ['Infinity', { y: Number.POSITIVE_INFINITY }],
  ['-Infinity', { x: Number.NEGATIVE_INFINITY, y: 10 }],
  ['beyond the board', { x: 1e7 + 1 }],
  ['below the board', { x: 20, y: -1e7 - 0.5 }],
  ['a string', { x: '120' }],
  ['null', { y: null }],
  ['an object', { x: { valueOf: () => 3 } }],
  ['both wrong', { x: Number.NaN, y: '4' }],
];

describe('a move is validated as strictly as any write', () => {
  for (const [what, patch] of bad) {
    it(`refuses ${what}, as the whole record's schema does, and writes nothing`, () => {
      const { board, me } = newTestBoard();
      const id = board.run(
        (tx) => tx.create('note', { x: 40, y: 60, text: 'Les incontournables du Témiscouata' }),
        me,
      );
      const before = board.getShape(id)!;
      const got = refusal(() => board.run((tx) => tx.update(id, patch as never), me));
      const whole = refusal(() => validateRecord({ ...before, ...patch }));
      expect(got).not.toBeNull();
      expect(got).toEqual(whole);
      expect(board.getShape(id)).toEqual(before);
    });
  }

  it('writes a move within the bounds, on each shape type a drag moves', () => {
    const { board, me } = newTestBoard();
    const ids = board.run(
      (tx) => [
        tx.create('note', { x: 0, y: 0, text: 'Financement systémique' }),
        tx.create('carton', { x: 0, y: 0, title: 'Témiscouata' }),
        tx.create('stamp', { x: 5, y: 5 }),
      ],
      me,
    );
    for (const id of ids) board.run((tx) => tx.update(id, { x: 1e7, y: -1e7 }), me);
    for (const id of ids) expect(board.getShape(id)).toMatchObject({ x: 1e7, y: -1e7 });
  });

  it('still parses the whole record when a write carries more than x and y', () => {
    const { board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    expect(() => board.run((tx) => tx.update(id, { x: 10, w: -5 }), me)).toThrow(/w/);
    expect(board.getShape(id)).toMatchObject({ x: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { exportBoard } from '../codec/export.ts';
import { importBoard, MAX_FILE_SHAPES, parseBoardFile } from '../codec/import.ts';
import { insertBoardFile } from '../codec/insert.ts';
import { shapesMapOf } from '../doc/layout.ts';
import { applyPlan } from '../interop/plan/plan.ts';
import type { BoardTransaction } from './types.ts';
import { INCONTOURNABLES, newTestBoard } from '../test/fixtures.ts';
import { MAX_BOARD_SHAPES, TooManyShapesError } from './limit.ts';

/** A board holding `count` notes (the words of the 2023 forum's « incontournables »). */
function boardWith(count: number) {
  const t = newTestBoard();
  t.board.run((tx) => {
    for (let i = 0; i < count; i += 1) {
      const text = INCONTOURNABLES[i % INCONTOURNABLES.length] ?? '';
      tx.create('note', { x: (i % 100) * 220, y: Math.floor(i / 100) * 220, text });
    }
  }, t.me);
  return t;
}

function count(t: ReturnType<typeof newTestBoard>): number {
  return shapesMapOf(t.doc)?.size ?? 0;
}

function refusal(fn: () => unknown): TooManyShapesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TooManyShapesError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('M37: a board holds at most as many shapes as a board file', () => {
  it('is the file bound, so an export always imports again', () => {
    expect(MAX_BOARD_SHAPES).toBe(MAX_FILE_SHAPES);
  });

  it('create takes the board to the bound, not past it; the refusal says so and writes nothing', () => {
    const t = boardWith(MAX_BOARD_SHAPES - 1);
    t.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Accompagnement' }), t.me);
    expect(count(t)).toBe(MAX_BOARD_SHAPES);
    const before = exportBoard(t.doc);
    const error = refusal(() =>
      t.board.run((tx) => tx.create('stamp', { x: 0, y: 0, kind: 'heart' }), t.me),
    );
    expect(error).toMatchObject({ code: 'too_many_shapes', shapes: MAX_BOARD_SHAPES, adding: 1 });
    expect(count(t)).toBe(MAX_BOARD_SHAPES);
    expect(exportBoard(t.doc)).toEqual(before);
    // The full board's file imports again.
    expect(importBoard(JSON.parse(JSON.stringify(before))).getMap('board')).toBeDefined();
    expect(() => parseBoardFile(JSON.parse(JSON.stringify(before)))).not.toThrow();
  });

  it('duplicate of a carton and its notes that would not fit writes none of them', () => {
    const t = boardWith(MAX_BOARD_SHAPES - 3);
    const carton = t.board.run(
      (tx) => tx.create('carton', { x: 0, y: 0, title: 'Conditions de succès — Kamouraska' }),
      t.me,
    );
    t.board.run((tx) => tx.create('note', { x: 10, y: 10, parentId: carton }), t.me);
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 1);
    const error = refusal(() => t.board.run((tx) => tx.duplicate([carton]), t.me));
    expect(error).toMatchObject({ shapes: MAX_BOARD_SHAPES - 1, adding: 2 });
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 1);
  });

  it('a paste asks for its room first and is refused whole', () => {
    const t = boardWith(MAX_BOARD_SHAPES - 2);
    const paste = (tx: BoardTransaction) => {
      tx.ensureRoom(3);
      for (let i = 0; i < 3; i += 1) tx.create('note', { x: i * 220, y: 0 });
    };
    expect(() => t.board.run(paste, t.me)).toThrow(TooManyShapesError);
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 2);
  });

  it('an import into the board (a file, or notes from a CSV) is refused whole', () => {
    const t = boardWith(MAX_BOARD_SHAPES - 1);
    const source = newTestBoard();
    source.board.run((tx) => {
      tx.create('note', { x: 0, y: 0, text: 'Participation Citoyenne' });
      tx.create('note', { x: 220, y: 0, text: 'Bon leadership' });
    }, source.me);
    const file = parseBoardFile(JSON.parse(JSON.stringify(exportBoard(source.doc))));
    expect(() => insertBoardFile(t.board, file, t.me)).toThrow(TooManyShapesError);
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 1);
    const plan = {
      shapes: [0, 1].map((i) => ({
        key: `n${i}`,
        type: 'note' as const,
        props: { x: i * 220, y: 0, text: 'Financement systémique' },
      })),
      pendingBlobs: [],
      warnings: [],
    };
    expect(() => t.board.run((tx) => applyPlan(tx, plan), t.me)).toThrow(TooManyShapesError);
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 1);
  });

  it('a full board still moves, edits and deletes; a deletion makes room again', () => {
    const t = boardWith(MAX_BOARD_SHAPES);
    const [first, second] = t.board.listShapes();
    if (first === undefined || second === undefined) throw new Error('no shapes');
    t.board.run((tx) => tx.update(first.id, { x: 5000, text: 'Processus légers et clairs' }), t.me);
    expect(t.board.getShape(first.id)).toMatchObject({
      x: 5000,
      text: 'Processus légers et clairs',
    });
    t.board.run((tx) => tx.delete([first.id]), t.me);
    expect(count(t)).toBe(MAX_BOARD_SHAPES - 1);
    t.board.run((tx) => tx.create('note', { x: 0, y: 0 }), t.me);
    expect(count(t)).toBe(MAX_BOARD_SHAPES);
    // Deleting and adding in one step counts the deletion.
    t.board.run((tx) => {
      tx.delete([second.id]);
      tx.create('note', { x: 0, y: 0, text: 'Accompagnement' });
    }, t.me);
    expect(count(t)).toBe(MAX_BOARD_SHAPES);
  });
});

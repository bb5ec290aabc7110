// Model benchmarks on a 10,000-shape board (ten territory cartons of ~1,000 shapes).
// Run: pnpm exec vitest bench --project board --run
// Targets on two cores (seen: 2026-11, mean): view build < 100 ms (48); note drag frame with a
// view < 0.1 ms (0.013); carton drag frame, 60 children, 9,000-shape board < 2 ms (0.74);
// create one note < 0.1 ms (0.03); export and import < 200 ms (126, 139); bring to front and
// read the order < 5 ms (2.1).
import { bench, describe } from 'vitest';
import type { Board } from '../board/board.ts';
import { exportBoard } from '../codec/export.ts';
import { importBoard } from '../codec/import.ts';
import type { LocalOrigin } from '../origin/origin.ts';
import type { TestBoard } from '../test/fixtures.ts';
import { CONDITIONS_PRESENTES, newTestBoard, TERRITORIES } from '../test/fixtures.ts';
import { createBoardView } from '../view/view.ts';

function bigBoard(): TestBoard & { cartons: string[]; notes: string[] } {
  const test = newTestBoard('Plénière', 'plenary');
  const cartons: string[] = [];
  const notes: string[] = [];
  [...TERRITORIES, 'Forum', 'Cartes postales'].forEach((title, c) => {
    test.board.run((tx) => {
      const carton = tx.create('carton', { x: c * 2000, y: 0, title });
      cartons.push(carton);
      for (let i = 0; i < 999; i++) {
        const text = CONDITIONS_PRESENTES[i % CONDITIONS_PRESENTES.length] as string;
        const x = c * 2000 + (i % 30) * 60;
        notes.push(tx.create('note', { x, y: Math.floor(i / 30) * 60, parentId: carton, text }));
      }
    }, test.me);
  });
  return { ...test, cartons, notes };
}

const big = bigBoard();
const view = createBoardView(big.board);
const file = exportBoard(big.doc);
const small = newTestBoard();
const smallCarton = small.board.run((tx) => {
  const carton = tx.create('carton', { x: 0, y: 0 });
  for (let i = 0; i < 60; i++) tx.create('note', { x: i * 10, y: 0, parentId: carton });
  for (let i = 0; i < 9_000; i++) tx.create('stamp', { x: i, y: 5000, kind: 'star' });
  return carton;
}, small.me);
createBoardView(small.board);
let frame = 0;

function drag(board: Board, id: string, me: LocalOrigin): void {
  frame++;
  board.run((tx) => tx.update(id, { x: frame % 500 }), me);
}

describe('board model, 10,000 shapes', () => {
  bench('createBoardView (initial snapshots)', () => {
    createBoardView(big.board).destroy();
  });
  bench('one note drag frame, view attached', () => {
    drag(big.board, big.notes[4321] as string, big.me);
  });
  bench('one carton drag frame (60 children), view attached', () => {
    drag(small.board, smallCarton, small.me);
  });
  bench('create one note', () => {
    big.board.run((tx) => tx.create('note', { x: 0, y: 0 }), big.me);
  });
  bench('exportBoard', () => {
    exportBoard(big.doc);
  });
  bench('importBoard', () => {
    importBoard(file);
  });
  bench('getOrderedIds after reorder', () => {
    big.board.run((tx) => tx.reorder([big.notes[frame++ % 9000] as string], 'front'), big.me);
    view.getOrderedIds();
  });
});

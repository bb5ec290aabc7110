// Shell.holdWrites: while an import is written in parts (export/writeInSteps.ts), my own writes
// and the ends of my undo steps wait, so the import stays ONE undo step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localOrigin, type Board, type BoardUndoManager } from '@carton/board';
import type { Shell } from './shell';
import { testShell } from './testShell';

describe('Shell.holdWrites', () => {
  let board: Board;
  let undo: BoardUndoManager;
  let shell: Shell;
  const origin = localOrigin('user:a');

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    ({ board, undo, shell } = testShell('Témiscouata'));
  });

  afterEach(() => vi.unstubAllGlobals());

  /** One part of an import, as writeInSteps writes it. */
  const part = (n: number) =>
    board.run((tx) => {
      for (let i = 0; i < n; i++) tx.create('note', { x: i * 220, y: 0 });
    }, origin);

  it('a note placed between two parts waits; one undo takes the whole import back', () => {
    undo.stopCapturing();
    const release = shell.holdWrites();
    expect(shell.writesHeld).toBe(true);
    part(3);
    shell.apply([{ kind: 'create', shapeType: 'note', center: { x: 0, y: 900 }, color: 'pink' }]);
    expect(board.listShapes()).toHaveLength(3);
    part(2);
    undo.stopCapturing();
    release();
    expect(shell.writesHeld).toBe(false);
    // The note placed meanwhile is written now, as its own step.
    expect(board.listShapes()).toHaveLength(6);
    undo.undo();
    expect(board.listShapes()).toHaveLength(5);
    undo.undo();
    expect(board.listShapes()).toHaveLength(0);
  });
});

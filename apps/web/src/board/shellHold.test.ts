// Shell.holdWrites: while an import is written in parts (export/writeInSteps.ts), my own writes
// and the ends of my undo steps wait, so the import stays ONE undo step.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  Board,
  createBoardView,
  initBoardDoc,
  localOrigin,
  type BoardUndoManager,
} from '@carton/board';
import { Presence } from '../presence/publisher';
import { Scene } from './scene';
import { Shell } from './shell';
import { createSessionStore, type SessionStore } from './store';

describe('Shell.holdWrites', () => {
  let board: Board;
  let store: SessionStore;
  let undo: BoardUndoManager;
  let shell: Shell;
  const origin = localOrigin('user:a');

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
    board = new Board(doc);
    const scene = new Scene(createBoardView(board));
    store = createSessionStore(false);
    undo = board.createUndoManager(origin, { captureTimeout: 1e12 });
    const presence = new Presence(
      new Awareness(doc),
      { id: 'user:a', name: 'Émilie', color: '#d1495b' },
      false,
    );
    shell = new Shell({ board, origin, undo, scene, store, presence, cartonTitle: () => 'Carton' });
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

// Test support: a Shell over a real Board, Scene and session store, as the board page builds it
// (no browser), for one participant, « user:a » (Émilie), whose undo steps close only when a
// test says so. Animation frames are each test's own to stub.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { Presence } from '../presence/publisher';
import { Scene } from './scene';
import { Shell } from './shell';
import { createSessionStore } from './store';

/** A territory board named `title` and its shell. */
export function testShell(title: string) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, kind: 'territory' });
  const board = new Board(doc);
  const scene = new Scene(createBoardView(board));
  const store = createSessionStore(false);
  const origin = localOrigin('user:a');
  const undo = board.createUndoManager(origin, { captureTimeout: 1e12 });
  const presence = new Presence(
    new Awareness(doc),
    { id: 'user:a', name: 'Émilie', color: '#d1495b' },
    false,
  );
  const shell = new Shell({
    board,
    origin,
    undo,
    scene,
    store,
    presence,
    cartonTitle: () => 'Carton',
  });
  return { doc, board, scene, store, origin, undo, presence, shell };
}

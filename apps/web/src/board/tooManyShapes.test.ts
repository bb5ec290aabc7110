import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  Board,
  createBoardView,
  initBoardDoc,
  localOrigin,
  MAX_BOARD_SHAPES,
  type Shape,
} from '@carton/board';
import { testTranslator } from '../i18n/testTranslator';
import { Presence } from '../presence/publisher';
import { duplicateSelection } from './actions';
import { pasteShapes } from './clipboard';
import { Scene } from './scene';
import type { BoardSession } from './session';
import { Shell } from './shell';
import { createSessionStore } from './store';
import type { Translate } from './tooManyShapes';

const NBSP = '\u00a0';
const FRENCH = `Ce tableau a atteint 10${NBSP}000 formes${NBSP}: supprimez-en avant d’en ajouter. Rien n’a été ajouté.`;

// M37: a board holds at most 10,000 shapes (as many as a file), so its export imports again.
describe('a board at 10,000 shapes refuses more, in a sentence', () => {
  let doc: Y.Doc;
  let board: Board;
  let session: BoardSession;
  let first: string;

  async function open(lng: 'fr-CA' | 'en'): Promise<void> {
    const t = await testTranslator(lng);
    doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
    board = new Board(doc);
    const origin = localOrigin('user:a');
    first = board.run((tx) => {
      const id = tx.create('note', { x: 0, y: 0, text: 'Accompagnement' });
      for (let i = 1; i < MAX_BOARD_SHAPES; i += 1) {
        tx.create('note', { x: (i % 100) * 220, y: Math.floor(i / 100) * 220, text: 'Liens' });
      }
      return id;
    }, origin);
    const scene = new Scene(createBoardView(board));
    const store = createSessionStore(false);
    const undo = board.createUndoManager(origin, { captureTimeout: 1e12 });
    const presence = new Presence(
      new Awareness(doc),
      { id: 'user:a', name: 'Émilie', color: '#d1495b' },
      false,
    );
    const translate: Translate = (key) => t(key);
    const shell = new Shell({
      board,
      origin,
      undo,
      scene,
      store,
      presence,
      cartonTitle: () => 'Carton',
      translate,
    });
    session = { shell, scene, store, presence } as unknown as BoardSession;
  }

  const count = () => board.listShapes().length;
  const toast = () => session.store.getState().toast;

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a new note is refused in plain French, nothing written, the choice kept', async () => {
    await open('fr-CA');
    session.store.setState({ selection: [first] });
    session.shell.apply([
      { kind: 'create', shapeType: 'note', center: { x: 0, y: 0 }, color: 'pink' },
    ]);
    expect(toast()).toBe(FRENCH);
    expect(count()).toBe(MAX_BOARD_SHAPES);
    expect(session.store.getState().selection).toEqual([first]);
  });

  it('a paste and a duplicate are refused whole; deleting makes room', async () => {
    await open('fr-CA');
    const shapes = board.listShapes().slice(0, 2) as Shape[];
    pasteShapes(session, shapes, 24);
    expect(toast()).toBe(FRENCH);
    expect(count()).toBe(MAX_BOARD_SHAPES);
    session.store.setState({ toast: null, selection: [first] });
    duplicateSelection(session);
    expect(toast()).toBe(FRENCH);
    expect(count()).toBe(MAX_BOARD_SHAPES);
    // Deletion always works, and then one paste of one shape fits.
    session.shell.apply([{ kind: 'delete', ids: [first] }]);
    expect(count()).toBe(MAX_BOARD_SHAPES - 1);
    pasteShapes(session, shapes.slice(1), 24);
    expect(count()).toBe(MAX_BOARD_SHAPES);
  });

  it('says it in English too', async () => {
    await open('en');
    session.shell.apply([
      { kind: 'create', shapeType: 'note', center: { x: 0, y: 0 }, color: 'pink' },
    ]);
    expect(toast()).toBe(
      'This board has reached 10,000 shapes: delete some before adding more. Nothing was added.',
    );
  });
});

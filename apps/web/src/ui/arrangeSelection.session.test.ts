// arrangeSelection on a real Board, Scene, Shell and store (no browser): one transaction, one
// undo step, the drag's reparent rule inside it (M34, M9).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { localOrigin, type Board, type BoardUndoManager } from '@carton/board';
import type { Scene } from '../board/scene';
import type { BoardSession } from '../board/session';
import type { Shell } from '../board/shell';
import type { SessionStore } from '../board/store';
import { testShell } from '../board/testShell';
import type { ToolContext } from '../tools/types';
import { arrangeSelection } from './arrangeSelection';

describe('arrangeSelection', () => {
  let doc: Y.Doc;
  let board: Board;
  let scene: Scene;
  let store: SessionStore;
  let undo: BoardUndoManager;
  let session: BoardSession;
  let transactions: number;
  const me = localOrigin('user:a');

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    let shell: Shell;
    ({ doc, board, scene, store, undo, shell } = testShell('La Mitis'));
    // The parts of a session arrangeSelection reads, over the real scene.
    const toolContext = () =>
      ({
        selection: store.getState().selection,
        getInfo: (id: string) => scene.info(id),
        cartonAt: (p: { x: number; y: number }, exclude: ReadonlySet<string>) =>
          scene.cartonAt(p, exclude),
      }) as unknown as ToolContext;
    session = { store, shell, scene, toolContext } as unknown as BoardSession;
    transactions = 0;
  });

  afterEach(() => vi.unstubAllGlobals());

  it('M34: aligns into a carton in one transaction and one undo step, reparenting as a drag', () => {
    const [carton, inside, outside] = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 900, h: 500, title: 'Conditions souhaitées' });
      return [
        c,
        tx.create('note', { x: 50, y: 100, text: 'Financement systémique', parentId: c }),
        tx.create('note', { x: 1200, y: 150, text: 'Pouvoir développer de manière collective' }),
      ];
    }, me) as [string, string, string];
    undo.stopCapturing();
    doc.on('afterTransaction', () => transactions++);
    store.setState({ selection: [inside, outside] });

    const plan = arrangeSelection(session, 'left');

    expect(plan).toMatchObject({ outcome: 'arranged', arranged: [inside, outside] });
    expect(transactions).toBe(1);
    expect(board.getShape(outside)).toMatchObject({ x: 50, parentId: carton });
    // What joins a carton shows above it (the shell's reparent rule).
    expect(board.getShape(outside)!.index > board.getShape(carton)!.index).toBe(true);
    undo.undo();
    expect(board.getShape(outside)).toMatchObject({ x: 1200, parentId: null });
    expect(board.getShape(inside)).toMatchObject({ x: 50, parentId: carton });
  });

  it('the heart on an aligned note goes with it, into its carton and above it, in one step', () => {
    const [carton, inside, outside, heart] = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 900, h: 500, title: 'Conditions présentes' });
      return [
        c,
        tx.create('note', { x: 50, y: 100, text: 'Entraide', parentId: c }),
        tx.create('note', { x: 1200, y: 150, text: 'Un lieu pour se rencontrer' }),
        tx.create('stamp', { x: 1220, y: 170, size: 40, kind: 'heart' }),
      ];
    }, me) as [string, string, string, string];
    undo.stopCapturing();
    doc.on('afterTransaction', () => transactions++);
    store.setState({ selection: [inside, outside] });

    arrangeSelection(session, 'left');

    expect(transactions).toBe(1);
    expect(board.getShape(heart)).toMatchObject({ x: 70, y: 170, parentId: carton });
    expect(board.getShape(heart)!.index > board.getShape(outside)!.index).toBe(true);
    undo.undo();
    expect(board.getShape(heart)).toMatchObject({ x: 1220, y: 170, parentId: null });
  });

  it('M34: a note spread out of its carton leaves it', () => {
    const ids = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0, w: 500, h: 500 });
      return [
        tx.create('note', { x: 20, y: 20, parentId: c }),
        tx.create('note', { x: 260, y: 20, parentId: c }),
        tx.create('note', { x: 1400, y: 20 }),
      ];
    }, me);
    store.setState({ selection: ids });
    arrangeSelection(session, 'distributeHorizontal');
    // Spread from 20 to 1600: the middle note at 710, outside its carton now.
    expect(board.getShape(ids[1]!)).toMatchObject({ x: 710, parentId: null });
    expect(board.getShape(ids[0]!)!.parentId).not.toBeNull();
  });
});

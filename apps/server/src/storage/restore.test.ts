import { Board, initBoardDoc, localOrigin, SERVER_ORIGIN, type NoteShape } from '@carton/board';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { restoreVersion } from './restore.ts';

const alice = localOrigin('alice');

function boardDoc(): { doc: Y.Doc; board: Board } {
  const doc = new Y.Doc();
  initBoardDoc(
    doc,
    { title: 'Conditions de succès — Témiscouata', kind: 'territory' },
    SERVER_ORIGIN,
  );
  return { doc, board: new Board(doc) };
}

describe('restoreVersion', () => {
  it('R37: makes the shapes those of the version in one transaction, leaving equal ones alone', () => {
    const { doc, board } = boardDoc();
    const { carton, kept, moved } = board.run((tx) => {
      const carton = tx.create('carton', {
        x: 0,
        y: 0,
        w: 800,
        h: 600,
        title: 'Conditions présentes',
      });
      return {
        carton,
        kept: tx.create('note', { x: 10, y: 10, text: 'Transport collectif', parentId: carton }),
        moved: tx.create('note', { x: 50, y: 50, text: 'Logement abordable', parentId: carton }),
      };
    }, alice);
    const version = Y.encodeStateAsUpdate(doc);
    const before = board.getShape(kept);

    board.run((tx) => {
      tx.update(moved, { x: 400, text: 'Logement' });
      tx.create('note', { x: 900, y: 900, text: 'Ajoutée après' });
      tx.create('stamp', { x: 5, y: 5, kind: 'heart' });
    }, alice);
    board.run((tx) => tx.delete([carton]), alice); // takes its two notes

    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const summary = restoreVersion(doc, version);
    expect(transactions).toBe(1);
    expect(summary).toMatchObject({ shapes: 3, created: 3 });
    const shapes = board.listShapes();
    expect(shapes.map((s) => s.id).sort()).toEqual([carton, kept, moved].sort());
    expect((board.getShape(moved) as NoteShape).text).toBe('Logement abordable');
    expect(board.getShape(moved)?.x).toBe(50);
    expect(board.getShape(kept)).toEqual(before);
    expect(board.getShape(kept)?.parentId).toBe(carton);
  });

  it('R37: a restore is not in any user undo history', () => {
    const { doc, board } = boardDoc();
    board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Version 1' }), alice);
    const version = Y.encodeStateAsUpdate(doc);
    const undo = board.createUndoManager(alice);
    board.run((tx) => tx.create('note', { x: 1, y: 1, text: 'Après' }), alice);
    restoreVersion(doc, version);
    expect(board.listShapes()).toHaveLength(1);
    // Undo takes back alice's own last edit only; the restore stays.
    undo.undo();
    expect(board.listShapes().map((s) => (s as NoteShape).text)).toEqual(['Version 1']);
  });

  it('R37: unchanged shapes produce no change at all', () => {
    const { doc, board } = boardDoc();
    board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Stable' }), alice);
    const version = Y.encodeStateAsUpdate(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(restoreVersion(doc, version)).toEqual({ shapes: 1, deleted: 0, created: 0 });
    expect(updates).toBe(0);
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from './board.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { localOrigin } from '../origin/origin.ts';
import { exportBoard } from '../codec/export.ts';
import { importBoard } from '../codec/import.ts';
import { checkInvariants } from '../invariants/invariants.ts';

describe('Board smoke', () => {
  it('M2: creates, updates and reads a note', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
    const board = new Board(doc);
    const me = localOrigin('u1');
    const id = board.run(
      (tx) => tx.create('note', { x: 10, y: 20, text: 'Transport collectif' }),
      me,
    );
    board.run((tx) => tx.update(id, { color: 'pink' }), me);
    const note = board.getShape(id);
    expect(note).toMatchObject({ type: 'note', x: 10, y: 20, color: 'pink', createdBy: 'u1' });
    const file = exportBoard(doc);
    expect(exportBoard(importBoard(file))).toEqual(file);
    expect(checkInvariants(doc)).toEqual([]);
  });
});

describe('schema version', () => {
  it('M23: a board with a newer schema is read-only for this code', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'La Matapédia', kind: 'territory' });
    const board = new Board(doc);
    const me = localOrigin('u1');
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    expect(board.isWritable()).toBe(true);
    const meta = doc.getMap('board').get('meta');
    if (!(meta instanceof Y.Map)) throw new Error('meta expected');
    doc.transact(() => meta.set('schemaVersion', 2));
    expect(board.isWritable()).toBe(false);
    expect(() => board.run((tx) => tx.update(id, { x: 5 }), me)).toThrow(/read-only/);
    expect(board.getShape(id)).toMatchObject({ x: 0 });
  });
});

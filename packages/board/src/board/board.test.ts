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

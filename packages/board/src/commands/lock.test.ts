import { describe, expect, it } from 'vitest';
import { exportBoard } from '../codec/export.ts';
import { importBoard } from '../codec/import.ts';
import { shapesMapOf } from '../doc/layout.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';
import { isLocked } from '../shapes/common/base.ts';
import { CONDITIONS_SOUHAITEES, forkPeer, newTestBoard, sync } from '../test/fixtures.ts';
import { BoardCommandError } from './errors.ts';

function lockedCarton() {
  const t = newTestBoard();
  const { board, me } = t;
  const carton = board.run(
    (tx) =>
      tx.create('carton', {
        x: 0,
        y: 0,
        w: 1600,
        h: 1000,
        title: 'Conditions de succès — Kamouraska',
      }),
    me,
  );
  const heading = board.run(
    (tx) => tx.create('text', { x: 120, y: 84, text: 'Conditions présentes', parentId: carton }),
    me,
  );
  const note = board.run(
    (tx) => tx.create('note', { x: 60, y: 190, text: CONDITIONS_SOUHAITEES[2], parentId: carton }),
    me,
  );
  board.run((tx) => tx.lock([carton, heading], true), me);
  return { ...t, carton, heading, note };
}

describe('locked shapes', () => {
  it('M33: a shape is unlocked unless locked; lock writes only the key, unlock removes it', () => {
    const { board, doc, me, heading } = lockedCarton();
    const other = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    expect(isLocked(board.getShape(other)!)).toBe(false);
    expect(board.getShape(heading)).toMatchObject({ locked: true });
    board.run((tx) => tx.lock([heading], false), me);
    expect(board.getShape(heading)?.locked).toBeUndefined();
    expect(shapesMapOf(doc)?.get(heading)?.has('locked')).toBe(false);
  });

  it('M33: update, delete, reorder and reparent skip a locked shape', () => {
    const { board, me, carton, heading } = lockedCarton();
    const before = board.getShape(heading)!;
    const order = board.listShapes().map((s) => s.id);
    board.run((tx) => {
      tx.update(heading, { x: 500, y: 500, fontSize: 80, color: 'red', text: 'Autre' });
      tx.update(carton, { x: 300, w: 10 });
      tx.reorder([heading], 'back');
      tx.reparent([heading], null);
      tx.delete([heading, carton]);
    }, me);
    expect(board.getShape(heading)).toEqual(before);
    expect(board.getShape(carton)).toMatchObject({ x: 0, w: 1600 });
    expect(board.listShapes().map((s) => s.id)).toEqual(order);
  });

  it('M33: a locked carton keeps its children free — in, moved, out, deleted', () => {
    const { board, me, carton, note } = lockedCarton();
    const added = board.run((tx) => tx.create('note', { x: 900, y: 200, parentId: carton }), me);
    board.run((tx) => tx.update(note, { x: 300, y: 400 }), me);
    expect(board.getShape(note)).toMatchObject({ x: 300, y: 400, parentId: carton });
    const outside = board.run((tx) => tx.create('note', { x: 2000, y: 0 }), me);
    board.run((tx) => tx.reparent([outside], carton), me);
    expect(board.getShape(outside)?.parentId).toBe(carton);
    board.run((tx) => tx.reparent([note], null), me);
    expect(board.getShape(note)?.parentId).toBeNull();
    board.run((tx) => tx.delete([added]), me);
    expect(board.getShape(added)).toBeUndefined();
  });

  it('M33: unlocking gives the shape back to every command; moving the carton moves locked children', () => {
    const { board, me, carton, heading } = lockedCarton();
    board.run((tx) => tx.lock([carton], false), me);
    board.run((tx) => tx.update(carton, { x: 100 }), me);
    expect(board.getShape(carton)?.x).toBe(100);
    expect(board.getShape(heading)).toMatchObject({ x: 220, locked: true });
  });

  it('M33: a turn or resize of an unlocked carton carries its locked children (placement only)', () => {
    const { board, me, carton, heading } = lockedCarton();
    board.run((tx) => tx.update(heading, { x: 50, rotation: 0.5 }, { carried: true }), me);
    expect(board.getShape(heading)).toMatchObject({ x: 120, rotation: 0 });
    board.run((tx) => tx.lock([carton], false), me);
    board.run((tx) => {
      tx.update(heading, { x: 50, rotation: 0.5 }, { carried: true });
      tx.update(heading, { fontSize: 80 }, { carried: true });
    }, me);
    expect(board.getShape(heading)).toMatchObject({ x: 50, rotation: 0.5, fontSize: 32 });
  });

  it('M33: the server writes through locks (a territory renamed retitles its locked carton)', () => {
    const { board, carton, heading } = lockedCarton();
    board.run((tx) => {
      tx.update(carton, { title: 'Conditions de succès — Rivière-du-Loup' });
      tx.delete([heading]);
    }, SERVER_ORIGIN);
    expect(board.getShape(carton)).toMatchObject({
      title: 'Conditions de succès — Rivière-du-Loup',
      locked: true,
    });
    expect(board.getShape(heading)).toBeUndefined();
  });

  it('M33: update cannot change locked; the patch is still checked on a locked shape', () => {
    const { board, me, heading } = lockedCarton();
    expect(() => board.run((tx) => tx.update(heading, { locked: false } as never), me)).toThrow(
      BoardCommandError,
    );
    expect(() => board.run((tx) => tx.update(heading, { w: -5 } as never), me)).not.toThrow();
    expect(() => board.run((tx) => tx.update(heading, { title: 'x' } as never), me)).toThrow(
      /not a prop of text/,
    );
  });

  it('M33, M14: undo reverts a lock and an unlock; others see them live', () => {
    const a = lockedCarton();
    const b = forkPeer(a.doc, 'b');
    const undo = a.board.createUndoManager(a.me);
    a.board.run((tx) => tx.lock([a.heading], false), a.me);
    sync(a.doc, b.doc);
    expect(isLocked(b.board.getShape(a.heading)!)).toBe(false);
    undo.undo();
    sync(a.doc, b.doc);
    expect(isLocked(b.board.getShape(a.heading)!)).toBe(true);
    undo.redo();
    expect(isLocked(a.board.getShape(a.heading)!)).toBe(false);
  });

  it('M33, M16: locks survive export and import; a file without them reads unlocked', () => {
    const { doc, heading, note } = lockedCarton();
    const file = exportBoard(doc);
    const record = file.shapes.find((s) => s.id === heading);
    expect(record).toMatchObject({ locked: true });
    expect(file.shapes.find((s) => s.id === note)).not.toHaveProperty('locked');
    const again = importBoard(JSON.parse(JSON.stringify(file)));
    expect(exportBoard(again)).toEqual(file);
    const v1 = { ...JSON.parse(JSON.stringify(file)), version: 1 } as {
      shapes: Record<string, unknown>[];
    };
    for (const shape of v1.shapes) delete shape['locked'];
    const old = exportBoard(importBoard(v1));
    expect(old.shapes.some((s) => 'locked' in s)).toBe(false);
  });

  it('M33, M13: a copy of a locked shape is locked; a locked value must be a boolean', () => {
    const { board, me, carton } = lockedCarton();
    const [copy] = board.run((tx) => tx.duplicate([carton]), me);
    expect(board.getShape(copy!)).toMatchObject({ locked: true });
    expect(() =>
      board.run((tx) => tx.create('note', { x: 0, y: 0, locked: 'yes' as never }), me),
    ).toThrow(BoardCommandError);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin, type ArrowShape } from '@carton/board';
import { selectionBox, selectionHandleAt } from './handles';
import { Scene } from './scene';

// Two notes of the Kamouraska board joined by an arrow released in their middles: the arrow is
// drawn from outline to outline (about x 209 → 393), its anchors sit at x 100 and x 600.
function joinedNotes() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Conditions de succès — Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  const ids = board.run((tx) => {
    const from = tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Accompagnement' });
    const to = tx.create('note', { x: 400, y: 0, w: 400, h: 400, text: 'Les incontournables' });
    const bound = tx.create('arrow', {
      x: 0,
      y: 0,
      startBinding: { shapeId: from, anchor: { x: 0.5, y: 0.5 } },
      endBinding: { shapeId: to, anchor: { x: 0.5, y: 0.25 } },
      width: 4,
    });
    const free = tx.create('arrow', { x: 0, y: 600, end: { x: 300, y: 0 } });
    return { from, to, bound, free };
  }, localOrigin('user:a'));
  return { board, scene: new Scene(createBoardView(board)), ids };
}

describe('scene.selectionBounds', () => {
  it('frames a bound arrow as drawn, between the outlines, not its anchors', () => {
    const { scene, ids } = joinedNotes();
    const stored = scene.bounds(ids.bound);
    const drawn = scene.selectionBounds(ids.bound);
    expect(stored?.x).toBeLessThan(200);
    expect(stored && stored.x + stored.width).toBeGreaterThan(400);
    expect(drawn?.x).toBeGreaterThanOrEqual(200);
    expect(drawn && drawn.x + drawn.width).toBeLessThanOrEqual(400);
    // The model keeps its anchors: only the handles' box follows the drawn line.
    const arrow = scene.getShape(ids.bound) as ArrowShape;
    expect(arrow.startBinding?.anchor).toEqual({ x: 0.5, y: 0.5 });
  });

  it('leaves free arrows and other shapes on their stored bounds', () => {
    const { scene, ids } = joinedNotes();
    expect(scene.selectionBounds(ids.free)).toEqual(scene.bounds(ids.free));
    expect(scene.selectionBounds(ids.from)).toEqual(scene.bounds(ids.from));
  });

  it('puts the rotate handle of a selected bound arrow above its drawn middle', () => {
    const { scene, ids } = joinedNotes();
    const camera = { x: 0, y: 0, zoom: 1 };
    const box = selectionBox(
      [ids.bound],
      (id) => scene.selectionBounds(id),
      (id) => scene.getShape(id)?.type,
    );
    expect(box?.resizable).toBe(false);
    if (!box) return;
    const top = box.world.y - 26; // rotateHandleOffset(false) at zoom 1
    const drawn = scene.selectionBounds(ids.bound);
    const stored = scene.bounds(ids.bound);
    if (!drawn || !stored) throw new Error('no bounds');
    const at = (x: number) => selectionHandleAt(box, camera, { x, y: top }, false);
    expect(at(drawn.x + drawn.width / 2)).toBe('rotate');
    expect(at(stored.x + stored.width / 2)).toBeNull();
  });
});

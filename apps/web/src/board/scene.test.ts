import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyBoardTemplate,
  Board,
  createBoardView,
  initBoardDoc,
  localOrigin,
  type ArrowShape,
} from '@carton/board';
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

// A fresh territory board (T1): the carton, headings, heart, star and divider are locked (M33).
function territoryBoard() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Conditions de succès — Témiscouata', kind: 'territory' });
  const board = new Board(doc);
  applyBoardTemplate(board, 'territory', { territory: 'Témiscouata' }, localOrigin('server'));
  const shapes = board.listShapes();
  const find = (test: (s: (typeof shapes)[number]) => boolean) => shapes.find(test)!;
  return {
    board,
    scene: new Scene(createBoardView(board)),
    carton: find((s) => s.type === 'carton'),
    heading: find((s) => s.type === 'text' && s.text === 'Conditions présentes'),
    note: find((s) => s.type === 'note'),
  };
}

describe('scene and locked shapes (M33)', () => {
  it('a press on a locked heading or carton title picks nothing; lockedAt names it', () => {
    const { scene, carton, heading } = territoryBoard();
    const onHeading = { x: heading.x + 20, y: heading.y + 20 };
    const onTitle = { x: carton.x + 300, y: carton.y + 20 };
    expect(scene.shapeAt(onHeading, 4)).toBeNull();
    expect(scene.shapeAt(onTitle, 4)).toBeNull();
    expect(scene.lockedAt(onHeading, 4)).toMatchObject({ id: heading.id, locked: true });
    expect(scene.lockedAt(onTitle, 4)).toMatchObject({ id: carton.id, locked: true });
    expect(scene.shapeAt(onHeading, 4, { locked: true })?.id).toBe(heading.id);
  });

  it('a locked carton counts over its whole box for lockedAt; a note on it is picked', () => {
    const { scene, carton, note } = territoryBoard();
    const body = { x: carton.x + 400, y: carton.y + 800 };
    expect(scene.shapeAt(body, 4)).toBeNull();
    expect(scene.lockedAt(body, 4)?.id).toBe(carton.id);
    const onNote = { x: note.x + 10, y: note.y + 10 };
    expect(scene.shapeAt(onNote, 4)?.id).toBe(note.id);
    expect(scene.lockedAt(onNote, 4)).toBeNull();
  });

  it('a marquee over the whole carton takes only the notes; a locked shape is not editable', () => {
    const { scene, carton, heading } = territoryBoard();
    const all = scene.shapesInRect({ x: -100, y: -100, width: 2000, height: 1300 });
    expect(all.map((info) => info.type)).toEqual(['note', 'note']);
    expect(scene.info(heading.id)).toMatchObject({ locked: true, editable: false });
    expect(scene.info(carton.id)?.editable).toBe(false);
  });

  it('once unlocked, the heading is picked again', () => {
    const { board, scene, heading } = territoryBoard();
    board.run((tx) => tx.lock([heading.id], false), localOrigin('user:a'));
    expect(scene.shapeAt({ x: heading.x + 20, y: heading.y + 20 }, 4)?.id).toBe(heading.id);
    expect(scene.info(heading.id)).toMatchObject({ locked: false, editable: true });
  });
});

describe('scene.shapeAt skipping types', () => {
  it('finds the note under a heart when stamps are skipped', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Conditions de succès — La Mitis', kind: 'territory' });
    const board = new Board(doc);
    const { note, heart } = board.run(
      (tx) => ({
        note: tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Transport collectif' }),
        heart: tx.create('stamp', { x: 20, y: 20, size: 40, kind: 'heart' }),
      }),
      localOrigin('user:a'),
    );
    const scene = new Scene(createBoardView(board));
    expect(scene.shapeAt({ x: 40, y: 40 }, 4)?.id).toBe(heart);
    expect(scene.shapeAt({ x: 40, y: 40 }, 4, { skipTypes: ['stamp'] })?.id).toBe(note);
    expect(scene.shapeAt({ x: 40, y: 300 }, 4, { skipTypes: ['stamp'] })).toBeNull();
  });
});

describe('scene following the view', () => {
  it('a write re-reads only the shapes it changed; order, removals and z-order still follow', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Conditions de succès — Témiscouata', kind: 'territory' });
    const board = new Board(doc);
    const me = localOrigin('user:a');
    const notes = board.run(
      (tx) =>
        Array.from({ length: 40 }, (_, i) =>
          tx.create('note', { x: (i % 8) * 250, y: Math.floor(i / 8) * 250, w: 200, h: 200 }),
        ),
      me,
    );
    const [first, second] = notes as [string, string];
    const view = createBoardView(board);
    const reads: string[] = [];
    const counted = {
      ...view,
      getShape: (id: string) => {
        reads.push(id);
        return view.getShape(id);
      },
    };
    const scene = new Scene(counted);
    reads.length = 0;
    board.run((tx) => tx.update(first, { x: 3000, y: 3000 }), me); // a drag's write
    expect(reads).toEqual([first]);
    expect(scene.bounds(first)).toMatchObject({ x: 3000, y: 3000 });
    expect(scene.shapeAt({ x: 3100, y: 3100 }, 0)?.id).toBe(first);

    board.run((tx) => tx.reorder([second], 'front'), me);
    expect(scene.orderedIds().at(-1)).toBe(second);
    expect(scene.orderOf(second)).toBe(notes.length - 1);
    board.run((tx) => tx.delete([second]), me);
    expect(scene.orderedIds()).not.toContain(second);
    expect(scene.bounds(second)).toBeUndefined();
    expect(scene.shapeAt({ x: 350, y: 100 }, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { visibleWorldRect } from '../geometry/camera';
import { Presence } from '../presence/publisher';
import { NUDGE_STEP, TEXT_WIDTH, editsOnPlacement, noteNudge, textBoxPlacement } from './creation';
import { Scene } from './scene';
import { Shell } from './shell';
import { createSessionStore } from './store';

/** A board page of the given size and camera, with its shell. */
function page(
  viewport: { width: number; height: number },
  camera = { x: 0, y: 0, zoom: 1 },
  touchFirst = false,
) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
  const board = new Board(doc);
  const scene = new Scene(createBoardView(board));
  const store = createSessionStore(false);
  store.setState({ viewport, camera });
  const origin = localOrigin('user:a');
  const presence = new Presence(
    new Awareness(doc),
    { id: 'user:a', name: 'Hélène', color: '#d1495b' },
    false,
  );
  const shell = new Shell({
    board,
    origin,
    undo: board.createUndoManager(origin),
    scene,
    store,
    presence,
    cartonTitle: () => 'Carton',
    touchFirst: () => touchFirst,
  });
  const addText = (x: number, y: number) => {
    shell.apply([{ kind: 'create', shapeType: 'text', at: { x, y } }]);
    const shape = board.getShape(store.getState().selection[0]!);
    if (shape?.type !== 'text') throw new Error('no text box created');
    return { shape, visible: visibleWorldRect(store.getState().camera, viewport) };
  };
  const placeNote = (x: number, y: number) => {
    shell.apply([
      { kind: 'create', shapeType: 'note', center: { x, y }, color: 'yellow' },
      { kind: 'setTool', tool: 'select' },
    ]);
    const id = store.getState().selection[0]!;
    if (board.getShape(id)?.type !== 'note') throw new Error('no note placed');
    const { editingId, placedNoteId } = store.getState();
    return { id, editingId, placedNoteId };
  };
  return { addText, placeNote, board, scene };
}

describe('a placed note', () => {
  it('on a touch-first phone opens for writing at once (its keyboard then comes up)', () => {
    const phone = page({ width: 390, height: 844 }, { x: 0, y: 0, zoom: 0.5 }, true);
    const { id, editingId, placedNoteId } = phone.placeNote(200, 300);
    expect(editingId).toBe(id);
    // Not waiting for typed letters either: the editor has them.
    expect(placedNoteId).toBeNull();
  });

  it('on a laptop stays closed, waiting for a word typed right after (the word window)', () => {
    const laptop = page({ width: 1280, height: 800 });
    const { id, editingId, placedNoteId } = laptop.placeNote(300, 300);
    expect(editingId).toBeNull();
    expect(placedNoteId).toBe(id);
  });

  it('the rule: a note opens on touch only; text boxes and cartons always; the rest never', () => {
    expect(editsOnPlacement('note', true)).toBe(true);
    expect(editsOnPlacement('note', false)).toBe(false);
    expect(editsOnPlacement('text', false)).toBe(true);
    expect(editsOnPlacement('text', true)).toBe(true);
    expect(editsOnPlacement('carton', false)).toBe(true);
    expect(editsOnPlacement('stamp', true)).toBe(false);
    expect(editsOnPlacement('rect', true)).toBe(false);
  });
});

describe('a new text box', () => {
  it('on a phone, fits the screen instead of running off its right edge', () => {
    const phone = page({ width: 390, height: 844 });
    // Tapped right of the middle: 360 units from there would end at 560, past the screen.
    const { shape, visible } = phone.addText(200, 300);
    expect(shape.w).toBeLessThan(TEXT_WIDTH);
    expect(shape.x).toBeGreaterThanOrEqual(visible.x);
    expect(shape.x + shape.w).toBeLessThanOrEqual(visible.x + visible.width);
    expect(shape.w).toBeGreaterThan(300);
  });

  it('zoomed in on a phone, stays within the smaller visible world', () => {
    const phone = page({ width: 390, height: 844 }, { x: -400, y: 0, zoom: 2 });
    const { shape, visible } = phone.addText(350, 100);
    expect(visible.width).toBe(195);
    expect(shape.x).toBeGreaterThanOrEqual(visible.x);
    expect(shape.x + shape.w).toBeLessThanOrEqual(visible.x + visible.width);
  });

  it('on a laptop keeps its 360 units where it was placed', () => {
    const laptop = page({ width: 1280, height: 800 });
    const { shape } = laptop.addText(300, 300);
    expect(shape.w).toBe(TEXT_WIDTH);
    expect(shape.x).toBe(300);
  });

  it('placement without a known screen keeps the default', () => {
    expect(textBoxPlacement({ x: 10, y: 0 }, undefined)).toEqual({ x: 10, w: TEXT_WIDTH });
  });
});

describe('a new note on a spot already taken', () => {
  // Rivière-du-Loup's rehearsal: three phones tapped the same spot at the same moment, and the
  // laptop saw one note where there were three.
  const corner = (p: ReturnType<typeof page>, id: string) => {
    const shape = p.board.getShape(id);
    if (shape?.type !== 'note') throw new Error('not a note');
    return { x: shape.x, y: shape.y };
  };

  it('steps diagonally off a note of the same size, again while the spot is taken', () => {
    const laptop = page({ width: 1280, height: 800 });
    const ids = [1, 2, 3].map(() => laptop.placeNote(400, 300).id);
    expect(ids.map((id) => corner(laptop, id))).toEqual([
      { x: 300, y: 200 },
      { x: 300 + NUDGE_STEP, y: 200 + NUDGE_STEP },
      { x: 300 + NUDGE_STEP * 2, y: 200 + NUDGE_STEP * 2 },
    ]);
  });

  it('counts a few units off as the same spot (two fingers a pixel apart)', () => {
    const phone = page({ width: 390, height: 844 }, { x: 0, y: 0, zoom: 0.5 }, true);
    const first = phone.placeNote(400, 300).id;
    const second = phone.placeNote(403, 298).id;
    expect(corner(phone, first)).toEqual({ x: 300, y: 200 });
    expect(corner(phone, second)).toEqual({ x: 303 + NUDGE_STEP, y: 198 + NUDGE_STEP });
  });

  it('stays where it was placed when it only overlaps (each still shows) or nothing is there', () => {
    const laptop = page({ width: 1280, height: 800 });
    laptop.placeNote(400, 300);
    const beside = laptop.placeNote(480, 300).id;
    expect(corner(laptop, beside)).toEqual({ x: 380, y: 200 });
    const elsewhere = laptop.placeNote(1400, 900).id;
    expect(corner(laptop, elsewhere)).toEqual({ x: 1300, y: 800 });
  });

  it('moves a pasted group by the same step while any of its notes would hide one', () => {
    const laptop = page({ width: 1280, height: 800 });
    laptop.placeNote(400, 300);
    laptop.placeNote(400 + NUDGE_STEP, 300 + NUDGE_STEP);
    const pasted = [
      { x: 300, y: 200, w: 200, h: 200 },
      { x: 900, y: 200, w: 200, h: 200 },
    ];
    // Its first note would land on the first, then on the second: two steps.
    expect(noteNudge(laptop.scene, pasted)).toEqual({ dx: NUDGE_STEP * 2, dy: NUDGE_STEP * 2 });
    // A note of another size (an enlarged one) is not hidden by it.
    expect(noteNudge(laptop.scene, [{ x: 300, y: 200, w: 400, h: 400 }])).toEqual({ dx: 0, dy: 0 });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { localOrigin, type Board, type BoardUndoManager } from '@carton/board';
import type { Scene } from './scene';
import type { Shell } from './shell';
import { NO_DRAGGING, type SessionStore } from './store';
import { testShell } from './testShell';

// Animation frames under our control: a drag writes only when a frame runs.
let frames: (() => void)[] = [];
function runFrame() {
  const pending = frames;
  frames = [];
  pending.forEach((f) => f());
}

describe('shell', () => {
  let doc: Y.Doc;
  let board: Board;
  let scene: Scene;
  let store: SessionStore;
  let undo: BoardUndoManager;
  let shell: Shell;
  let transactions: number;

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => (frames = []));
    ({ doc, board, scene, store, undo, shell } = testShell('Témiscouata'));
    transactions = 0;
    doc.on('afterTransaction', () => transactions++);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    frames = [];
  });

  function createNote(x: number, y: number): string {
    shell.apply([{ kind: 'create', shapeType: 'note', center: { x, y }, color: 'pink' }]);
    return store.getState().selection[0]!;
  }

  it('creates a note centred on the point, selected, as one undo step', () => {
    const id = createNote(300, 200);
    expect(board.getShape(id)).toMatchObject({ type: 'note', x: 200, y: 100, color: 'pink' });
    undo.undo();
    expect(board.getShape(id)).toBeUndefined();
  });

  it('writes a drag at most once per animation frame and undoes it in one step', () => {
    const id = createNote(100, 100);
    transactions = 0;
    shell.apply([{ kind: 'beginGesture' }]);
    for (let i = 1; i <= 5; i++) shell.apply([{ kind: 'move', moves: [{ id, x: i * 10, y: 0 }] }]);
    expect(transactions).toBe(0);
    expect(store.getState().draggingIds.has(id)).toBe(true);
    runFrame();
    expect(transactions).toBe(1);
    expect(board.getShape(id)).toMatchObject({ x: 50, y: 0 });
    shell.apply([{ kind: 'move', moves: [{ id, x: 80, y: 20 }] }]);
    shell.apply([{ kind: 'endGesture' }]); // flushes the last position
    expect(board.getShape(id)).toMatchObject({ x: 80, y: 20 });
    expect(store.getState().draggingIds).toBe(NO_DRAGGING);
    undo.undo();
    expect(board.getShape(id)).toMatchObject({ x: 0, y: 0 });
    undo.undo();
    expect(board.getShape(id)).toBeUndefined();
  });

  it('a dragged carton and its selected child each end where the drag puts them', () => {
    const carton = board.run(
      (tx) => tx.create('carton', { x: 0, y: 0, w: 600, h: 400, title: 'Témiscouata' }),
      localOrigin('user:a'),
    );
    const note = board.run(
      (tx) => tx.create('note', { x: 100, y: 100, text: 'Les incontournables', parentId: carton }),
      localOrigin('user:a'),
    );
    const starts = [carton, note].map((id) => ({ id, b: scene.bounds(id)! }));
    shell.apply([{ kind: 'beginGesture' }]);
    for (const d of [40, 90]) {
      const moves = starts.map(({ id, b }) => ({ id, x: b.x + d, y: b.y + d / 2 }));
      shell.apply([{ kind: 'move', moves }]);
      runFrame();
    }
    shell.apply([{ kind: 'endGesture' }]);
    // Moved once by the carton (M6), not again by its own move.
    expect(board.getShape(carton)).toMatchObject({ x: 90, y: 45 });
    expect(board.getShape(note)).toMatchObject({ x: 190, y: 145 });
  });

  it('a drag that puts shapes where they lie writes nothing; a turned stamp moves by its bounds', () => {
    const note = createNote(100, 100);
    const stamp = board.run(
      (tx) => tx.create('stamp', { x: 300, y: 300, rotation: 0.6 }),
      localOrigin('user:a'),
    );
    const boxes = [note, stamp].map((id) => ({ id, b: scene.bounds(id)! }));
    let updates = 0;
    doc.on('update', () => updates++);
    shell.apply([{ kind: 'beginGesture' }]);
    shell.apply([{ kind: 'move', moves: boxes.map(({ id, b }) => ({ id, x: b.x, y: b.y })) }]);
    runFrame();
    expect(updates).toBe(0);
    shell.apply([
      { kind: 'move', moves: boxes.map(({ id, b }) => ({ id, x: b.x + 30, y: b.y - 20 })) },
    ]);
    shell.apply([{ kind: 'endGesture' }]);
    expect(board.getShape(note)).toMatchObject({ x: 30, y: -20 });
    expect(board.getShape(stamp)).toMatchObject({ x: 330, y: 280, rotation: 0.6 });
    expect(scene.bounds(stamp)!.x).toBeCloseTo(boxes[1]!.b.x + 30, 9);
  });

  it('a heart on a dragged note moves with it in the same writes; undo puts both back', () => {
    const note = createNote(100, 100);
    const me = localOrigin('user:a');
    const heart = board.run((tx) => tx.create('stamp', { x: 20, y: 20, size: 40 }), me);
    undo.stopCapturing();
    transactions = 0;
    shell.apply([{ kind: 'beginGesture' }]);
    shell.apply([{ kind: 'move', moves: [{ id: note, x: 30, y: 10 }] }]);
    // Drawn with its note on the drag layer, above it.
    expect(store.getState().draggingIds.has(heart)).toBe(true);
    runFrame();
    expect(transactions).toBe(1);
    expect(board.getShape(heart)).toMatchObject({ x: 50, y: 30 });
    shell.apply([{ kind: 'move', moves: [{ id: note, x: 300, y: 0 }] }]);
    shell.apply([{ kind: 'endGesture' }]);
    expect(board.getShape(note)).toMatchObject({ x: 300, y: 0 });
    expect(board.getShape(heart)).toMatchObject({ x: 320, y: 20 });
    undo.undo();
    expect(board.getShape(note)).toMatchObject({ x: 0, y: 0 });
    expect(board.getShape(heart)).toMatchObject({ x: 20, y: 20 });
    // The heart dragged by itself off the note leaves the note where it is.
    shell.apply([{ kind: 'beginGesture' }]);
    shell.apply([{ kind: 'move', moves: [{ id: heart, x: 600, y: 20 }] }]);
    shell.apply([{ kind: 'endGesture' }]);
    expect(board.getShape(note)).toMatchObject({ x: 0, y: 0 });
    // Off the note, it stays behind when the note moves (an arrow key's move, say).
    shell.apply([{ kind: 'move', moves: [{ id: note, x: 10, y: 0 }] }]);
    expect(board.getShape(heart)).toMatchObject({ x: 600, y: 20 });
  });

  it('a note dragged into a carton takes its heart along, still drawn above the note', () => {
    const me = localOrigin('user:a');
    const carton = board.run(
      (tx) => tx.create('carton', { x: 0, y: 0, w: 800, h: 600, title: 'Les Basques' }),
      me,
    );
    const note = board.run((tx) => tx.create('note', { x: 1000, y: 100, w: 200, h: 200 }), me);
    const heart = board.run((tx) => tx.create('stamp', { x: 1020, y: 120, size: 40 }), me);
    // The carton comes last: it is drawn above both until they join it.
    board.run((tx) => tx.reorder([carton], 'front'), me);
    shell.apply([{ kind: 'beginGesture' }]);
    shell.apply([{ kind: 'move', moves: [{ id: note, x: 200, y: 100 }] }]);
    shell.apply([{ kind: 'reparent', ids: [note], cartonId: carton }, { kind: 'endGesture' }]);
    expect(board.getShape(heart)).toMatchObject({ x: 220, y: 120, parentId: carton });
    const order = board.listShapes().map((s) => s.id);
    expect(order.indexOf(carton)).toBeLessThan(order.indexOf(note));
    expect(order.indexOf(note)).toBeLessThan(order.indexOf(heart));
  });

  it('a note created inside a carton belongs to it; reparenting brings it above the carton', () => {
    shell.apply([
      {
        kind: 'create',
        shapeType: 'carton',
        rect: { x: 0, y: 0, width: 800, height: 600 },
        at: { x: 0, y: 0 },
        color: 'black',
      },
    ]);
    const carton = store.getState().selection[0]!;
    const inside = createNote(400, 300);
    expect(board.getShape(inside)?.parentId).toBe(carton);
    const outside = createNote(1200, 300);
    expect(board.getShape(outside)?.parentId).toBeNull();
    shell.apply([{ kind: 'reparent', ids: [outside], cartonId: carton }]);
    expect(board.getShape(outside)?.parentId).toBe(carton);
    const order = board.listShapes().map((s) => s.id);
    expect(order.indexOf(carton)).toBeLessThan(order.indexOf(outside));
  });

  it('a carton drawn around loose notes adopts them', () => {
    const note = createNote(300, 300);
    shell.apply([
      {
        kind: 'create',
        shapeType: 'carton',
        rect: { x: 0, y: 0, width: 800, height: 600 },
        at: { x: 0, y: 0 },
        color: 'black',
      },
    ]);
    const carton = store.getState().selection[0]!;
    expect(board.getShape(note)?.parentId).toBe(carton);
    undo.undo();
    expect(board.getShape(note)?.parentId).toBeNull();
  });

  it('writes a stroke once, with points relative to its position', () => {
    transactions = 0;
    shell.apply([
      {
        kind: 'create',
        shapeType: 'stroke',
        points: [
          [10, 20, 0.5],
          [30, 25, 0.7],
        ],
        color: 'blue',
        width: 4,
        simulatePressure: false,
      },
    ]);
    expect(transactions).toBe(1);
    const stroke = board.listShapes().find((s) => s.type === 'stroke');
    expect(stroke).toMatchObject({ x: 10, y: 20, points: [0, 0, 0.5, 20, 5, 0.7], color: 'blue' });
  });

  it('binds arrow ends to the shapes they were dropped on', () => {
    const a = createNote(100, 100);
    const b = createNote(600, 100);
    shell.apply([
      {
        kind: 'create',
        shapeType: 'arrow',
        start: { point: { x: 100, y: 100 }, shapeId: a },
        end: { point: { x: 600, y: 100 }, shapeId: b },
        color: 'black',
      },
    ]);
    const arrow = board.listShapes().find((s) => s.type === 'arrow');
    expect(arrow?.type === 'arrow' && [arrow.startBinding, arrow.endBinding]).toEqual([
      { shapeId: a, anchor: { x: 0.5, y: 0.5 } },
      { shapeId: b, anchor: { x: 0.5, y: 0.5 } },
    ]);
  });

  it('a read-only session writes nothing', () => {
    store.setState({ readOnly: true });
    shell.apply([{ kind: 'create', shapeType: 'note', center: { x: 0, y: 0 }, color: 'yellow' }]);
    expect(board.listShapes()).toEqual([]);
  });
  function createCarton(width: number, height: number): string {
    shell.apply([
      {
        kind: 'create',
        shapeType: 'carton',
        rect: { x: 0, y: 0, width, height },
        at: { x: 0, y: 0 },
        color: 'black',
      },
    ]);
    return store.getState().selection[0]!;
  }

  it('resizing many shapes writes once per frame and undoes in one step', () => {
    const a = createNote(100, 100); // 0,0 – 200,200
    const b = createNote(500, 100); // 400,0 – 600,200
    const from = { x: 0, y: 0, width: 600, height: 200 };
    transactions = 0;
    shell.apply([{ kind: 'beginGesture' }]);
    for (const w of [700, 900, 1200]) {
      const to = { x: 0, y: 0, width: w, height: 200 };
      shell.apply([{ kind: 'transform', ids: [a, b], transform: { kind: 'scale', from, to } }]);
    }
    expect(transactions).toBe(0);
    runFrame();
    expect(transactions).toBe(1);
    shell.apply([{ kind: 'endGesture' }]);
    // Notes keep their aspect; each keeps its west edge's place in the doubled box.
    expect(board.getShape(a)).toMatchObject({ x: 0, y: 0, w: 200, h: 200 });
    expect(board.getShape(b)).toMatchObject({ x: 800, y: 0, w: 200, h: 200 });
    undo.undo();
    expect(board.getShape(b)).toMatchObject({ x: 400, y: 0 });
    expect(board.getShape(a)).toMatchObject({ x: 0, y: 0 });
  });

  it('hearts on resized or turned notes keep their place on them, in the same undo step', () => {
    const a = createNote(100, 100); // 0,0 – 200,200
    const b = createNote(500, 100); // 400,0 – 600,200
    const me = localOrigin('user:a');
    const [onA, onB] = board.run(
      (tx) => [
        tx.create('stamp', { x: 20, y: 20, size: 40 }), // in a's top-left corner
        tx.create('stamp', { x: 540, y: 140, size: 40, kind: 'star' }), // b's bottom-right
      ],
      me,
    );
    undo.stopCapturing();
    // Both notes halved together, from the selection's top-left corner.
    const from = { x: 0, y: 0, width: 600, height: 200 };
    const to = { x: 0, y: 0, width: 300, height: 100 };
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [a, b], transform: { kind: 'scale', from, to } },
    ]);
    runFrame();
    shell.apply([{ kind: 'endGesture' }]);
    expect(board.getShape(b)).toMatchObject({ x: 200, y: 0, w: 100, h: 100 });
    expect(board.getShape(onA!)).toMatchObject({ x: 0, y: 0, size: 40 });
    expect(board.getShape(onB!)).toMatchObject({ x: 260, y: 60, size: 40 });
    undo.undo();
    expect(board.getShape(a)).toMatchObject({ x: 0, y: 0, w: 200, h: 200 });
    expect(board.getShape(onA!)).toMatchObject({ x: 20, y: 20 });
    expect(board.getShape(onB!)).toMatchObject({ x: 540, y: 140 });
    // A quarter turn about a's centre: the heart turns with it, to a's top-right corner.
    const t = { kind: 'rotate', center: { x: 100, y: 100 }, angle: Math.PI / 2 } as const;
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [a], transform: t },
      { kind: 'endGesture' },
    ]);
    const turned = board.getShape(onA!)!;
    expect(turned.x).toBeCloseTo(180);
    expect(turned.y).toBeCloseTo(20);
    expect(turned.rotation).toBeCloseTo(Math.PI / 2);
    expect(board.getShape(onB!)).toMatchObject({ x: 540, y: 140 });
    undo.undo();
    expect(board.getShape(onA!)).toMatchObject({ x: 20, y: 20, rotation: 0 });
  });

  it('a carton resized from its top-left leaves its children where they are', () => {
    const carton = createCarton(800, 600);
    const note = createNote(400, 300);
    const from = { x: 0, y: 0, width: 800, height: 600 };
    const to = { x: -100, y: -100, width: 900, height: 700 };
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [carton], transform: { kind: 'scale', from, to } },
      { kind: 'endGesture' },
    ]);
    expect(board.getShape(carton)).toMatchObject({ x: -100, y: -100, w: 900, h: 700 });
    expect(board.getShape(note)).toMatchObject({ x: 300, y: 200 });
  });

  it('a carton turned about its centre takes its children along, in one undo step', () => {
    const carton = createCarton(800, 600);
    const note = createNote(400, 300); // centred on the carton's centre
    const t = { kind: 'rotate', center: { x: 400, y: 300 }, angle: Math.PI } as const;
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [carton], transform: t },
      { kind: 'endGesture' },
    ]);
    expect(board.getShape(carton)?.x).toBeCloseTo(800);
    expect(board.getShape(carton)?.y).toBeCloseTo(600);
    expect(board.getShape(note)?.rotation).toBeCloseTo(Math.PI);
    expect(board.getShape(note)?.x).toBeCloseTo(500);
    expect(board.getShape(note)?.y).toBeCloseTo(400);
    undo.undo();
    expect(board.getShape(carton)).toMatchObject({ x: 0, y: 0, rotation: 0 });
    expect(board.getShape(note)).toMatchObject({ x: 300, y: 200, rotation: 0 });
  });

  it('M33: an unlocked carton resized or turned carries its locked children', () => {
    const carton = createCarton(800, 600);
    const note = createNote(400, 300);
    board.run((tx) => tx.lock([note], true), localOrigin('user:a'));
    const from = { x: 0, y: 0, width: 800, height: 600 };
    const to = { x: -100, y: -100, width: 900, height: 700 };
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [carton], transform: { kind: 'scale', from, to } },
      { kind: 'endGesture' },
    ]);
    expect(board.getShape(note)).toMatchObject({ x: 300, y: 200, locked: true });
    const t = { kind: 'rotate', center: { x: 350, y: 250 }, angle: Math.PI } as const;
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [carton], transform: t },
      { kind: 'endGesture' },
    ]);
    expect(board.getShape(note)?.rotation).toBeCloseTo(Math.PI);
    expect(board.getShape(note)?.x).toBeCloseTo(400);
    expect(board.getShape(note)?.y).toBeCloseTo(300);
  });

  it('M33: a locked shape chosen is not opened for writing', () => {
    const note = createNote(400, 300);
    board.run((tx) => tx.lock([note], true), localOrigin('user:a'));
    shell.apply([{ kind: 'edit', id: note }]);
    expect(store.getState().editingId).toBeNull();
  });

  it('a resize and the adoption that follows it are one undo step', () => {
    const carton = createCarton(400, 400);
    const outside = createNote(700, 200); // 600,100 – 800,300
    const from = { x: 0, y: 0, width: 400, height: 400 };
    const to = { x: 0, y: 0, width: 900, height: 400 };
    shell.apply([
      { kind: 'beginGesture' },
      { kind: 'transform', ids: [carton], transform: { kind: 'scale', from, to } },
      { kind: 'reparent', ids: [outside], cartonId: carton },
      { kind: 'endGesture' },
    ]);
    expect(board.getShape(outside)?.parentId).toBe(carton);
    undo.undo();
    expect(board.getShape(outside)?.parentId).toBeNull();
    expect(board.getShape(carton)).toMatchObject({ w: 400 });
  });

  it('the same guides again, move after move, leave the session store alone', () => {
    let changes = 0;
    store.subscribe(() => changes++);
    const guide = { axis: 'x' as const, at: 100, from: 0, to: 300 };
    for (let i = 0; i < 5; i++) shell.apply([{ kind: 'guides', guides: [{ ...guide }] }]);
    expect(store.getState().guides).toEqual([guide]);
    shell.apply([{ kind: 'guides', guides: [{ ...guide, to: 320 }] }]);
    shell.apply([{ kind: 'guides', guides: [] }]);
    shell.apply([{ kind: 'guides', guides: [] }]);
    expect(changes).toBe(3);
  });
});

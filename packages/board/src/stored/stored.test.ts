import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportBoard } from '../codec/export.ts';
import { importBoard } from '../codec/import.ts';
import { shapesMapOf } from '../doc/layout.ts';
import type { Shape } from '../shapes/registry.ts';
import type { TestBoard } from '../test/fixtures.ts';
import { forkPeer, newTestBoard, sync } from '../test/fixtures.ts';

// M35: the text people type (a note's text, a heading's text, a carton's title) merges letter
// by letter: two people typing in it at once both keep their words.

function storedRaw(peer: TestBoard, id: string, key: string): unknown {
  return shapesMapOf(peer.doc)?.get(id)?.get(key);
}

function textOf(shape: Shape | undefined): string | undefined {
  if (shape?.type === 'carton') return shape.title;
  if (shape?.type === 'note' || shape?.type === 'text') return shape.text;
  return undefined;
}

/** Each keystroke writes the whole text, as the editor does. */
function typeInto(peer: TestBoard, id: string, key: string, at: 'start' | 'end', word: string) {
  for (const letter of at === 'start' ? [...word].reverse() : word) {
    const current = textOf(peer.board.getShape(id)) ?? '';
    const next = at === 'start' ? letter + current : current + letter;
    peer.board.run((tx) => tx.update(id, { [key]: next }), peer.me);
  }
}

const KINDS = [
  { type: 'note', key: 'text', start: 'Bon leadership' },
  { type: 'text', key: 'text', start: 'Conditions présentes' },
  { type: 'carton', key: 'title', start: 'Témiscouata' },
] as const;

describe('merged text', () => {
  it.each(KINDS)(
    'M35: two people typing in the same $type $key at once both keep their words',
    ({ type, key, start }) => {
      const a = newTestBoard();
      const id = a.board.run((tx) => tx.create(type, { x: 0, y: 0, [key]: start }), a.me);
      const b = forkPeer(a.doc, 'pierre');
      typeInto(a, id, key, 'start', 'Vrai ');
      typeInto(b, id, key, 'end', ' partagé');
      sync(a.doc, b.doc);
      for (const peer of [a, b]) {
        expect(textOf(peer.board.getShape(id))).toBe(`Vrai ${start} partagé`);
      }
      expect(exportBoard(b.doc)).toEqual(exportBoard(a.doc));
      expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
    },
  );

  it.each([
    { type: 'note', key: 'text', max: 10_000 },
    { type: 'carton', key: 'title', max: 500 },
  ] as const)(
    'M35: two writers who together pass the $type $key’s limit keep it on the board, cut at the limit',
    ({ type, key, max }) => {
      const a = newTestBoard();
      const start = 'a'.repeat(max - 10);
      const id = a.board.run((tx) => tx.create(type, { x: 0, y: 0, [key]: start }), a.me);
      const b = forkPeer(a.doc, 'pierre');
      // Each within the limit (an emoji counts as one character, as the schema counts); together
      // one character past it. The cut keeps whole characters.
      a.board.run((tx) => tx.update(id, { [key]: `Vrai ${start}` }), a.me);
      b.board.run((tx) => tx.update(id, { [key]: `${start} ok 🙂🙂` }), b.me);
      sync(a.doc, b.doc);
      const merged = `Vrai ${start} ok 🙂🙂`;
      expect([...merged]).toHaveLength(max + 1);
      expect(String(storedRaw(a, id, key))).toBe(merged);
      for (const peer of [a, b]) {
        expect(textOf(peer.board.getShape(id))).toBe(`Vrai ${start} ok 🙂`);
        expect(peer.board.listShapes().map((shape) => shape.id)).toEqual([id]);
      }
      // The next edit writes what was read, changed: the stored text is back within the limit.
      a.board.run((tx) => tx.update(id, { [key]: `Vrai ${start} ok !` }), a.me);
      expect(String(storedRaw(a, id, key))).toBe(`Vrai ${start} ok !`);
    },
  );

  it('M10: only merged text is cut — a record with another prop past its limit stays unreadable', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Arrimage' }), a.me);
    a.doc.transact(() => shapesMapOf(a.doc)?.get(id)?.set('createdBy', 'x'.repeat(300)));
    expect(a.board.getShape(id)).toBeUndefined();
    a.board.run((tx) => tx.update(id, { text: 'y'.repeat(10_001) }), a.me);
    expect(a.board.getShape(id)).toBeUndefined();
  });

  it('M35: an edit is one splice — the rest of the text stays, a peer’s letters in it too', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Liens entre' }), a.me);
    const b = forkPeer(a.doc, 'pierre');
    // A corrects the middle word while B adds at the end.
    a.board.run((tx) => tx.update(id, { text: 'Liens forts entre' }), a.me);
    b.board.run((tx) => tx.update(id, { text: 'Liens entre organismes' }), b.me);
    sync(a.doc, b.doc);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Liens forts entre organismes' });
    expect(storedRaw(a, id, 'text')).toBeInstanceOf(Y.Text);
    // Other props stay plain values (M2).
    expect(storedRaw(a, id, 'color')).toBe('yellow');
  });

  it('M35: a legacy string reads as before; its first edit turns it into merged text', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    // A board stored before M35: the text is a plain string in the record.
    a.doc.transact(() => shapesMapOf(a.doc)?.get(id)?.set('text', 'Accompagnement'));
    expect(a.board.getShape(id)).toMatchObject({ text: 'Accompagnement' });
    expect(exportBoard(a.doc).shapes[0]).toMatchObject({ text: 'Accompagnement' });

    a.board.run((tx) => tx.update(id, { text: 'Accompagnement humain' }), a.me);
    expect(storedRaw(a, id, 'text')).toBeInstanceOf(Y.Text);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Accompagnement humain' });
    // From then on, it merges.
    const b = forkPeer(a.doc, 'pierre');
    typeInto(a, id, 'text', 'start', 'Un ');
    typeInto(b, id, 'text', 'end', ' et patient');
    sync(a.doc, b.doc);
    expect(b.board.getShape(id)).toMatchObject({ text: 'Un Accompagnement humain et patient' });
  });

  it('M35: an older client’s plain string over merged text reads fine, and merges again after', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Bon' }), a.me);
    const old = forkPeer(a.doc, 'old-phone');
    // An older client cached on a phone writes the whole string (M2 as it was).
    old.doc.transact(() => shapesMapOf(old.doc)?.get(id)?.set('text', 'Bon leadership'));
    sync(a.doc, old.doc);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Bon leadership' });
    expect(storedRaw(a, id, 'text')).toBe('Bon leadership');
    a.board.run((tx) => tx.update(id, { text: 'Bon leadership!' }), a.me);
    expect(storedRaw(a, id, 'text')).toBeInstanceOf(Y.Text);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Bon leadership!' });
  });

  it('M35: export → import keeps the text, and the imported board merges', () => {
    const a = newTestBoard();
    const ids = a.board.run(
      (tx) => [
        tx.create('carton', { x: 0, y: 0, title: 'Conditions de succès — Témiscouata' }),
        tx.create('note', { x: 10, y: 10, text: 'Financement systémique' }),
        tx.create('text', { x: 10, y: 300, text: 'Conditions souhaitées' }),
      ],
      a.me,
    );
    const file = exportBoard(a.doc);
    const doc = importBoard(file);
    expect(exportBoard(doc)).toEqual(file);
    const imported: TestBoard = { ...newTestBoard(), doc };
    for (const id of ids) {
      const key = id === ids[0] ? 'title' : 'text';
      expect(storedRaw(imported, id, key)).toBeInstanceOf(Y.Text);
    }
  });

  it('M35 (M14): undoing my typing takes back my letters, not those a co-writer typed meanwhile', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Bon leadership' }), a.me);
    const b = forkPeer(a.doc, 'pierre');
    const undoA = a.board.createUndoManager(a.me);
    typeInto(a, id, 'text', 'start', 'Un ');
    typeInto(b, id, 'text', 'end', ' partagé');
    sync(a.doc, b.doc);
    expect(undoA.undo()).toBe(true);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(id)).toMatchObject({ text: 'Bon leadership partagé' });
    }
    expect(undoA.redo()).toBe(true);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Un Bon leadership partagé' });
  });
});

import { describe, expect, it } from 'vitest';
import type { NoteShape } from './note.ts';
import { noteDefinition } from './note.ts';

const note: NoteShape = {
  id: 'shape:note',
  type: 'note',
  x: 100,
  y: 100,
  rotation: 0,
  index: 'a0',
  parentId: null,
  text: 'Concertation forte entre partenaires',
  color: 'yellow',
  w: 200,
  h: 150,
};

describe('note geometry', () => {
  it('M21: bounds are x, y, w, h', () => {
    expect(noteDefinition.bounds(note)).toEqual({ x: 100, y: 100, w: 200, h: 150 });
  });

  it('M21: hit-test respects rotation', () => {
    const turned = { ...note, rotation: Math.PI / 2 };
    // Rotated a quarter turn about (100, 100): the note now spans x -50..100, y 100..300.
    expect(noteDefinition.hitTest(turned, { x: 50, y: 250 }, 0)).toBe(true);
    expect(noteDefinition.hitTest(turned, { x: 250, y: 150 }, 0)).toBe(false);
    expect(noteDefinition.hitTest(note, { x: 250, y: 150 }, 0)).toBe(true);
  });

  it('M21: hit-test tolerance extends the box', () => {
    expect(noteDefinition.hitTest(note, { x: 305, y: 120 }, 4)).toBe(false);
    expect(noteDefinition.hitTest(note, { x: 305, y: 120 }, 6)).toBe(true);
  });

  it('M21: resize sets position and size, clamped to at least 1', () => {
    expect(noteDefinition.resize(note, { x: 10, y: 20, w: 300, h: 0 })).toEqual({
      x: 10,
      y: 20,
      w: 300,
      h: 1,
    });
  });

  it('M27: the colour comes from the named palette', () => {
    const record = { ...note, color: '#ff0000' };
    expect(noteDefinition.schema.safeParse(record).success).toBe(false);
    expect(noteDefinition.schema.safeParse({ ...note, color: 'pink' }).success).toBe(true);
  });
});

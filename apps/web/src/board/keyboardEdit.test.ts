import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import {
  arrowStep,
  KEY_STEP,
  KEY_STEP_BIG,
  MIN_KEY_SIZE,
  movedWords,
  nextScale,
  resizedBox,
  resizedWords,
  SCALE_STEP,
  scaledAboutCentre,
  smallestScale,
} from './keyboardEdit';

describe('moving the chosen shapes with the arrows', () => {
  it('steps in board units, Shift further; other keys do not move', () => {
    expect(arrowStep('ArrowRight', false)).toEqual({ x: KEY_STEP, y: 0 });
    expect(arrowStep('ArrowUp', true)).toEqual({ x: 0, y: -KEY_STEP_BIG });
    expect(arrowStep('n', false)).toBeNull();
  });

  it('says where the shapes went, in words, in French and English', async () => {
    const fr = await testTranslator('fr-CA');
    expect(movedWords(fr, { x: 30, y: 20 })).toBe(
      'Déplacement\u00a0: 30 vers la droite, 20 vers le bas',
    );
    expect(movedWords(fr, { x: 0, y: -10 })).toBe('Déplacement\u00a0: 10 vers le haut');
    expect(movedWords(fr, { x: 0, y: 0 })).toBe('Revenu à sa place');
    const en = await testTranslator('en');
    expect(movedWords(en, { x: -50, y: 0 })).toBe('Moved 50 left');
  });
});

describe('resizing the chosen shapes with Alt+arrows', () => {
  const box = { x: 100, y: 100, width: 200, height: 100 };

  it('Right and Down widen and heighten, Left and Up narrow, the corner stays', () => {
    expect(resizedBox(box, 'ArrowRight', false, false)).toEqual({ ...box, width: 210 });
    expect(resizedBox(box, 'ArrowUp', true, false)).toEqual({ ...box, height: 50 });
  });

  it('a note keeps its aspect, and nothing shrinks out of sight', () => {
    const note = { x: 0, y: 0, width: 200, height: 200 };
    expect(resizedBox(note, 'ArrowDown', false, true)).toEqual({
      ...note,
      width: 210,
      height: 210,
    });
    expect(resizedBox(note, 'ArrowLeft', false, true)).toEqual({
      ...note,
      width: 190,
      height: 190,
    });
    const tiny = { x: 0, y: 0, width: 25, height: 25 };
    expect(resizedBox(tiny, 'ArrowLeft', true, false).width).toBe(MIN_KEY_SIZE);
  });

  it('says the new size', async () => {
    const fr = await testTranslator('fr-CA');
    expect(resizedWords(fr, { x: 0, y: 0, width: 210.4, height: 209.6 })).toBe(
      'Taille\u00a0: 210 sur 210',
    );
  });
});

describe('« Agrandir » and « Réduire » (resizing without a drag, WCAG 2.5.7)', () => {
  it('scale the box about its centre: the centre stays where it was', () => {
    const note = { x: 100, y: 100, width: 200, height: 200 };
    expect(scaledAboutCentre(note, SCALE_STEP)).toEqual({ x: 75, y: 75, width: 250, height: 250 });
    expect(scaledAboutCentre(note, 1 / SCALE_STEP)).toEqual({
      x: 120,
      y: 120,
      width: 160,
      height: 160,
    });
  });

  it('one of each comes back to the same size; « Réduire » stops at the smallest', () => {
    const grown = nextScale(1, true, 0.1);
    expect(grown).toBe(SCALE_STEP);
    expect(nextScale(grown!, false, 0.1)).toBe(1);
    // 0.5 is the floor: 0.64 goes to 0.512, then 0.5, then no further.
    expect(nextScale(0.64, false, 0.5)).toBeCloseTo(0.512);
    expect(nextScale(0.512, false, 0.5)).toBe(0.5);
    expect(nextScale(0.5, false, 0.5)).toBeNull();
  });

  it('the smallest scale keeps every shape findable, a thin line by its length', () => {
    // A note of 200 stops at 20 across; a carton beside it is not the one that limits.
    expect(smallestScale([{ x: 0, y: 0, width: 200, height: 200 }])).toBeCloseTo(0.1);
    expect(
      smallestScale([
        { x: 0, y: 0, width: 200, height: 200 },
        { x: 0, y: 0, width: 800, height: 600 },
      ]),
    ).toBeCloseTo(MIN_KEY_SIZE / 200);
    // A drawn line 4 high and 300 long: its length limits it, not its thickness.
    expect(smallestScale([{ x: 0, y: 0, width: 300, height: 4 }])).toBeCloseTo(MIN_KEY_SIZE / 300);
    // Already at the smallest: it cannot be reduced.
    expect(smallestScale([{ x: 0, y: 0, width: MIN_KEY_SIZE, height: 40 }])).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import {
  arrowStep,
  KEY_STEP,
  KEY_STEP_BIG,
  MIN_KEY_SIZE,
  movedWords,
  resizedBox,
  resizedWords,
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

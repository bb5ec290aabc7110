import { describe, expect, it } from 'vitest';
import type { ArrangePlan } from '@carton/board';
import { testTranslator } from '../i18n/testTranslator';
import { arrangeWords } from './arrangeSelection';

const plan = (patch: Partial<ArrangePlan>): ArrangePlan => ({
  kind: 'left',
  outcome: 'arranged',
  arranged: ['shape:a', 'shape:b', 'shape:c'],
  locked: [],
  moves: [],
  ...patch,
});

const types: Record<string, string> = {
  'shape:a': 'note',
  'shape:b': 'note',
  'shape:c': 'note',
  'shape:d': 'carton',
};
const typeOf = (id: string) => types[id];

describe('what the live region says after « Aligner » (M34)', () => {
  it('counts the notes, or the shapes when not all are notes', async () => {
    const t = await testTranslator('fr-CA');
    expect(arrangeWords(t, plan({}), typeOf)).toBe('3 papillons alignés à gauche');
    expect(arrangeWords(t, plan({ kind: 'grid', arranged: ['shape:a', 'shape:d'] }), typeOf)).toBe(
      '2 éléments rangés en grille',
    );
    const en = await testTranslator('en');
    expect(arrangeWords(en, plan({ kind: 'distributeVertical' }), typeOf)).toBe(
      '3 notes distributed vertically',
    );
  });

  it('says what stayed because locked, and when everything chosen is locked', async () => {
    const t = await testTranslator('fr-CA');
    expect(arrangeWords(t, plan({ kind: 'top', locked: ['shape:d'] }), typeOf)).toBe(
      '3 papillons alignés en haut. 1 forme verrouillée reste en place.',
    );
    expect(
      arrangeWords(t, plan({ outcome: 'allLocked', arranged: [], locked: ['shape:a'] }), typeOf),
    ).toBe('Rien à aligner\u00a0: les formes choisies sont verrouillées.');
    expect(arrangeWords(t, plan({ kind: 'distributeHorizontal', outcome: 'tooFew' }), typeOf)).toBe(
      'Choisissez au moins trois formes non verrouillées pour les répartir',
    );
  });
});

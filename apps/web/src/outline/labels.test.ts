import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { NBSP } from '../i18n/typography';
import { countsLabel, entryLabel } from './labels';
import type { OutlineEntry } from './outline';

const note: OutlineEntry = {
  id: 'shape:transport',
  kind: 'note',
  text: 'Transport collectif\nabordable',
  locked: false,
  cartonTitle: 'Kamouraska',
};

describe('outline labels', () => {
  it('names the kind, the words and the carton, in French', async () => {
    const t = await testTranslator('fr-CA');
    expect(entryLabel(t, note)).toBe(
      `Papillon${NBSP}: Transport collectif abordable, dans Carton Kamouraska`,
    );
    expect(
      entryLabel(t, {
        ...note,
        kind: 'heading',
        text: '« Conditions présentes »',
        locked: true,
        cartonTitle: null,
      }),
    ).toBe(`Titre${NBSP}: « Conditions présentes », verrouillé`);
    expect(entryLabel(t, { ...note, text: ' ' })).toBe(
      `Papillon${NBSP}: vide, dans Carton Kamouraska`,
    );
  });
  it('speaks English too', async () => {
    const t = await testTranslator('en');
    expect(entryLabel(t, note)).toBe(
      'Sticky note: Transport collectif abordable, in carton Kamouraska',
    );
  });
  it('counts drawings and photos with the right plural', async () => {
    const fr = await testTranslator('fr-CA');
    expect(
      countsLabel(fr, [
        { kind: 'image', count: 1 },
        { kind: 'stroke', count: 2 },
      ]),
    ).toBe('1 photo, 2 dessins');
    const en = await testTranslator('en');
    expect(countsLabel(en, [{ kind: 'stroke', count: 1 }])).toBe('1 drawing');
  });
});

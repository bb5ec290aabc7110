import { describe, expect, it } from 'vitest';
import type { Shape } from '@carton/board';
import { testTranslator } from '../i18n/testTranslator';
import {
  describeFocus,
  describeSelection,
  describeShape,
  describeToggle,
} from './describeSelection';
import { describeDots } from '../forum/voteNews';

const base = { x: 0, y: 0, w: 200, h: 200, rotation: 0, parentId: null, index: 'a0' };
const note = (id: string, text: string) =>
  ({ ...base, id, type: 'note', text, color: 'yellow' }) as unknown as Shape;
const shapes = new Map<string, Shape>([
  ['n1', note('n1', 'Logement  abordable\npour les familles')],
  ['n2', note('n2', '')],
  [
    's1',
    { ...base, id: 's1', type: 'stamp', kind: 'heart', size: 64, color: 'red' } as unknown as Shape,
  ],
  ['c1', { ...base, id: 'c1', type: 'carton', title: 'Témiscouata' } as unknown as Shape],
]);
const get = (id: string) => shapes.get(id);

describe('describeSelection', () => {
  it('says a note’s dots while a vote is open, and how many are mine, in French and English', async () => {
    for (const [lang, words] of [
      ['fr-CA', ['aucun point', '1 point, dont 1 à vous', '3 points, dont 1 à vous', '2 points']],
      ['en', ['no dots', '1 dot, 1 yours', '3 dots, 1 yours', '2 dots']],
    ] as const) {
      const t = await testTranslator(lang);
      const dots = [describeDots(t, 0, 0), describeDots(t, 1, 1), describeDots(t, 3, 1)];
      // A count that lags my own dot by a moment is never said below mine.
      dots.push(describeDots(t, 2, 0));
      expect(dots).toEqual(words);
    }
    const t = await testTranslator('fr-CA');
    const said = describeSelection(t, ['n1'], get, ['c1', 'n1'], undefined, (id) =>
      id === 'n1' ? describeDots(t, 3, 1) : '',
    );
    expect(said).toBe(
      'Papillon adhésif jaune «\u00a0Logement abordable pour les familles\u00a0», 3 points, dont 1 à vous, 2 sur 2',
    );
  });

  it('says the kind, colour, text and place of one chosen note, in French', async () => {
    const t = await testTranslator('fr-CA');
    expect(describeSelection(t, ['n1'], get, ['c1', 'n1', 'n2'])).toBe(
      'Papillon adhésif jaune «\u00a0Logement abordable pour les familles\u00a0», 2 sur 3',
    );
  });

  it('says that a chosen shape is locked (M33), in French and English', async () => {
    const heading = {
      ...base,
      id: 't1',
      type: 'text',
      text: 'Conditions présentes',
      locked: true,
    } as unknown as Shape;
    const fr = await testTranslator('fr-CA');
    expect(describeSelection(fr, ['t1'], () => heading, ['t1', 'n1'])).toBe(
      'Texte «\u00a0Conditions présentes\u00a0», verrouillé, 1 sur 2',
    );
    const en = await testTranslator('en');
    expect(describeSelection(en, ['t1'], () => heading, [])).toMatch(/locked$/);
    expect(describeSelection(fr, ['n1'], get, [])).not.toMatch(/verrouillé/);
  });

  it('says that a note is empty, so a newcomer knows to write in it', async () => {
    const t = await testTranslator('fr-CA');
    expect(describeShape(t, get('n2')!)).toBe('Papillon adhésif jaune, vide');
    expect(describeShape(t, get('s1')!)).toBe('Tampon cœur');
    expect(describeShape(t, get('c1')!)).toBe('Carton «\u00a0Témiscouata\u00a0»');
  });

  it('counts several shapes and says when nothing is chosen', async () => {
    const t = await testTranslator('fr-CA');
    expect(describeSelection(t, ['n1', 'n2'], get, [])).toBe('2 formes sélectionnées');
    expect(describeSelection(t, [], get, [])).toBe('Aucune forme sélectionnée');
  });

  it('speaks English in English', async () => {
    const t = await testTranslator('en');
    expect(describeSelection(t, ['n2'], get, ['n2'])).toBe('Yellow sticky note, empty, 1 of 1');
  });

  it('cuts a long note short', async () => {
    const t = await testTranslator('fr-CA');
    const long = note('long', 'transport '.repeat(40));
    expect(describeShape(t, long).length).toBeLessThan(160);
    expect(describeShape(t, long)).toContain('…');
  });

  it("reads a note's votes, counted by kind", async () => {
    const t = await testTranslator('fr-CA');
    const votes = () => ['heart', 'star', 'heart'];
    expect(describeSelection(t, ['n1'], get, [], votes)).toBe(
      'Papillon adhésif jaune «\u00a0Logement abordable pour les familles\u00a0», 2 cœurs, 1 étoile',
    );
    const en = await testTranslator('en');
    expect(describeSelection(en, ['n2'], get, ['n2'], () => ['check'])).toBe(
      'Yellow sticky note, empty, 1 check mark, 1 of 1',
    );
  });
});

describe('choosing several shapes from the keyboard', () => {
  it('says what Shift+Enter did and how many are chosen, in French and English', async () => {
    const fr = await testTranslator('fr-CA');
    expect(describeToggle(fr, get('c1')!, 'kept', 1)).toBe(
      'Sélection commencée\u00a0: Carton «\u00a0Témiscouata\u00a0». Tab\u00a0: forme suivante, Maj+Entrée\u00a0: l’ajouter.',
    );
    expect(describeToggle(fr, get('n2')!, 'added', 2)).toBe(
      'Ajout à la sélection\u00a0: Papillon adhésif jaune, vide (2 formes sélectionnées)',
    );
    expect(describeToggle(fr, get('n2')!, 'removed', 1)).toBe(
      'Retrait de la sélection\u00a0: Papillon adhésif jaune, vide (1 forme sélectionnée)',
    );
    const en = await testTranslator('en');
    expect(describeToggle(en, get('s1')!, 'added', 3)).toBe(
      'Added to the selection: Heart stamp (3 shapes selected)',
    );
  });

  it('says where Tab went and whether that shape is chosen', async () => {
    const fr = await testTranslator('fr-CA');
    expect(describeFocus(fr, get('n2')!, false, ['c1', 'n1', 'n2'])).toBe(
      'Papillon adhésif jaune, vide, 3 sur 3, hors de la sélection',
    );
    expect(describeFocus(fr, get('c1')!, true, ['c1'])).toBe(
      'Carton «\u00a0Témiscouata\u00a0», 1 sur 1, dans la sélection',
    );
  });
});

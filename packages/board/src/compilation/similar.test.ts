// C9: ideas that very likely say the same thing, on the 2023 forum's own words (the seed's
// cartons and postcards, and the near-duplicates participants write on a forum day).
import { describe, expect, it } from 'vitest';
import { ideaKey } from './compile.ts';
import {
  ideaLikeness,
  ideaPairKey,
  ideaStems,
  MAX_SIMILAR_IDEAS,
  similarIdeas,
} from './similar.ts';

const ALIKE: [string, string][] = [
  ['Participation citoyenne', 'La participation citoyenne'],
  ['Participation citoyenne !', 'Participation'],
  ['Plaisir !', 'Du plaisir'],
  ['AVOIR DU PLAISIR\u202f!', 'Plaisir'],
  ['Bon leadership', 'Un bon leadership'],
  ['PÉRENNISER FINANCEMENT', 'Pérenniser le financement'],
  ['Accompagnement', 'L’accompagnement des personnes'],
  ['Accompagnement', 'Accompagnement des personnes citoyennes'],
  ['Rémunération pour les personnes citoyennes.', 'Rémunérer les personnes citoyennes'],
  ['Rémunération pour les personnes citoyennes', 'Rémunération des citoyen·nes'],
  ['Culture d’entraide et de collaboration', 'Culture entraide et collaboration'],
  ['Bonne communication', 'Bonne communication : franche, claire, respectueuse, écoute'],
  ['Processus légers et clairs', 'Processus légers'],
  ['Financement à la mission des organismes', 'Financement à la mission'],
  ['Implication des citoyen·nes touché·es', 'Implication citoyenne'],
  ['Accepter que ça prenne du temps', 'Accepter que les choses prennent du temps'],
  [
    'Accepter que les choses peuvent prendre du temps.',
    'Accepter que les choses prennent du temps',
  ],
  // A typo in a long word.
  ['Particpation citoyenne', 'Participation citoyenne'],
  ['Reconaissance du savoir d’expérience', 'Reconnaissance du savoir d’expérience'],
];

const APART: [string, string][] = [
  ['Conditions présentes', 'Conditions souhaitées'],
  ['Plaisir', 'Budget pour des activités informelles dans le plaisir'],
  ['Participation citoyenne', 'Vision claire et commune de la participation citoyenne'],
  ['Participation citoyenne', 'Accompagnement à la participation citoyenne'],
  ['Confiance', 'Souplesse et confiance dans la gestion locale'],
  ['Souplesse administrative', 'Souplesse et confiance dans la gestion locale'],
  ['Communication claire', 'Compréhension commune des enjeux'],
  ['Vision commune', 'Vision réaliste de notre réalité (grand territoire)'],
  ['Financement récurrent', 'Financement systémique'],
  ['Processus légers et clairs', 'PROCESSUS PAS TROP INSTITUTIONNEL'],
  ['Accompagnement', 'Agents d’accompagnement'],
  ['Transport collectif', 'Portes ouvertes sur le transport'],
  ['Moins de redditions de comptes', 'Moins de projets fragiles'],
  // Nothing but articles: no idea to compare.
  ['Les', 'Des'],
];

describe('C9: ideas that look alike', () => {
  it.each(ALIKE)('« %s » and « %s » look alike', (a, b) => {
    expect(ideaKey(a)).not.toBe(ideaKey(b)); // C1 keeps them apart
    expect(ideaLikeness(a, b)).not.toBeNull();
    expect(ideaLikeness(b, a)).toBe(ideaLikeness(a, b));
  });

  it.each(APART)('« %s » and « %s » do not', (a, b) => {
    expect(ideaLikeness(a, b)).toBeNull();
    expect(ideaLikeness(b, a)).toBeNull();
  });

  it('reads past articles, elision, partitives, plurals, case and accents', () => {
    expect(ideaStems('L’accompagnement des personnes')).toEqual(
      ideaStems('accompagnements personne'),
    );
    expect(ideaStems('De la participation d’abord')).toEqual(['particip', 'abord']);
    expect(ideaStems('Des enjeux')).toEqual(ideaStems('enjeu'));
    expect(ideaLikeness('La participation citoyenne', 'PARTICIPATION CITOYENNE')).toBe('same');
    expect(ideaLikeness('Accompagnement', 'Accompagnement des personnes')).toBe('contained');
  });

  it('lists pairs strongest first, in the list’s order, without those said different', () => {
    const items = [
      'Participation citoyenne',
      'Accompagnement',
      'Conditions présentes',
      'Conditions souhaitées',
      'Accompagnement des personnes citoyennes',
      'La participation citoyenne',
    ].map((text) => ({ key: ideaKey(text), text }));
    const keys = (pairs: ReturnType<typeof similarIdeas>) =>
      pairs.map((p) => [p.first, p.second, p.likeness]);
    expect(keys(similarIdeas(items))).toEqual([
      ['participation citoyenne', 'la participation citoyenne', 'same'],
      ['accompagnement', 'accompagnement des personnes citoyennes', 'contained'],
    ]);
    const distinct = new Set([
      ideaPairKey('accompagnement des personnes citoyennes', 'accompagnement'),
    ]);
    expect(keys(similarIdeas(items, distinct))).toEqual([
      ['participation citoyenne', 'la participation citoyenne', 'same'],
    ]);
    expect(ideaPairKey('b', 'a')).toBe(ideaPairKey('a', 'b'));
  });

  it('reads an idea by the ideas merged into it and by its notes’ words under a rewording', () => {
    const merged = {
      key: ideaKey('Accepter que ça prenne du temps'),
      text: 'Accepter que ça prenne du temps',
      mergedKeys: [ideaKey('Accepter que les choses prennent du temps')],
    };
    const other = 'Accepter que les choses peuvent prendre du temps.';
    expect(ideaLikeness(merged.text, other)).toBeNull();
    expect(similarIdeas([merged, { key: ideaKey(other), text: other }])).toEqual([
      { first: merged.key, second: ideaKey(other), likeness: 'overlap' },
    ]);
    // Reworded (C8): the facilitator's words share nothing with « Du plaisir », its key does.
    const reworded = { key: 'plaisir', text: 'Des rencontres où l’on a du plaisir ensemble' };
    expect(similarIdeas([reworded, { key: 'du plaisir', text: 'Du plaisir' }])).toEqual([
      { first: 'plaisir', second: 'du plaisir', likeness: 'same' },
    ]);
  });

  it('compares the list’s first MAX_SIMILAR_IDEAS ideas only, so a huge list stays usable', () => {
    // One writer's board of thousands of distinct notes: every pair compared at each change
    // froze the facilitator's page for most of a minute.
    const filler = (n: number) => ({ key: `idee ${n}`, text: `Idée ${n}` });
    const list = [
      ...Array.from({ length: MAX_SIMILAR_IDEAS - 1 }, (_, n) => filler(n)),
      { key: 'du plaisir', text: 'Du plaisir' },
      { key: 'plaisir', text: 'Plaisir !' },
    ];
    expect(similarIdeas(list)).toEqual([]);
    expect(similarIdeas(list.slice(1))).toEqual([
      { first: 'du plaisir', second: 'plaisir', likeness: 'same' },
    ]);
  });
});

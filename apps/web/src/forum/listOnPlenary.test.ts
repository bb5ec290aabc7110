import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import {
  keptTexts,
  placeErrorText,
  placedText,
  placedWords,
  type ListOnPlenary,
} from './listOnPlenary';

const result = (over: Partial<ListOnPlenary>): ListOnPlenary => ({
  boardId: 'plenary',
  areaId: 'shape:incontournables-x',
  added: 0,
  updated: 0,
  removed: 0,
  unchanged: 0,
  kept: [],
  ...over,
});

describe('« Mettre la liste sur la plénière » said to the facilitator', () => {
  it('what changed on the plenary, in French and English', async () => {
    const fr = await testTranslator('fr-CA');
    expect(placedText(result({ added: 12, updated: 1 }), fr)).toBe(
      'La liste est sur la plénière\u00a0: 12 idées ajoutées, 1 formulation mise à jour.',
    );
    expect(placedText(result({ unchanged: 12 }), fr)).toBe(
      'La liste sur la plénière était déjà à jour.',
    );
    const en = await testTranslator('en');
    expect(placedText(result({ added: 1, removed: 2 }), en)).toBe(
      'The list is on the plenary: 1 idea added, 2 ideas removed.',
    );
  });

  it('names the notes kept as they were, by reason', async () => {
    const fr = await testTranslator('fr-CA');
    const kept = result({
      kept: [
        { shapeId: 'a', text: 'Bon leadership partagé', reason: 'edited' },
        { shapeId: 'b', text: 'Plaisir', reason: 'dots' },
        { shapeId: 'c', text: 'Accompagnement', reason: 'dots' },
      ],
    });
    expect(keptTexts(kept, fr)).toEqual([
      '2 papillons gardés tels quels parce qu’ils ont déjà des points\u00a0: «\u00a0Plaisir\u00a0», «\u00a0Accompagnement\u00a0».',
      'Gardé tel quel parce que quelqu’un l’a modifié sur la plénière\u00a0: «\u00a0Bon leadership partagé\u00a0».',
    ]);
  });

  it('says why nothing was placed in plain words', async () => {
    const fr = await testTranslator('fr-CA');
    expect(placeErrorText(new ApiError(409, 'board_full', 'no room'), fr)).toMatch(
      /^La plénière est pleine/,
    );
    expect(placeErrorText(new ApiError(409, 'no_plenary', 'x'), fr)).toMatch(
      /pas de tableau de plénière/,
    );
    expect(placeErrorText(new ApiError(503, 'storage_unavailable', 'x'), fr)).toMatch(
      /rien n’a été ajouté/,
    );
    expect(placeErrorText(new ApiError(0, 'network', 'Failed to fetch'), fr)).toMatch(
      /^Le serveur ne répond pas/,
    );
  });

  it('tells a list placed alike from a changed one, whatever its order', () => {
    const list = [
      { key: 'participation citoyenne', text: 'Participation citoyenne' },
      { key: 'bon leadership', text: 'Bon leadership' },
      { key: 'plaisir', text: 'Plaisir' },
    ];
    const words = placedWords(list);
    // A vote reorders the list: the plenary holds the same notes.
    expect(placedWords([...list].reverse())).toBe(words);
    // Set aside, reworded, merged: another list.
    expect(placedWords(list.slice(0, 2))).not.toBe(words);
    expect(
      placedWords([list[0]!, { key: 'bon leadership', text: 'Bon leadership partagé' }, list[2]!]),
    ).not.toBe(words);
    expect(placedWords([{ key: 'x', text: 'ab' }])).not.toBe(
      placedWords([{ key: 'xa', text: 'b' }]),
    );
  });
});

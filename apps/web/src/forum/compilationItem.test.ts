import { describe, expect, it } from 'vitest';
import type { CompilationItem } from './api';
import { testTranslator } from '../i18n/testTranslator';
import {
  ideaLabel,
  ideaPlaces,
  listPlacing,
  setAsideChange,
  setAsideItems,
} from './compilationItem';

describe('ideaPlaces', () => {
  it('names the postcards for an idea no territory wrote, as the Markdown and CSV do', () => {
    expect(ideaPlaces({ territories: [], sources: ['Cartes postales'] })).toEqual([
      'Cartes postales',
    ]);
  });

  it('names every board of an idea written by a territory and on the postcards', () => {
    expect(
      ideaPlaces({ territories: ['Témiscouata'], sources: ['Témiscouata', 'Cartes postales'] }),
    ).toEqual(['Témiscouata', 'Cartes postales']);
  });

  it('keeps the territories when the server sent no sources', () => {
    expect(ideaPlaces({ territories: ['Kamouraska'], sources: [] })).toEqual(['Kamouraska']);
  });
});

describe('ideaLabel', () => {
  it('keeps a short idea whole', () => {
    expect(ideaLabel('Bon leadership')).toBe('Bon leadership');
  });

  it('cuts a long idea between two words and says so with « … »', () => {
    const question = 'Quelles conditions de succès ont mené à vos moments positifs\u202f?';
    expect(question.length).toBeGreaterThan(60);
    const label = ideaLabel(question);
    expect(label).toBe('Quelles conditions de succès ont mené à vos moments…');
    expect(label.length).toBeLessThanOrEqual(60);
  });

  it('cuts a long word-less text at the limit, still with « … »', () => {
    const label = ideaLabel('x'.repeat(80));
    expect(label).toBe(`${'x'.repeat(59)}…`);
  });
});

describe('setting an idea aside (C7)', () => {
  const question = {
    key: 'qu est ce qui est incontournable pour vous',
    text: 'Qu’est-ce qui est incontournable pour vous\u202f?',
    count: 7,
    territories: [],
    sources: [],
    votes: 0,
    notes: [],
    mergedKeys: [],
  };

  it('« Écarter » and « Remettre » change the idea by its key, as merges are kept', () => {
    expect(setAsideChange(question, true)).toEqual({ setAside: { [question.key]: true } });
    expect(setAsideChange(question, false)).toEqual({ setAside: { [question.key]: false } });
  });

  it('lists the ideas set aside, and none when the server sent no such list', () => {
    expect(setAsideItems({ setAside: [question] })).toEqual([question]);
    expect(setAsideItems({})).toEqual([]);
    expect(setAsideItems(null)).toEqual([]);
  });
});

describe('listPlacing', () => {
  const idea = (text: string, votes: number): CompilationItem => ({
    key: text.toLowerCase(),
    text,
    count: 1,
    territories: ['Kamouraska'],
    sources: ['Kamouraska'],
    votes,
    notes: [],
    mergedKeys: [],
  });
  const items = [
    idea('Transport', 3),
    idea('Participation', 2),
    idea('Leadership', 2),
    idea('Plaisir', 0),
    idea('Écoute', 0),
  ];
  const rankedBy = { voteId: 'v1', title: 'Les incontournables' };

  it('places the dotted ideas (ties share a place) and gives the others none', () => {
    const placing = listPlacing({ items, rankedBy })!;
    expect(placing.placed.map(({ item, place }) => [item.text, place])).toEqual([
      ['Transport', 1],
      ['Participation', 2],
      ['Leadership', 2],
    ]);
    expect(placing.undotted.map((item) => item.text)).toEqual(['Plaisir', 'Écoute']);
  });

  it('keeps the list’s own order while no vote placed it, or it gave the list no dot', () => {
    expect(listPlacing({ items, rankedBy: null })).toBeNull();
    expect(listPlacing({ items: items.map((i) => ({ ...i, votes: 0 })), rankedBy })).toBeNull();
    expect(listPlacing(null)).toBeNull();
  });

  it('says a place as an ordinal, in fr-CA and in English (the badge’s words for a screen reader)', async () => {
    const say = async (lng: 'fr-CA' | 'en') => {
      const t = await testTranslator(lng);
      return [1, 2, 3, 4, 11, 21, 22, 23].map((count) =>
        t('forumDay.compilation.place', { count, ordinal: true }),
      );
    };
    expect(await say('fr-CA')).toEqual([
      '1re place',
      '2e place',
      '3e place',
      '4e place',
      '11e place',
      '21e place',
      '22e place',
      '23e place',
    ]);
    expect(await say('en')).toEqual([
      '1st place',
      '2nd place',
      '3rd place',
      '4th place',
      '11th place',
      '21st place',
      '22nd place',
      '23rd place',
    ]);
  });
});

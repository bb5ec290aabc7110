import { describe, expect, it } from 'vitest';
import { topPlaces, voteLines, withPlaces } from './voteRanking';

const lines = (...dots: number[]) => dots.map((d, n) => ({ key: `k${n}`, dots: d }));

describe('vote ranking (V1 ideas)', () => {
  it('ranks ideas, not notes, when the server gives them', () => {
    const answer = {
      results: [
        {
          boardId: 'b1',
          shapeId: 's1',
          count: 3,
          text: 'Bon leadership',
          territory: 'Kamouraska',
          boardTitle: 'x',
        },
        {
          boardId: 'b2',
          shapeId: 's2',
          count: 2,
          text: 'Participation citoyenne',
          territory: null,
          boardTitle: 'Cartes postales',
        },
      ],
      ideas: [
        {
          key: 'participation citoyenne',
          text: 'Participation citoyenne',
          count: 9,
          sources: ['La Mitis', 'Cartes postales'],
          votes: 7,
        },
        {
          key: 'bon leadership',
          text: 'Bon leadership',
          count: 2,
          sources: ['Kamouraska'],
          votes: 3,
        },
      ],
    };
    expect(voteLines(answer)).toEqual([
      {
        key: 'participation citoyenne',
        text: 'Participation citoyenne',
        dots: 7,
        places: ['La Mitis', 'Cartes postales'],
      },
      { key: 'bon leadership', text: 'Bon leadership', dots: 3, places: ['Kamouraska'] },
    ]);
    // An older server: the notes, each with its board.
    expect(voteLines({ results: answer.results })?.map((l) => [l.text, l.dots, l.places])).toEqual([
      ['Bon leadership', 3, ['Kamouraska']],
      ['Participation citoyenne', 2, ['Cartes postales']],
    ]);
    expect(voteLines({ results: null, ideas: null })).toBeNull();
  });

  it('gives tied lines the same place, and the next its own count', () => {
    expect(withPlaces(lines(9, 7, 7, 7, 5, 3)).map((p) => p.place)).toEqual([1, 2, 2, 2, 5, 6]);
  });

  it('keeps every line tied with the last one shown', () => {
    const top = withPlaces(lines(9, 8, 7, 6, 5, 4, 4, 3, 3, 3, 3, 3, 2), 10);
    expect(top.map((p) => p.line.key)).toEqual([
      'k0',
      'k1',
      'k2',
      'k3',
      'k4',
      'k5',
      'k6',
      'k7',
      'k8',
      'k9',
      'k10',
      'k11',
    ]);
    expect(top.slice(-5).map((p) => p.place)).toEqual([8, 8, 8, 8, 8]);
    expect(withPlaces(lines(3, 2, 1), 10)).toHaveLength(3);
  });
  it('says a large tie at the end of the top in one line rather than listing it', () => {
    // Nine ideas above, then thirty at 1 point: the nine, and « 30 others at 1 point ».
    const many = lines(9, 8, 7, 6, 5, 4, 3, 3, 2, ...Array<number>(30).fill(1));
    const { top, tied } = topPlaces(many, 10, 15);
    expect(top.map((p) => p.place)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 9]);
    expect(tied).toEqual({ count: 30, dots: 1 });
    // A tie that fits is listed whole.
    expect(topPlaces(lines(9, 8, 7, 6, 5, 4, 4, 3, 3, 3, 3, 3, 2), 10, 15).tied).toBeNull();
    // Everyone tied: the first ten, and the others in one line.
    const flat = topPlaces(lines(...Array<number>(40).fill(1)), 10, 15);
    expect([flat.top.length, flat.tied]).toEqual([10, { count: 30, dots: 1 }]);
  });
});

// « Les incontournables » with the room's vote on the list placed on the plenary (server C10:
// the dots on a placed note count for the idea it was placed for), and an idea's words taken
// from most of its notes (C2).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../board/board.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';
import { compileIncontournables, type CompilationBoard } from './compile.ts';
import { listPlaces, toCsv, toMarkdown } from './format.ts';

function boardWith(boardId: string, territory: string, notes: string[]): CompilationBoard {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: territory, kind: 'territory' });
  const board = new Board(doc);
  board.run((tx) => {
    notes.forEach((text, n) => tx.create('note', { x: n * 10, y: 0, text }));
  }, SERVER_ORIGIN);
  return { boardId, title: territory, territory, shapes: board.listShapes() };
}

const noteOf = (board: CompilationBoard, text: string) =>
  `${board.boardId}/${board.shapes.find((s) => s.type === 'note' && s.text === text)!.id}`;

describe('C2: an idea’s words', () => {
  it('are the wording most of its notes use, not its first note’s; the key is unchanged', () => {
    const k = boardWith('k', 'Kamouraska', ['participation citoyenne', 'Participation citoyene']);
    const m = boardWith('m', 'La Mitis', ['Participation  citoyenne', 'participation citoyene!']);
    const r = boardWith('r', 'Rimouski', ['Participation citoyenne']);
    const items = compileIncontournables([k, m, r]);
    // Kamouraska's lowercase note came first; two notes (spacing collapsed) say it capitalized.
    // The typo's two notes are worded differently once each: the earliest.
    expect(items.map((i) => [i.key, i.text, i.count])).toEqual([
      ['participation citoyenne', 'Participation citoyenne', 3],
      ['participation citoyene', 'Participation citoyene', 2],
    ]);
  });

  it('go to the earliest wording on a tie, and give way to the facilitator’s (C8)', () => {
    const k = boardWith('k', 'Kamouraska', ['plaisir', 'Plaisir', 'PLAISIR', 'Plaisir', 'plaisir']);
    expect(compileIncontournables([k])[0]!.text).toBe('plaisir');
    const reworded = compileIncontournables([k], { wordings: { plaisir: 'Du plaisir' } })[0]!;
    expect(reworded).toMatchObject({ key: 'plaisir', text: 'Du plaisir', notesText: 'plaisir' });
  });
});

describe('C2 with C10: dots on the list’s notes on the plenary', () => {
  const k = boardWith('k', 'Kamouraska', ['Participation citoyenne', 'Bon leadership', 'Plaisir']);
  const m = boardWith('m', 'La Mitis', ['Participation citoyenne', 'Mobilisation']);
  const placed = {
    'plenary/shape:incontournable-aaaa': 'participation citoyenne',
    'plenary/shape:incontournable-bbbb': 'bon leadership',
    'plenary/shape:incontournable-cccc': 'plaisir',
    'plenary/shape:incontournable-dddd': 'mobilisation',
    'plenary/shape:incontournable-eeee': 'une idee effacee depuis',
  };

  it('count for the idea each note was placed for, once, beside its own notes’ dots', () => {
    const items = compileIncontournables([k, m], {
      voteTallies: [
        {
          title: 'Les incontournables',
          counts: {
            'plenary/shape:incontournable-bbbb': 5,
            'plenary/shape:incontournable-aaaa': 2,
            // The same vote gave the idea a dot on an original note too: each dot counts once.
            [noteOf(m, 'Participation citoyenne')]: 1,
            'plenary/shape:incontournable-cccc': 1,
            'plenary/shape:incontournable-eeee': 9,
          },
        },
      ],
      placedNotes: placed,
    });
    expect(items.map((i) => [i.text, i.votes, i.count, i.sources])).toEqual([
      ['Bon leadership', 5, 1, ['Kamouraska']],
      ['Participation citoyenne', 3, 2, ['Kamouraska', 'La Mitis']],
      ['Plaisir', 1, 1, ['Kamouraska']],
      ['Mobilisation', 0, 1, ['La Mitis']],
    ]);
    // The placed notes are not notes of the ideas (the list's copies of them).
    expect(items.flatMap((i) => i.notes).some((n) => n.startsWith('plenary/'))).toBe(false);
    expect(items[0]!.votesBy).toEqual([{ title: 'Les incontournables', votes: 5 }]);
    expect(listPlaces(items)).toEqual([1, 2, 3, 4]);
    const md = toMarkdown(items, 'Les incontournables');
    expect(md).toContain('\n1. **Bon leadership** — 1 fois · Kamouraska · 5 points\n');
    expect(md).toContain('\n2. **Participation citoyenne** — 2 fois · Kamouraska, La Mitis');
    expect(md).toContain('\n- **Mobilisation** — 1 fois · La Mitis · sans point\n');
    expect(toCsv(items)).toContain('\r\nBon leadership,1,Kamouraska,Kamouraska,5\r\n');
  });

  it('follow the idea into the one it was merged with, and are never counted without placedNotes', () => {
    const counts = {
      'plenary/shape:incontournable-dddd': 4,
      'plenary/shape:incontournable-aaaa': 1,
    };
    const merged = compileIncontournables([k, m], {
      merges: { mobilisation: 'participation citoyenne' },
      voteTallies: [{ title: 'Q', counts }],
      placedNotes: placed,
    });
    expect(merged[0]).toMatchObject({ key: 'participation citoyenne', votes: 5, count: 3 });
    const unplaced = compileIncontournables([k, m], { voteTallies: [{ title: 'Q', counts }] });
    expect(unplaced.every((item) => item.votes === 0)).toBe(true);
  });
});

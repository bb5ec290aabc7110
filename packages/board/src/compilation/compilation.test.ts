import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../board/board.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';
import type { CompilationBoard } from './compile.ts';
import {
  COMPILE_STEP,
  compileIncontournables,
  compileIncontournablesInSteps,
  ideaKey,
} from './compile.ts';
import { compilationHeading, listPlaces, toCsv, toMarkdown } from './format.ts';

function boardWith(
  boardId: string,
  territory: string | null,
  notes: string[],
  title = 'Conditions de succès',
): CompilationBoard {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, kind: territory ? 'territory' : 'postcards' });
  const board = new Board(doc);
  board.run((tx) => {
    notes.forEach((text, n) => tx.create('note', { x: n * 10, y: 0, text }));
    tx.create('text', { x: 0, y: 500, text: 'Conditions présentes' });
  }, SERVER_ORIGIN);
  return { boardId, title, territory, shapes: board.listShapes() };
}

describe('compilation « Les incontournables »', () => {
  it('C1: case, accents, spacing and punctuation are ignored', () => {
    expect(ideaKey('Participation citoyenne')).toBe('participation citoyenne');
    expect(ideaKey('  participation  citoyenne! ')).toBe('participation citoyenne');
    expect(ideaKey('Rémunération')).toBe(ideaKey('REMUNERATION.'));
    expect(ideaKey('Plaisir!')).not.toBe(ideaKey('Pratiques!'));
  });

  it('C1: invisible characters inside a word do not make another idea', () => {
    // Soft hyphen (a PDF's), zero-width space (a web page's), word joiner, a bidi override.
    for (const hidden of ['\u00ad', '\u200b', '\u2060', '\u202e']) {
      expect(ideaKey(`Partici${hidden}pation citoyenne`)).toBe('participation citoyenne');
    }
    // Spaces still part words, whatever their kind.
    expect(ideaKey('Participation\u00a0citoyenne')).toBe('participation citoyenne');
  });

  it('C2: identical ideas from two territories are one item with count 2', () => {
    const items = compileIncontournables([
      boardWith('k', 'Kamouraska', ['Participation citoyenne', 'Bon leadership', '   ']),
      boardWith('m', 'La Mitis', ['participation  citoyenne!']),
      boardWith('p', null, ['Accompagnement'], 'Cartes postales'),
    ]);
    expect(items.map((i) => [i.text, i.count, i.territories])).toEqual([
      ['Participation citoyenne', 2, ['Kamouraska', 'La Mitis']],
      ['Bon leadership', 1, ['Kamouraska']],
      ['Accompagnement', 1, []],
    ]);
    expect(items[2]!.sources).toEqual(['Cartes postales']);
  });

  it('compiled in steps: the same items, with a pause every COMPILE_STEP notes and items', async () => {
    const many = Array.from({ length: 2 * COMPILE_STEP + 500 }, (_, n) => `Idée ${n % 3000}`);
    const boards = [
      boardWith('k', 'Kamouraska', many.slice(0, COMPILE_STEP + 100)),
      boardWith('m', 'La Mitis', many.slice(COMPILE_STEP + 100)),
    ];
    const options = {
      merges: { 'idee 2': 'idee 1' },
      setAside: ['idee 3'],
      wordings: { 'idee 1': 'Idée un et deux' },
      voteTallies: [{ title: 'Incontournable ?', counts: { 'm/x': 2 } }],
    };
    let pauses = 0;
    const stepped = await compileIncontournablesInSteps(boards, options, async () => {
      pauses++;
    });
    expect(stepped).toEqual(compileIncontournables(boards, options));
    // 4,502 shapes (notes and two titles), then 2,999 items.
    expect(pauses).toBe(3);
  });

  it('C7: an item set aside is marked, and the downloads leave it out', () => {
    const k = boardWith('k', 'Kamouraska', [
      'Qu’est-ce qui est incontournable pour vous ?',
      'Implication citoyenne',
    ]);
    const m = boardWith('m', 'La Mitis', [
      'Qu’est-ce qui est incontournable pour vous ?',
      'Participation citoyenne',
    ]);
    const question = ideaKey('Qu’est-ce qui est incontournable pour vous ?');
    const items = compileIncontournables([k, m], { setAside: [question, 'gone from the boards'] });
    expect(items.map((i) => [i.text, i.setAside])).toEqual([
      ['Qu’est-ce qui est incontournable pour vous ?', true],
      ['Implication citoyenne', false],
      ['Participation citoyenne', false],
    ]);
    expect(toMarkdown(items)).not.toContain('incontournable pour vous');
    expect(toMarkdown(items)).toContain('Implication citoyenne');
    expect(toCsv(items).split('\r\n')).toEqual([
      'idee,fois,territoires,sources',
      'Implication citoyenne,1,Kamouraska,Kamouraska',
      'Participation citoyenne,1,La Mitis,La Mitis',
      '',
    ]);
  });

  it('C7: what is merged into an item set aside goes with it; a merged item’s own key counts for nothing', () => {
    const k = boardWith('k', 'Kamouraska', ['Question', 'Implication citoyenne']);
    const m = boardWith('m', 'La Mitis', ['La question', 'Participation citoyenne']);
    const items = compileIncontournables([k, m], {
      merges: { 'la question': 'question', 'implication citoyenne': 'participation citoyenne' },
      setAside: ['question', 'implication citoyenne'],
    });
    expect(items.map((i) => [i.text, i.count, i.setAside])).toEqual([
      ['Question', 2, true],
      ['Participation citoyenne', 2, false],
    ]);
  });

  it('C8: the facilitator’s words for an idea replace its notes’ words in the list and the files', () => {
    const k = boardWith('k', 'Kamouraska', ['Bonne communication', 'Bon leadership']);
    const p = boardWith('p', null, ['Écoute', 'bon leadership!'], 'Cartes postales');
    const words = 'Bonne communication : franche, claire, respectueuse, écoute';
    const items = compileIncontournables([k, p], {
      merges: { ecoute: 'bonne communication' },
      // A merged idea's own words count for nothing while the merge holds, as C7's keys.
      wordings: { 'bonne communication': words, ecoute: 'Écouter' },
    });
    expect(items.map((i) => [i.key, i.text, i.notesText, i.count])).toEqual([
      ['bonne communication', words, 'Bonne communication', 2],
      ['bon leadership', 'Bon leadership', undefined, 2],
    ]);
    expect(toMarkdown(items)).toContain(`\n1. **${words}** — 2 fois`);
    expect(toCsv(items).split('\r\n')[1]).toBe(
      `"${words}",2,Kamouraska,Kamouraska; Cartes postales`,
    );
  });

  it('C3: manual merges join items (chains followed, cycles harmless); C4 votes rank', () => {
    const k = boardWith('k', 'Kamouraska', ['Implication citoyenne', 'Processus légers et clairs']);
    const m = boardWith('m', 'La Mitis', ['Participation citoyenne', 'Plaisir!']);
    const plaisir = m.shapes.find((s) => s.type === 'note' && s.text === 'Plaisir!')!;
    const items = compileIncontournables([k, m], {
      merges: { 'implication citoyenne': 'participation citoyenne', a: 'b', b: 'a' },
      votes: { [`m/${plaisir.id}`]: 4 },
    });
    expect(items.map((i) => [i.text, i.count, i.votes])).toEqual([
      ['Plaisir!', 1, 4],
      ['Participation citoyenne', 2, 0],
      ['Processus légers et clairs', 1, 0],
    ]);
    expect(items[1]!.key).toBe('participation citoyenne');
    expect(items[1]!.territories).toEqual(['Kamouraska', 'La Mitis']);
  });

  it('C5: Markdown and CSV', () => {
    const items = compileIncontournables([
      boardWith('k', 'Kamouraska', ['Participation citoyenne', '=1+1']),
      boardWith('m', 'La Mitis', ['participation  citoyenne!', 'Communication: franche, claire']),
    ]);
    const md = toMarkdown(items, 'Les incontournables');
    expect(md).toContain('# Les incontournables\n');
    // French takes the singular for 1. No vote was held: no count (« 0 point » on every line
    // would read as « nobody wanted it »), no vote named.
    expect(md).toContain('\n1. **Participation citoyenne** — 2 fois · Kamouraska, La Mitis\n');
    expect(md).not.toMatch(/mention/);
    expect(md).toContain('\n2. **=1+1** — 1 fois · Kamouraska\n');
    expect(md).toContain('\n3. **Communication: franche, claire** — 1 fois · La Mitis\n');
    expect(md).not.toMatch(/vote/i);
    const csv = toCsv(items).split('\r\n');
    expect(csv[0]).toBe('idee,fois,territoires,sources');
    expect(csv[1]).toBe('Participation citoyenne,2,Kamouraska; La Mitis,Kamouraska; La Mitis');
    expect(csv).toContain("'=1+1,1,Kamouraska,Kamouraska");
    expect(csv).toContain('"Communication: franche, claire",1,La Mitis,La Mitis');
  });

  it('C5: once a vote gave dots, every line says its count; an idea without a dot says « sans point »', () => {
    const k = boardWith('k', 'Kamouraska', ['Participation citoyenne', 'Financement systémique']);
    const [participation] = k.shapes.filter((s) => s.type === 'note');
    const items = compileIncontournables([k], {
      voteTallies: [{ title: 'Nos priorités', counts: { [`k/${participation!.id}`]: 2 } }],
    });
    const md = toMarkdown(items, 'Les incontournables');
    expect(md).toContain('\n1. **Participation citoyenne** — 1 fois · Kamouraska · 2 points\n');
    // No place for it: the vote's ranking leaves it out, the list says it had none.
    expect(md).toContain(
      '2 points\n\n- **Financement systémique** — 1 fois · Kamouraska · sans point\n',
    );
    const csv = toCsv(items).split('\r\n');
    expect(csv[0]).toBe('idee,fois,territoires,sources,points');
    expect(csv).toContain('Financement systémique,1,Kamouraska,Kamouraska,0');
  });

  it('C2/C5: the dots of several votes: summed per item, said per question, votes named', () => {
    const k = boardWith('k', 'Kamouraska', ['Participation citoyenne', 'Financement systémique']);
    const [participation, financement] = k.shapes.filter((s) => s.type === 'note');
    const key = (shape: { id: string } | undefined) => `k/${shape!.id}`;
    const items = compileIncontournables([k], {
      voteTallies: [
        { title: 'Nos priorités', counts: { [key(participation)]: 2, [key(financement)]: 1 } },
        { title: 'Faciles à réaliser', counts: { [key(participation)]: 1 } },
        // A second vote on the same question (another round): its dots join the first's.
        { title: ' Nos priorités ', counts: { [key(financement)]: 3 } },
      ],
    });
    expect(items.map((i) => [i.text, i.votes, i.votesBy])).toEqual([
      ['Financement systémique', 4, [{ title: 'Nos priorités', votes: 4 }]],
      [
        'Participation citoyenne',
        3,
        [
          { title: 'Nos priorités', votes: 2 },
          { title: 'Faciles à réaliser', votes: 1 },
        ],
      ],
    ]);
    const md = toMarkdown(items, 'Les incontournables');
    expect(md).toContain(
      '_Votes\u00a0: «\u00a0Nos priorités\u00a0», «\u00a0Faciles à réaliser\u00a0»._\n',
    );
    expect(md).toContain(
      '\n2. **Participation citoyenne** — 1 fois · Kamouraska · 3 points (2 «\u00a0Nos priorités\u00a0», 1 «\u00a0Faciles à réaliser\u00a0»)',
    );
    expect(md).toContain('\n1. **Financement systémique** — 1 fois · Kamouraska · 4 points\n');
    const one = toMarkdown(
      compileIncontournables([k], {
        voteTallies: [{ title: 'Nos priorités', counts: { [key(participation)]: 1 } }],
      }),
    );
    expect(one).toContain('_Vote\u00a0: «\u00a0Nos priorités\u00a0»._');
    expect(one).toContain('Kamouraska · 1 point\n');
  });

  it('C5: the Markdown numbers its lines in the list’s order; once ranked by dots, ties share a place', () => {
    const k = boardWith('k', 'Kamouraska', [
      'Accompagnement',
      'Plaisir',
      'Bon leadership',
      'Écoute',
      'Respect',
    ]);
    const [accompagnement, plaisir, leadership] = k.shapes.filter((s) => s.type === 'note');
    // No vote: 1, 2, 3, 4, 5 though every idea came up once.
    expect(
      toMarkdown(compileIncontournables([k]))
        .split('\n')
        .filter((line) => /^\d/.test(line))
        .map((line) => line.split(' **')[0]),
    ).toEqual(['1.', '2.', '3.', '4.', '5.']);
    const key = (shape: { id: string } | undefined) => `k/${shape!.id}`;
    const items = compileIncontournables([k], {
      voteTallies: [
        {
          title: 'Nos priorités',
          counts: { [key(plaisir)]: 3, [key(accompagnement)]: 1, [key(leadership)]: 1 },
        },
      ],
    });
    expect(listPlaces(items)).toEqual([1, 2, 2, 4, 4]);
    const md = toMarkdown(items, 'Les incontournables');
    expect(md).toContain('\n1. **Plaisir** — 1 fois · Kamouraska · 3 points\n');
    expect(md).toContain('\n2. **Accompagnement** — 1 fois · Kamouraska · 1 point\n');
    expect(md).toContain('\n2. **Bon leadership** — 1 fois · Kamouraska · 1 point\n');
    // The ideas without a dot are not tied for the last place (« 4. » each): they have none.
    expect(md).toContain(
      ' 1 point\n\n- **Écoute** — 1 fois · Kamouraska · sans point\n' +
        '- **Respect** — 1 fois · Kamouraska · sans point\n',
    );
    expect(md).not.toMatch(/^4\./m);
  });

  it('C5: in English for an English page — English plurals, “quotes”, dots as the screens say', () => {
    const k = boardWith('k', 'Kamouraska', ['Participation citoyenne', 'Financement systémique']);
    const [participation] = k.shapes.filter((s) => s.type === 'note');
    const items = compileIncontournables([k], {
      voteTallies: [{ title: 'Our priorities', counts: { [`k/${participation!.id}`]: 1 } }],
    });
    const md = toMarkdown(items, undefined, 'en');
    expect(md).toContain(`# ${compilationHeading('en')}\n`);
    expect(md).toContain('# The must-haves\n');
    expect(md).toContain('_Vote: “Our priorities”._\n');
    expect(md).toContain('\n1. **Participation citoyenne** — 1 time · Kamouraska · 1 dot\n');
    expect(md).toContain('\n- **Financement systémique** — 1 time · Kamouraska · no dots\n');
    expect(md).not.toMatch(/[«»\u00a0]|\bvotes?\b/);
    expect(toMarkdown([], undefined, 'en')).toBe('# The must-haves\n\n_No notes yet._\n');
    expect(toCsv(items, 'en').split('\r\n')[0]).toBe('idea,times,territories,sources,dots');
  });
});

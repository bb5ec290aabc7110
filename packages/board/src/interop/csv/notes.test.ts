import { describe, expect, it } from 'vitest';
import { localOrigin } from '../../origin/origin.ts';
import type { NoteShape } from '../../shapes/note/note.ts';
import { newTestBoard } from '../../test/fixtures.ts';
import { InteropError } from '../errors.ts';
import { applyPlan } from '../plan/plan.ts';
import { fixtureBytes } from '../test-files.ts';
import { planNotesFromCsv } from './notes.ts';
import { detectSeparator, parseCsv } from './parse.ts';

function codeOf(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InteropError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('accepted');
}

describe('CSV parsing', () => {
  it('detects , ; and tab; quoted fields keep separators, quotes and newlines', () => {
    expect(detectSeparator('text,color\n')).toBe(',');
    expect(detectSeparator('"a,b";c;d\n')).toBe(';');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(detectSeparator('une seule colonne\n')).toBe(',');
    const rows = parseCsv('a;"b;""c""\r\nd";e\r\n\r\nf\r', ';');
    expect(rows).toEqual([
      { fields: ['a', 'b;"c"\r\nd', 'e'], line: 1 },
      { fields: ['f'], line: 4 },
    ]);
  });

  it('an unclosed quote is unterminated_quote at its line', () => {
    expect(codeOf(() => parseCsv('text\nok\n"jamais fermé\n', ','))).toEqual({
      code: 'unterminated_quote',
      path: 'line 3',
    });
  });
});

describe('sticky notes from CSV', () => {
  it('UTF-8 with BOM, CRLF, quoted newlines: notes in cartons by title, colours fr/hex', () => {
    const plan = planNotesFromCsv(fixtureBytes('csv/fixtures/alliance-utf8-bom.csv'));
    expect(plan).toMatchObject({ separator: ',', encoding: 'utf-8', notes: 5 });
    const notes = plan.shapes.filter((shape) => shape.type === 'note');
    expect(notes.map((note) => [note.props['text'], note.props['color']])).toEqual([
      ['Participation citoyenne', 'yellow'],
      ['Accompagnement', 'yellow'],
      ['RH à l’écoute des besoins des citoyens.nes et engagés', 'pink'],
      ['Vision réaliste de notre réalité\r\n(grand territoire)', 'blue'],
      ['Concertation forte, partage des savoirs', 'green'],
    ]);
    expect(plan.warnings.map((w) => [w.code, w.path])).toEqual([
      ['empty_row', 'line 7'],
      ['unknown_color', 'line 8'],
    ]);
    const cartons = plan.shapes.filter((shape) => shape.type === 'carton');
    expect(cartons.map((carton) => carton.props['title'])).toEqual(['Témiscouata', 'Kamouraska']);
    // Témiscouata's two notes sit inside it, in a grid; cartons are side by side.
    const temiscouata = cartons[0]!;
    const inside = notes.filter((note) => note.parentKey === temiscouata.key);
    expect(inside).toHaveLength(2);
    for (const note of inside) {
      expect(note.props.x).toBeGreaterThanOrEqual(temiscouata.props.x);
      expect(note.props.x + 200).toBeLessThanOrEqual(
        temiscouata.props.x + Number(temiscouata.props['w']),
      );
      expect(note.props.y + 200).toBeLessThanOrEqual(Number(temiscouata.props['h']));
    }
    expect(cartons[1]!.props.x).toBeGreaterThan(
      temiscouata.props.x + Number(temiscouata.props['w']),
    );
  });

  it('Excel in French: semicolons and Windows-1252 (é, ’) decoded', () => {
    const plan = planNotesFromCsv(fixtureBytes('csv/fixtures/excel-fr-windows-1252.csv'));
    expect(plan).toMatchObject({ separator: ';', encoding: 'windows-1252', notes: 3 });
    expect(plan.shapes.map((shape) => shape.props['text'] ?? shape.props['title'])).toEqual([
      'Processus légers et clairs',
      'La Mitis',
      'Financement systémique',
      'Alléger les critères; encourager l’initiative citoyenne',
    ]);
  });

  it('Miro-style export: tabs, Content / Sticky color / Frame columns', () => {
    const plan = planNotesFromCsv(fixtureBytes('csv/fixtures/miro-export.tsv'));
    expect(plan.separator).toBe('\t');
    expect(
      plan.shapes.map((s) => [s.type, s.props['text'] ?? s.props['title'], s.props['color']]),
    ).toEqual([
      ['carton', 'Incontournables', undefined],
      ['note', 'Bon leadership', 'yellow'],
      ['note', 'Accepter que les choses peuvent prendre du temps.', 'green'],
    ]);
  });

  it('a plain list (one column, no header) is one note per line', () => {
    const plan = planNotesFromCsv('Participation Citoyenne\nAccompagnement\nBon leadership\n');
    expect(plan.notes).toBe(3);
    expect(plan.shapes[2]?.props['text']).toBe('Bon leadership');
  });

  it('applied through Board commands: one run, existing carton of the same title reused', () => {
    const { board } = newTestBoard();
    const me = localOrigin('animatrice');
    const existing = board.run(
      (tx) => tx.create('carton', { x: 5000, y: 0, w: 1200, h: 800, title: 'KAMOURASKA' }),
      me,
    );
    const plan = planNotesFromCsv(fixtureBytes('csv/fixtures/alliance-utf8-bom.csv'), {
      cartons: [{ id: existing, title: 'KAMOURASKA', x: 5000, y: 0 }],
    });
    const ids = board.run((tx) => applyPlan(tx, plan, { offset: { x: 100, y: 100 } }), me);
    expect(ids.size).toBe(6); // 5 notes + the new Témiscouata carton
    const shapes = board.listShapes();
    expect(shapes.filter((shape) => shape.type === 'carton')).toHaveLength(2);
    const concertation = shapes.find(
      (shape): shape is NoteShape => shape.type === 'note' && shape.text.startsWith('Concertation'),
    );
    expect(concertation?.parentId).toBe(existing);
    expect(concertation?.x).toBe(5000 + 40 + 100);
  });

  it('refusals: empty, no text column, too many rows, too large', () => {
    expect(codeOf(() => planNotesFromCsv(new Uint8Array()))).toEqual({
      code: 'empty_file',
      path: '(file)',
    });
    expect(codeOf(() => planNotesFromCsv('\uFEFF \r\n'))).toMatchObject({ code: 'empty_file' });
    expect(codeOf(() => planNotesFromCsv('text;color\n;jaune\n'))).toMatchObject({
      code: 'empty_file',
    });
    expect(codeOf(() => planNotesFromCsv('nom,courriel\nMarie,m@x.ca\n'))).toEqual({
      code: 'no_text_column',
      path: 'line 1',
    });
    const many = `text\n${Array.from({ length: 12 }, (_, i) => `note ${i}`).join('\n')}\n`;
    expect(codeOf(() => planNotesFromCsv(many, { maxRows: 10 }))).toEqual({
      code: 'too_many_rows',
      path: 'line 12',
    });
    expect(codeOf(() => planNotesFromCsv('x'.repeat(6 * 1024 * 1024)))).toMatchObject({
      code: 'too_large',
    });
  });
});

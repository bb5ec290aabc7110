import { normalizeWord, noteColorOf } from '../colors.ts';
import type { InteropWarning } from '../errors.ts';
import { InteropError } from '../errors.ts';
import type { ImportPlan, PlannedShape } from '../plan/plan.ts';
import { decodeText } from '../text/decode.ts';
import type { CsvSeparator } from './parse.ts';
import { detectSeparator, parseCsv } from './parse.ts';

export const MAX_CSV_ROWS = 2_000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

// Header names, accents and case ignored: Carton's own `text,color,carton`, French, and what
// other boards export notes with (Miro: Content / Sticky color / Frame; others: Title, Body…).
const TEXT_COLUMNS = [
  'text',
  'texte',
  'content',
  'contenu',
  'note',
  'notes',
  'sticky_note',
  'sticky',
  'idea',
  'idee',
  'body',
  'message',
  'title',
  'titre',
];
const COLOR_COLUMNS = [
  'color',
  'colour',
  'couleur',
  'sticky_color',
  'background_color',
  'fill_color',
  'fill',
  'bg_color',
];
const CARTON_COLUMNS = [
  'carton',
  'frame',
  'cadre',
  'group',
  'groupe',
  'section',
  'category',
  'categorie',
  'column',
  'colonne',
  'theme',
];

const NOTE_SIZE = 200;
const GAP = 24;
const CARTON_PADDING = 40;
const CARTON_TITLE_BAND = 72;

export interface CsvNotesOptions {
  /** Cartons already on the board: notes for a carton of the same title go inside it. */
  readonly cartons?: readonly {
    readonly id: string;
    readonly title: string;
    readonly x: number;
    readonly y: number;
  }[];
  readonly maxRows?: number;
}

export interface CsvNotesPlan extends ImportPlan {
  readonly separator: CsvSeparator;
  readonly encoding: 'utf-8' | 'windows-1252';
  /** Notes planned (rows with text). */
  readonly notes: number;
}

function column(header: readonly string[], names: readonly string[]): number {
  const normalized = header.map(normalizeWord);
  for (const name of names) {
    const at = normalized.indexOf(name);
    if (at >= 0) return at;
  }
  return -1;
}

/** Columns × rows of notes, left to right, top to bottom. */
function grid(count: number): { columns: number; rows: number } {
  const columns = Math.min(10, Math.max(1, Math.ceil(Math.sqrt(count))));
  return { columns, rows: Math.ceil(count / columns) };
}

const cell = (i: number, columns: number) => ({
  dx: (i % columns) * (NOTE_SIZE + GAP),
  dy: Math.floor(i / columns) * (NOTE_SIZE + GAP),
});

/**
 * Sticky notes from a CSV file (bytes: UTF-8 with or without BOM, else Windows-1252; or
 * text): one note per row with text, its colour if given, inside the carton named in the
 * row (an existing carton of that title, or a new one sized to hold its notes). Notes without
 * a carton form a grid at (0, 0); new cartons sit to its right. The caller applies the plan
 * (applyPlan) with an offset, e.g. the centre of the view.
 */
export function planNotesFromCsv(
  input: string | Uint8Array,
  options: CsvNotesOptions = {},
): CsvNotesPlan {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_CSV_BYTES)
    throw new InteropError('too_large', `the file is larger than ${MAX_CSV_BYTES} bytes`);
  const decoded =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const }
      : decodeText(input);
  if (decoded.text.trim() === '') throw new InteropError('empty_file', 'the file is empty');
  const separator = detectSeparator(decoded.text);
  const maxRows = options.maxRows ?? MAX_CSV_ROWS;
  const rows = parseCsv(decoded.text, separator, maxRows + 1);
  const header = rows[0]?.fields ?? [];
  let textAt = column(header, TEXT_COLUMNS);
  let body = rows.slice(1);
  if (textAt < 0) {
    // One column and no known header: every line is a note (a list pasted from elsewhere).
    if (rows.every((row) => row.fields.length === 1)) {
      textAt = 0;
      body = rows;
    } else {
      throw new InteropError(
        'no_text_column',
        `no text column: the first line should name one (text, texte, content…); found ${header.map((h) => JSON.stringify(h)).join(', ')}`,
        'line 1',
      );
    }
  }
  if (body.length > maxRows) {
    throw new InteropError(
      'too_many_rows',
      `at most ${maxRows} notes at once`,
      `line ${body[maxRows]?.line ?? 0}`,
    );
  }
  const colorAt = textAt === 0 && body === rows ? -1 : column(header, COLOR_COLUMNS);
  const cartonAt = textAt === 0 && body === rows ? -1 : column(header, CARTON_COLUMNS);
  const warnings: InteropWarning[] = [];
  const loose: PlannedShape[] = [];
  const groups = new Map<string, { title: string; notes: PlannedShape[] }>();
  for (const row of body) {
    const text = (row.fields[textAt] ?? '').trim().slice(0, 10_000);
    if (text === '') {
      warnings.push({ code: 'empty_row', path: `line ${row.line}`, message: 'no text: skipped' });
      continue;
    }
    const colorText = colorAt >= 0 ? (row.fields[colorAt] ?? '').trim() : '';
    const color = colorText === '' ? 'yellow' : noteColorOf(colorText);
    if (color === null) {
      warnings.push({
        code: 'unknown_color',
        path: `line ${row.line}`,
        message: `unknown colour ${JSON.stringify(colorText)}: yellow`,
      });
    }
    const note: PlannedShape = {
      key: `note:${row.line}`,
      type: 'note',
      props: { x: 0, y: 0, text, color: color ?? 'yellow', w: NOTE_SIZE, h: NOTE_SIZE },
    };
    const title = cartonAt >= 0 ? (row.fields[cartonAt] ?? '').trim().slice(0, 500) : '';
    if (title === '') loose.push(note);
    else {
      const id = normalizeWord(title);
      const group = groups.get(id) ?? { title, notes: [] };
      group.notes.push(note);
      groups.set(id, group);
    }
  }
  const count = loose.length + [...groups.values()].reduce((n, g) => n + g.notes.length, 0);
  if (count === 0) throw new InteropError('empty_file', 'no row has text');

  const shapes: PlannedShape[] = [];
  const looseGrid = grid(loose.length);
  loose.forEach((note, i) => {
    const { dx, dy } = cell(i, looseGrid.columns);
    shapes.push({ ...note, props: { ...note.props, x: dx, y: dy } });
  });
  let nextX = loose.length > 0 ? looseGrid.columns * (NOTE_SIZE + GAP) + 2 * GAP : 0;
  const existing = new Map(
    (options.cartons ?? []).map((carton) => [normalizeWord(carton.title), carton]),
  );
  for (const [id, group] of groups) {
    const layout = grid(group.notes.length);
    const carton = existing.get(id);
    let origin: { x: number; y: number };
    let parent: Pick<PlannedShape, 'parentId' | 'parentKey'>;
    if (carton) {
      origin = { x: carton.x + CARTON_PADDING, y: carton.y + CARTON_TITLE_BAND + CARTON_PADDING };
      parent = { parentId: carton.id };
    } else {
      const key = `carton:${id}`;
      const w = CARTON_PADDING * 2 + layout.columns * (NOTE_SIZE + GAP) - GAP;
      const h = CARTON_TITLE_BAND + CARTON_PADDING * 2 + layout.rows * (NOTE_SIZE + GAP) - GAP;
      shapes.push({ key, type: 'carton', props: { x: nextX, y: 0, title: group.title, w, h } });
      origin = { x: nextX + CARTON_PADDING, y: CARTON_TITLE_BAND + CARTON_PADDING };
      parent = { parentKey: key };
      nextX += w + 2 * GAP;
    }
    group.notes.forEach((note, i) => {
      const { dx, dy } = cell(i, layout.columns);
      shapes.push({
        ...note,
        ...parent,
        props: { ...note.props, x: origin.x + dx, y: origin.y + dy },
      });
    });
  }
  return {
    shapes,
    pendingBlobs: [],
    warnings,
    separator,
    encoding: decoded.encoding,
    notes: count,
  };
}

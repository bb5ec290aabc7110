import type { Board } from '../board/board.ts';
import type { BoardTransaction } from '../commands/types.ts';
import type { BoardKind } from '../doc/layout.ts';
import type { Origin } from '../origin/origin.ts';
import type { InkColor } from '../shapes/common/palette.ts';
import {
  AGENDA,
  AGENDA_HEADING,
  AGENDA_TITLE,
  NOTES_HEADING,
  NOTES_SHEET_TITLE,
  POSTCARD_TEXT,
  QUESTIONS,
  QUESTIONS_INTRO,
  RULES,
  RULES_TITLE,
  TERRITORY_HEADINGS,
} from './text.ts';

/** Title of a territory's carton (and board): « Conditions de succès — <territoire> ». */
export const territoryCartonTitle = (territory: string): string =>
  `Conditions de succès — ${territory}`;

/**
 * The territory a board file's meta names: its `territory` (written since the board's row is
 * exported with it), else its title, as a territory board is titled with its carton's title
 * (T1): « Conditions de succès — Kamouraska » of kind `territory` is Kamouraska's. Null for any
 * other kind, or a title that does not follow the template.
 */
export function territoryOfBoardMeta(meta: {
  kind: string;
  title: string;
  territory?: unknown;
}): string | null {
  if (meta.kind !== 'territory') return null;
  if (typeof meta.territory === 'string') {
    const named = meta.territory.trim();
    if (named !== '' && named.length <= 80) return named;
  }
  const prefix = territoryCartonTitle('');
  if (!meta.title.startsWith(prefix)) return null;
  const territory = meta.title.slice(prefix.length).trim();
  // A territory's name is 1 to 80 characters (R24).
  return territory === '' || territory.length > 80 ? null : territory;
}

/** Blank postcards beside the one offered with empty notes. */
export const BLANK_POSTCARDS = 5;

// The model cannot measure text: heights are estimates the client re-measures on edit.
const LINE = 1.3;
function text(
  tx: BoardTransaction,
  parentId: string,
  at: { x: number; y: number; w: number },
  content: string,
  fontSize: number,
  color: InkColor = 'black',
  lines = content.split('\n').length,
  locked = false,
): string {
  return tx.create('text', {
    ...at,
    ...(locked ? { locked } : {}),
    parentId,
    text: content,
    fontSize,
    color,
    align: 'start',
    h: Math.ceil(lines * fontSize * LINE),
  });
}

function divider(
  tx: BoardTransaction,
  parentId: string,
  box: { x: number; y: number; w: number; h: number },
  locked = false,
): string {
  return tx.create('rect', {
    ...box,
    ...(locked ? { locked } : {}),
    parentId,
    color: 'grey',
    fill: 'solid',
    strokeWidth: 1,
  });
}

/**
 * T1: the territory's carton, like the photographed ones: two columns, hearts and stars.
 * The layout (carton, headings with their heart and star, divider) is locked (M33) so a
 * participant's drag or eraser does not take it apart; the notes are the participants'.
 */
function territory(tx: BoardTransaction, name: string): void {
  const locked = true;
  const carton = tx.create('carton', {
    x: 0,
    y: 0,
    w: 1600,
    h: 1000,
    title: territoryCartonTitle(name),
    locked,
  });
  const stamp = { size: 56, parentId: carton, locked };
  tx.create('stamp', { x: 50, y: 80, kind: 'heart', color: 'red', ...stamp });
  text(tx, carton, { x: 120, y: 84, w: 620 }, TERRITORY_HEADINGS.present, 44, 'red', 1, locked);
  divider(tx, carton, { x: 796, y: 70, w: 8, h: 890 }, locked);
  tx.create('stamp', { x: 850, y: 80, kind: 'star', color: 'orange', ...stamp });
  text(tx, carton, { x: 920, y: 84, w: 620 }, TERRITORY_HEADINGS.wished, 44, 'orange', 1, locked);
  tx.create('note', { x: 60, y: 190, text: '', color: 'pink', parentId: carton });
  tx.create('note', { x: 860, y: 190, text: '', color: 'yellow', parentId: carton });
}

/** T2: one postcard: message side (notes) left, address side with its stamp right. */
function postcard(tx: BoardTransaction, x: number, y: number, notes: number): void {
  const carton = tx.create('carton', { x, y, w: 1200, h: 800, title: POSTCARD_TEXT.title });
  text(tx, carton, { x: x + 40, y: y + 80, w: 600 }, POSTCARD_TEXT.prompt, 32, 'blue', 2);
  divider(tx, carton, { x: x + 676, y: y + 80, w: 6, h: 680 });
  tx.create('rect', {
    x: x + 1010,
    y: y + 80,
    w: 150,
    h: 170,
    parentId: carton,
    color: 'red',
    fill: 'none',
    strokeWidth: 4,
  });
  tx.create('stamp', {
    x: x + 1045,
    y: y + 125,
    kind: 'heart',
    size: 80,
    color: 'red',
    parentId: carton,
  });
  text(tx, carton, { x: x + 720, y: y + 90, w: 270 }, POSTCARD_TEXT.destination, 32, 'blue', 3);
  text(tx, carton, { x: x + 720, y: y + 420, w: 440 }, POSTCARD_TEXT.to, 28);
  for (let line = 0; line < 3; line++) {
    divider(tx, carton, { x: x + 720, y: y + 500 + line * 70, w: 440, h: 3 });
  }
  text(tx, carton, { x: x + 720, y: y + 720, w: 440 }, POSTCARD_TEXT.sender, 22, 'grey');
  for (let n = 0; n < notes; n++) {
    tx.create('note', {
      x: x + 40 + (n % 3) * 210,
      y: y + 220 + Math.floor(n / 3) * 230,
      w: 190,
      h: 190,
      text: '',
      color: 'yellow',
      parentId: carton,
    });
  }
}

function postcards(tx: BoardTransaction): void {
  postcard(tx, 0, 0, 3);
  for (let n = 1; n <= BLANK_POSTCARDS; n++) {
    postcard(tx, (n % 3) * 1300, Math.floor(n / 3) * 900, 0);
  }
}

/** T3: the plenary: the day's agenda, the rules, and the pairs' note sheet; room below for
 * the territories' cartons brought in (« Amener en plénière »). */
function plenary(tx: BoardTransaction): void {
  const agenda = tx.create('carton', { x: 0, y: 0, w: 900, h: 900, title: AGENDA_TITLE });
  text(tx, agenda, { x: 50, y: 80, w: 800 }, AGENDA_HEADING, 44);
  text(tx, agenda, { x: 50, y: 170, w: 800 }, AGENDA.map((item) => `• ${item}`).join('\n'), 32);

  const rules = tx.create('carton', { x: 1000, y: 0, w: 900, h: 900, title: RULES_TITLE });
  RULES.forEach((rule, n) => {
    tx.create('stamp', {
      x: 1050,
      y: 110 + n * 150,
      kind: 'check',
      size: 56,
      color: 'green',
      parentId: rules,
    });
    text(tx, rules, { x: 1130, y: 112 + n * 150, w: 720 }, rule, 40);
  });

  const sheet = tx.create('carton', { x: 2000, y: 0, w: 1300, h: 1300, title: NOTES_SHEET_TITLE });
  text(tx, sheet, { x: 2040, y: 80, w: 1220 }, QUESTIONS_INTRO, 26, 'grey', 3);
  text(tx, sheet, { x: 2040, y: 200, w: 1220 }, QUESTIONS.map((q) => `• ${q}`).join('\n'), 28);
  text(tx, sheet, { x: 2040, y: 700, w: 1220 }, NOTES_HEADING, 36, 'blue');
  for (let n = 0; n < 4; n++) {
    tx.create('note', {
      x: 2040 + n * 300,
      y: 780,
      w: 260,
      h: 260,
      text: '',
      color: 'green',
      parentId: sheet,
    });
  }
}

/**
 * T0: writes a new board's starting content from the seed, in ONE `board.run` with `origin`
 * (the server's at forum creation). Returns nothing; the board must be initialised (M1).
 */
export function applyBoardTemplate(
  board: Board,
  kind: BoardKind,
  context: { territory: string | null },
  origin: Origin,
): void {
  board.run((tx) => {
    if (kind === 'territory') territory(tx, context.territory ?? '');
    else if (kind === 'postcards') postcards(tx);
    else plenary(tx);
  }, origin);
}

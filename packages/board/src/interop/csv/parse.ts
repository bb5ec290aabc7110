import { InteropError } from '../errors.ts';

export type CsvSeparator = ',' | ';' | '\t';

/**
 * The separator of the first line, counted outside quotes: Excel in French writes `;`, most
 * tools `,`, copies from a spreadsheet tabs. A single-column file has none: `,`.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [CsvSeparator, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

export interface CsvRow {
  readonly fields: string[];
  /** 1-based line where the row starts (for messages). */
  readonly line: number;
}

/**
 * RFC 4180, leniently: quoted fields may hold separators, newlines and doubled quotes; CRLF,
 * LF or CR end rows; blank lines are skipped. Stops after `maxRows` rows (the caller refuses).
 */
export function parseCsv(text: string, separator: CsvSeparator, maxRows = Infinity): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]?.trim() !== '') rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length && rows.length <= maxRows; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) {
    throw new InteropError(
      'unterminated_quote',
      `a quoted field opened on line ${quoteLine} never closes`,
      `line ${quoteLine}`,
    );
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

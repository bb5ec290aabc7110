// What `carton` prints of text it did not write itself — forum and board titles from the
// database or an archive, an archive's entry names in its refusals, a database's error — goes
// to an operator's terminal. A control character there is an instruction, not text: ESC
// sequences can clear or rewrite the screen, \r can overprint a line, and bidi overrides
// (U+202E …) can show a name reversed, disguising it. Each is printed as its escape instead.

/**
 * C0 controls (with \t, \n, \r and ESC), DEL, C1 controls, the bidi marks, embeddings,
 * overrides and isolates (U+061C, U+200E–200F, U+202A–202E, U+2066–2069) and the Unicode
 * line and paragraph separators.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (char: string) =>
  `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every character that would act on a terminal written as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}

/** The same, line by line: the line breaks of a multi-line message (a stack) stay. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * JSON for the terminal: JSON.stringify escapes C0 controls already, but writes C1 controls,
 * bidi characters and separators raw. Their `\uXXXX` escapes are the same JSON value (its own
 * line breaks are layout: a string holds none raw).
 */
export function printableJson(value: unknown): string {
  return printableLines(JSON.stringify(value, null, 2));
}

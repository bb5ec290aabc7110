// Finding words on the board as a French speaker types them: without accents, capitals or
// ligatures (« securite » finds « Sécurité », « oeuvre » finds « main-d’œuvre »), and the
// places found in the original words, to highlight them.
import type { Outline, OutlineEntry } from './outline';

/** A range [start, end) of UTF-16 positions in an entry's original text. */
export interface MatchRange {
  readonly start: number;
  readonly end: number;
}

/** Letters that decomposition leaves whole, written as a person without the key types them. */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '‐': '-',
  '‑': '-',
  '–': '-',
  '—': '-',
};

/** One character as search compares it: lower case, no accents, ligatures spelled out. */
function foldChar(char: string): string {
  const lower = char.toLocaleLowerCase('fr');
  const spelled = LIGATURES[lower];
  if (spelled !== undefined) return spelled;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Folded text, with where each folded character came from in the original. */
export interface FoldedText {
  readonly text: string;
  /** For folded position i: the original's [from[i], to[i]). */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/**
 * `text` folded for search: accents, capitals and ligatures removed, and every run of spaces
 * (no-break ones, line breaks) made one plain space, so « Conditions\u00a0présentes » and a
 * query typed with a plain space meet.
 */
export function foldForSearch(text: string): FoldedText {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const code = text.charCodeAt(i);
    // Plain ASCII (most of any note) folds without normalize() or a regular expression: a
    // 10,000-shape board is folded in a few milliseconds.
    if (code < 128) {
      i += 1;
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (out.endsWith(' ')) {
          to[to.length - 1] = i;
          continue;
        }
        out += ' ';
      } else out += String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
      from.push(start);
      to.push(i);
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? code);
    i += char.length;
    if (/\s/u.test(char)) {
      if (out.endsWith(' ')) {
        to[to.length - 1] = i;
        continue;
      }
      out += ' ';
      from.push(start);
      to.push(i);
      continue;
    }
    const folded = foldChar(char);
    for (const unit of folded) {
      out += unit;
      from.push(start);
      to.push(i);
    }
  }
  return { text: out, from, to };
}

/** The query as search compares it; empty when there is nothing to look for. */
export function foldQuery(query: string): string {
  return foldForSearch(query).text.trim();
}

/** Every place `folded` (a folded query) occurs in `text`, as ranges of the original. */
export function findRanges(text: string, folded: string): MatchRange[] {
  return folded ? rangesIn(foldForSearch(text), text.length, folded) : [];
}

function rangesIn(haystack: FoldedText, length: number, folded: string): MatchRange[] {
  const ranges: MatchRange[] = [];
  let at = haystack.text.indexOf(folded);
  while (at >= 0) {
    const last = at + folded.length - 1;
    const start = haystack.from[at] ?? 0;
    const end = haystack.to[last] ?? length;
    ranges.push({ start, end });
    at = haystack.text.indexOf(folded, at + folded.length);
  }
  return ranges;
}

/**
 * Each entry's words folded once: entries keep their identity while their words do not change
 * (reuseEntries), so a keystroke searches folded text instead of folding the board again.
 */
const foldedEntries = new WeakMap<OutlineEntry, FoldedText>();

function foldedOf(entry: OutlineEntry): FoldedText {
  let folded = foldedEntries.get(entry);
  if (!folded) {
    folded = foldForSearch(entry.text);
    foldedEntries.set(entry, folded);
  }
  return folded;
}

/**
 * Folds every entry's words ahead of the first keystroke (called when the browser is idle after
 * the panel opens or the outline changes): on a big board that keystroke otherwise folds them all.
 */
export function prepareSearch(outline: Outline): void {
  for (const entry of outline.entries) foldedOf(entry);
}

/**
 * The entries whose words hold the query, in reading order. Only whether each entry matches:
 * where (matchRanges) is worked out for the lines drawn, a page of a keystroke's thousands of
 * matches on a big board.
 */
export function searchOutline(outline: Outline, query: string): OutlineEntry[] {
  const folded = foldQuery(query);
  const found: OutlineEntry[] = [];
  if (!folded) return found;
  for (const entry of outline.entries) {
    if (foldedOf(entry).text.includes(folded)) found.push(entry);
  }
  return found;
}

/** The ranges last found in each entry and the query they were for. */
const lastRanges = new WeakMap<OutlineEntry, { folded: string; ranges: readonly MatchRange[] }>();

/**
 * Where `folded` (a folded query) occurs in `entry`'s words. The same entry and query give the
 * same array back, so its line is not drawn again.
 */
export function matchRanges(entry: OutlineEntry, folded: string): readonly MatchRange[] {
  const last = lastRanges.get(entry);
  if (last?.folded === folded) return last.ranges;
  const ranges = rangesIn(foldedOf(entry), entry.text.length, folded);
  lastRanges.set(entry, { folded, ranges });
  return ranges;
}

/** Characters of a long text shown before its first match, so the match is in sight. */
const EXCERPT_BEFORE = 30;
/** A match starting past this many characters may be below a line's three lines: cut before. */
const EXCERPT_FROM = 70;
/** At most this much of a note is shown after the cut. */
const EXCERPT_LENGTH = 240;

/**
 * A note whose first match lies far in, shown from a little before it (« …le besoin = filet de
 * sécurité »): the list shows three lines of each note, and the highlight must be among them.
 */
export function excerpt(
  text: string,
  ranges: readonly MatchRange[],
): { text: string; ranges: MatchRange[] } {
  const first = ranges[0];
  if (!first || first.start <= EXCERPT_FROM) {
    return { text, ranges: [...ranges] };
  }
  let start = first.start - EXCERPT_BEFORE;
  const space = text.indexOf(' ', start);
  if (space >= 0 && space < first.start) start = space + 1;
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  const shown = `…${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return {
    text: shown,
    ranges: ranges
      .filter((r) => r.start >= start && r.end <= end)
      .map((r) => ({ start: r.start - start + 1, end: r.end - start + 1 })),
  };
}

/** `text` cut into plain and highlighted pieces, in order. */
export function splitByRanges(
  text: string,
  ranges: readonly MatchRange[],
): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

/** The match after (1) or before (-1) `current`, wrapping around; -1 means none chosen yet. */
export function stepMatch(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

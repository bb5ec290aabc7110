// Note layout, shared by the editor (measuring with the browser's canvas) and the SVG renderer
// (measuring with the bundled font's advance widths), so a note wraps the same way in both.
export type MeasureWidth = (text: string, fontSize: number) => number;

export const LINE_HEIGHT = 1.2;

/** One drawn line, and what the break after it took away (so lines + rests give the text back). */
export interface WrappedLine {
  /** The line as drawn: no break space at its end; a hyphen it broke after stays on it. */
  readonly text: string;
  /** The spaces the break dropped after the line, plus '\n' at a paragraph's end ('' if none). */
  readonly rest: string;
}

export interface TextLayout {
  readonly lines: readonly WrappedLine[];
  /** True if some word had to be cut between two letters: no space or hyphen let it fit. */
  readonly forced: boolean;
}

// Where a line may break, as CSS's default line breaking (UAX #14) does in the editor's textarea:
// at an ordinary space (dropped), after « ! » or « ? » before a letter, and after a hyphen inside
// a word (kept at the end of the line:
// « Rivière-du- / Loup »), the Unicode hyphen U+2010 and the en dash (« 10– / 12 », Chromium does
// too). Never before a hyphen, never after a non-breaking hyphen (U+2011) or a slash (« et/ou »,
// « projets/actions » stay whole, as in the textarea), never at a no-break space (French
// punctuation, see keepPunctuationAttached).
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';
const isHyphen = (ch: string | undefined) => ch === '-' || ch === '\u2010' || ch === '\u2013';

/** Whether a line may end right after chars[i], a hyphen inside a word. */
function breaksAfterHyphen(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1];
  const after = chars[i + 1];
  if (!isHyphen(chars[i]) || before === undefined || after === undefined) return false;
  // A leading hyphen (a bullet, a minus sign « -5 ») is not inside a word; before a space or
  // another hyphen the break comes later.
  return !isSpace(before) && !isSpace(after) && !isHyphen(after);
}

/**
 * Whether a line may end right after chars[i], a « ! » or « ? » followed by a letter or digit
 * (« Quoi?Pourquoi? »): CSS's line breaking (UAX #14, class EX) breaks there, so the textarea
 * does. Never before one (« quoi ?! » stays whole), nor before a closing « » » or a comma.
 */
function breaksAfterExclamation(chars: readonly string[], i: number): boolean {
  const after = chars[i + 1];
  return (
    (chars[i] === '!' || chars[i] === '?') && after !== undefined && /[\p{L}\p{N}]/u.test(after)
  );
}

/** A paragraph cut where it may break: each piece's word, then the spaces after it. */
function pieces(paragraph: string): { word: string; gap: string }[] {
  const chars = Array.from(paragraph);
  const out: { word: string; gap: string }[] = [];
  let word = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isSpace(ch) && !/^[ \t]*$/u.test(word)) {
      let gap = ch;
      while (isSpace(chars[i + 1])) gap += chars[++i];
      out.push({ word, gap });
      word = '';
    } else {
      // Spaces that open a paragraph stay with its first word (nothing to break after).
      word += ch;
      if (breaksAfterHyphen(chars, i) || breaksAfterExclamation(chars, i)) {
        out.push({ word, gap: '' });
        word = '';
      }
    }
  }
  if (word !== '' || out.length === 0) out.push({ word, gap: '' });
  return out;
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;
const graphemes = (text: string) =>
  segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);

/**
 * `word` (wider than the line) cut between graphemes: each part the widest that fits, at least
 * one grapheme (or a too-narrow box would never end); the last part is what is left. The first
 * guess comes from the word's average grapheme width, so each probe measures about one line and
 * a very long word is cut in linear time.
 */
function cutWord(word: string, width: number, fontSize: number, measure: MeasureWidth): string[] {
  const parts = graphemes(word);
  const n = parts.length;
  const perLine = Math.max(1, Math.ceil((n * width) / measure(word, fontSize)));
  const out: string[] = [];
  let start = 0;
  while (start < n) {
    const fits = (end: number) => measure(parts.slice(start, end).join(''), fontSize) <= width;
    let low = start + 1; // taken even if it does not fit
    let high = n + 1; // the first end known not to fit
    let probe = Math.min(n, start + perLine);
    while (probe > low) {
      if (!fits(probe)) {
        high = probe;
        break;
      }
      low = probe;
      probe = Math.min(n, probe + (probe - start));
    }
    while (high - low > 1) {
      const mid = (low + high) >>> 1;
      if (fits(mid)) low = mid;
      else high = mid;
    }
    out.push(parts.slice(start, low).join(''));
    start = low;
  }
  return out;
}

/**
 * The note's and text's line layout, measured with `measure`: each line takes as many pieces
 * (words, or parts of a hyphenated word up to their hyphen) as fit, so a line ends at a space or
 * right after a hyphen. A piece wider than the line alone is cut between letters at the widest
 * start that fits (the last resort, `forced`). Explicit line breaks are kept.
 */
export function layoutText(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureWidth,
): TextLayout {
  const lines: WrappedLine[] = [];
  let forced = false;
  const paragraphs = text.split('\n');
  paragraphs.forEach((paragraph, index) => {
    const end = index < paragraphs.length - 1 ? '\n' : '';
    if (measure(paragraph, fontSize) <= width) {
      const kept = paragraph.trimEnd();
      lines.push({ text: kept, rest: paragraph.slice(kept.length) + end });
      return;
    }
    let line = '';
    let gap = '';
    let open = false; // a line is being filled
    const all = pieces(paragraph);
    for (let i = 0; i < all.length; i++) {
      const piece = all[i]!;
      if (open) {
        const longer = line + gap + piece.word;
        if (measure(longer, fontSize) <= width) {
          line = longer;
          gap = piece.gap;
          continue;
        }
        lines.push({ text: line, rest: gap });
      }
      let word = piece.word;
      gap = piece.gap;
      if (measure(word, fontSize) > width) {
        // The last resort, as the textarea's overflow-wrap: break-word takes it: the piece
        // alone (up to its hyphen) is cut between letters, each line as full as it can be, and
        // what is left of it starts a line the next pieces may join (« Anticonstitutionnellem /
        // ent- / intergouvernementalisa / tion »).
        forced = true;
        const parts = cutWord(word, width, fontSize, measure);
        word = parts.pop() ?? '';
        for (const part of parts) lines.push({ text: part, rest: '' });
      }
      line = word;
      open = true;
    }
    lines.push({ text: line, rest: gap + end });
  });
  return { lines, forced };
}

/** The lines of layoutText, as drawn. */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureWidth,
): string[] {
  return layoutText(text, width, fontSize, measure).lines.map((line) => line.text);
}

/**
 * The lines a box of `height` shows, as Konva's Text with a fixed height keeps them: the first
 * line always, then each next line only while one more line box still fits. Lines past the box
 * are dropped whole (the canvas draws none of them), so a note too full even at the minimum
 * font size shows the same lines in the export as on the canvas.
 */
export function linesThatFit(lines: readonly string[], lineBox: number, height: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    kept.push(line);
    used += lineBox; // summed line by line, as Konva does, so rounding agrees with the canvas
    if (used + lineBox > height) break;
  }
  return kept;
}

/**
 * The largest whole font size (maxSize…minSize) at which the note's text fits the box with no
 * word cut between letters: each line ends at a space or after a hyphen (« Accompagne- / moi ! »),
 * every piece, with the punctuation keepPunctuationAttached holds to it (« : ; ! ? »), fits the
 * width, and the lines fit the height. Only when even minSize cannot hold a piece is it cut
 * (layoutText's last resort). Text is taken as stored or already passed through
 * keepPunctuationAttached (the same result: it is applied here).
 */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  measure: MeasureWidth,
  maxSize = 36,
  minSize = 8,
): number {
  if (!text.trim()) return maxSize;
  const shown = keepPunctuationAttached(text);
  // The pieces a line may hold (words, hyphenated parts) do not change with the size: one wider
  // than the box rules a size out at once, before the layout (and its cutting between letters,
  // the costly last resort) is worked out — notes are fitted by the thousand in an export.
  const words = shown
    .split('\n')
    .flatMap((paragraph) => pieces(paragraph).map((piece) => piece.word))
    .filter((word) => word.trim() !== '');
  const fits = (size: number) => {
    if (!words.every((word) => measure(word, size) <= width)) return false;
    const { lines, forced } = layoutText(shown, width, size, measure);
    return !forced && lines.length * size * LINE_HEIGHT <= height;
  };
  let lo = minSize;
  let hi = maxSize;
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * For display only (as the editor does): a space before ; : ! ? » or after « becomes a
 * no-break space, so wrapping never leaves French punctuation alone at a line start.
 */
export function keepPunctuationAttached(text: string): string {
  return text
    .replace(/ ([;!?])/gu, '\u202F$1')
    .replace(/ ([:»])/gu, '\u00A0$1')
    .replace(/« /gu, '«\u00A0');
}

/** One line cut to `width` with an ellipsis (carton titles). */
export function ellipsize(text: string, width: number, fontSize: number, measure: MeasureWidth) {
  if (measure(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('')}…`, fontSize) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

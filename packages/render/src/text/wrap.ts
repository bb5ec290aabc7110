// Note layout, shared by the editor (measuring with the browser's canvas) and the SVG renderer
// (measuring with the bundled font's advance widths), so a note wraps the same way in both.
export type MeasureWidth = (text: string, fontSize: number) => number;

export const LINE_HEIGHT = 1.2;

// Where a line may break: after an ordinary space or a hyphen, as Konva's Text does with
// wrap="word" (the canvas), so the export breaks lines where the canvas does. No-break spaces
// (French punctuation, see keepPunctuationAttached) hold their neighbours together.
const isBreak = (ch: string | undefined) => ch === ' ' || ch === '-';
const isBlank = (ch: string | undefined) => ch !== undefined && ch.trim() === '';

/**
 * Konva's word wrap (wrap="word"), measured with `measure`: each line is the longest prefix that
 * fits, cut back to its last space or hyphen; a word wider than the line is broken by
 * characters at the widest prefix that fits (at least one character per line).
 */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureWidth,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (measure(paragraph, fontSize) <= width) {
      lines.push(paragraph.trimEnd());
      continue;
    }
    const chars = Array.from(paragraph);
    const slice = (from: number, to: number) => chars.slice(from, to).join('');
    let start = 0;
    while (start < chars.length) {
      // The longest prefix that fits (widths grow with length): binary search.
      let low = start + 1; // at least one character, or a too-narrow box would never end
      let high = chars.length + 1;
      while (high - low > 1) {
        const mid = (low + high) >>> 1;
        if (measure(slice(start, mid), fontSize) <= width) low = mid;
        else high = mid;
      }
      if (low < chars.length && !isBreak(chars[low])) {
        let back = low - 1;
        while (back >= start && !isBreak(chars[back])) back--;
        if (back >= start) low = back + 1;
      }
      lines.push(slice(start, low).trimEnd());
      start = low;
      while (start < chars.length && isBlank(chars[start])) start++;
    }
  }
  return lines;
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
 * word broken: every word, with the punctuation keepPunctuationAttached holds to it (« : ; ! ? »),
 * fits the width, and the wrapped lines fit the height. Only when even minSize cannot hold a
 * word does wrapText break it. Text is taken as stored or already passed through
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
  // Words as the reader sees them: a hyphenated name (« Bas-Saint-Laurent ») is one word too.
  const words = shown.split(/[ \n]+/u).filter((word) => word.trim() !== '');
  const fits = (size: number) =>
    words.every((word) => measure(word, size) <= width) &&
    wrapText(shown, width, size, measure).length * size * LINE_HEIGHT <= height;
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

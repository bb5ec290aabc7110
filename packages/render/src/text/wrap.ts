// Note layout, shared by the editor (measuring with the browser's canvas) and the SVG renderer
// (measuring with the bundled font's advance widths), so a note wraps the same way in both.
export type MeasureWidth = (text: string, fontSize: number) => number;

export const LINE_HEIGHT = 1.2;

/** Greedy word wrap; a word longer than the line is broken by characters. */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureWidth,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Only ordinary spaces break lines; no-break spaces (French punctuation) hold words together.
    for (const word of paragraph.split(/([ \t]+)/u)) {
      if (word === '') continue;
      const candidate = line + word;
      if (measure(candidate.trimEnd(), fontSize) <= width) {
        line = candidate;
        continue;
      }
      if (line === '') {
        // A single word wider than the line: break it.
        let piece = '';
        for (const ch of word) {
          if (measure(piece + ch, fontSize) > width && piece) {
            lines.push(piece);
            piece = '';
          }
          piece += ch;
        }
        line = piece;
        continue;
      }
      lines.push(line.trimEnd());
      line = /^[ \t]+$/u.test(word) ? '' : word;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The largest whole font size (maxSize…minSize) at which the wrapped text fits the box. */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  measure: MeasureWidth,
  maxSize = 36,
  minSize = 8,
): number {
  if (!text.trim()) return maxSize;
  let lo = minSize;
  let hi = maxSize;
  const words = text.split(/[ \t\n]+/u).filter(Boolean);
  const fits = (size: number) =>
    // A word is never broken while a smaller size would keep it whole.
    words.every((w) => measure(w, size) <= width) &&
    wrapText(text, width, size, measure).length * size * LINE_HEIGHT <= height;
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

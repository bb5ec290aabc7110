// The words found by « Contenu »'s search, painted with the CSS Custom Highlight API: each line's
// text stays one text node, and a keystroke moves ranges instead of making and laying out new
// <mark> elements in every line drawn (which was most of the first keystroke's cost on a big
// board). Browsers without the API get the <mark> elements (OutlineItem).
import type { MatchRange } from './search';

/** The name the stylesheet paints: `::highlight(outline-match)` (outline.css). */
const NAME = 'outline-match';

/** Whether this browser paints named highlights. */
export const paintsHighlights: boolean =
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

let shared: Highlight | null = null;

/**
 * Paints `ranges` of `node`'s text; returns what takes them off again. Every line's ranges go in
 * one highlight, registered while it holds any.
 */
export function paintMatches(node: Text, ranges: readonly MatchRange[]): () => void {
  if (!paintsHighlights || ranges.length === 0) return () => {};
  const length = node.data.length;
  // Static ranges: a live Range is kept up to date by every change to the document, and a new set
  // of them is made whenever the line's words or the query change anyway.
  const painted = ranges.flatMap(({ start, end }) =>
    start < end && end <= length
      ? [
          new StaticRange({
            startContainer: node,
            startOffset: start,
            endContainer: node,
            endOffset: end,
          }),
        ]
      : [],
  );
  if (shared === null) {
    shared = new Highlight();
    CSS.highlights.set(NAME, shared);
  }
  const highlight = shared;
  for (const range of painted) highlight.add(range);
  return () => {
    for (const range of painted) highlight.delete(range);
    if (highlight.size === 0 && shared === highlight) {
      CSS.highlights.delete(NAME);
      shared = null;
    }
  };
}

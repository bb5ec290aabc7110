// One line of « Contenu »: a real button (Enter, Space, a click or a tap go to the shape),
// named for a screen reader with its kind, words and carton. Memoised on its entry, which
// keeps its identity while unchanged, so a remote edit re-renders only the line it touched.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { paintMatches, paintsHighlights } from './highlight';
import { entryLabel, entryWords, plainTranslate } from './labels';
import type { OutlineEntry } from './outline';
import { excerpt, splitByRanges, type MatchRange } from './search';

interface Props {
  entry: OutlineEntry;
  /** The panel's `t` (a hook per line cost as much as the rest of a line's render). */
  translate: Parameters<typeof plainTranslate>[0];
  ranges: readonly MatchRange[] | undefined;
  current: boolean;
  onActivate: (id: string) => void;
}

const NO_RANGES: readonly MatchRange[] = [];

export const OutlineItem = memo(function OutlineItem({
  entry,
  translate,
  ranges = NO_RANGES,
  current,
  onActivate,
}: Props) {
  // What does not depend on the search, worked out once per entry: a keystroke redraws every
  // line in sight with new highlights, and the translations were most of a line's cost.
  const named = useMemo(() => {
    const t = plainTranslate(translate);
    return {
      label: entryLabel(t, entry),
      kind: entry.kind === 'carton' ? t('a11y.kind.carton') : t(`outline.kind.${entry.kind}`),
      words: entry.text.trim() ? null : entryWords(t, entry),
    };
  }, [translate, entry]);
  const shown = useMemo(
    () => (named.words === null ? excerpt(entry.text, ranges) : { text: named.words, ranges: [] }),
    [named.words, entry.text, ranges],
  );
  const words = useRef<HTMLSpanElement>(null);
  // The words found painted over the line's one text node (highlight.ts), where the browser can.
  useLayoutEffect(() => {
    const node = words.current?.firstChild;
    return node instanceof Text ? paintMatches(node, shown.ranges) : undefined;
  }, [shown]);
  return (
    <button
      type="button"
      className="outline-item"
      data-id={entry.id}
      data-kind={entry.kind}
      aria-label={named.label}
      aria-current={current ? 'true' : undefined}
      onClick={() => onActivate(entry.id)}
    >
      <span className="outline-kind" aria-hidden="true">
        {named.kind}
      </span>{' '}
      {/* The space keeps « Papillon » and its words apart in the button's visible text, which
          voice control matches against its name (WCAG 2.5.3): « Papillonvide » matched nothing. */}
      <span className="outline-words" ref={words}>
        {paintsHighlights
          ? shown.text
          : splitByRanges(shown.text, shown.ranges).map((piece, i) =>
              piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
            )}
      </span>
    </button>
  );
});

// « Ces idées se ressemblent » (C9): the merges a facilitator would very likely make, a few at
// a time, each with « Fusionner » and « Non, elles sont différentes ». A long forum compiles
// into a hundred ideas; finding « Du plaisir » for « Plaisir ! » among them by hand took most of
// the twenty minutes before the plenary.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ideaLabel } from './compilationItem';
import type { SuggestedMerge } from './similarChoice';

/** Suggestions shown before « Afficher les autres »: enough to work through, not a second list. */
const SHOWN = 8;

export function SimilarIdeas({
  suggestions,
  onMerge,
  onDistinct,
}: {
  suggestions: readonly SuggestedMerge[];
  onMerge: (suggestion: SuggestedMerge) => void;
  onDistinct: (suggestion: SuggestedMerge) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  // The row last acted on. Once it is gone (merged, said different), the focus it held goes on to
  // the suggestion now in its place: it fell to the page's top, and a keyboard user working
  // through the suggestions tabbed down the whole page again for each one.
  const acted = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const at = acted.current;
    if (at === null || (document.activeElement && document.activeElement !== document.body)) return;
    acted.current = null;
    const rows = list.current?.querySelectorAll('li');
    rows?.[Math.min(at, rows.length - 1)]?.querySelector('button')?.focus();
  }, [suggestions]);
  if (suggestions.length === 0) return null;
  const shown = all ? suggestions : suggestions.slice(0, SHOWN);
  const idea = (item: SuggestedMerge['target']) => (
    <span className="similar-idea">
      «&nbsp;{item.text}&nbsp;»{' '}
      <span className="item-count">{t('forum.compilation.count', { count: item.count })}</span>
    </span>
  );
  return (
    <section className="similar-ideas" aria-labelledby="similar-ideas-title">
      <h3 id="similar-ideas-title">
        {t('forumDay.compilation.similarTitle', { count: suggestions.length })}
      </h3>
      <p className="hint">{t('forumDay.compilation.similarHint')}</p>
      <ul ref={list}>
        {shown.map((s, index) => {
          const names = { target: ideaLabel(s.target.text), source: ideaLabel(s.source.text) };
          return (
            <li key={s.pair} data-pair={s.pair}>
              <span className="similar-pair">
                {idea(s.target)} <span aria-hidden="true">≈</span> {idea(s.source)}
              </span>
              <span className="forum-row">
                <button
                  type="button"
                  aria-label={t('forumDay.compilation.similarMergeLabel', names)}
                  onClick={() => {
                    acted.current = index;
                    onMerge(s);
                  }}
                >
                  {t('forumDay.compilation.similarMerge')}
                </button>
                <button
                  type="button"
                  aria-label={t('forumDay.compilation.similarDistinctLabel', names)}
                  onClick={() => {
                    acted.current = index;
                    onDistinct(s);
                  }}
                >
                  {t('forumDay.compilation.similarDistinct')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {suggestions.length > SHOWN && (
        <button type="button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all
            ? t('forumDay.compilation.similarFewer')
            : t('forumDay.compilation.similarMore', { count: suggestions.length - SHOWN })}
        </button>
      )}
    </section>
  );
}

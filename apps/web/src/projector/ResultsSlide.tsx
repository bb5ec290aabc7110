// « Résultats du vote » on the projector: the closed vote's top ideas (V1 `ideas`: the same idea
// on several notes added up, as « Les incontournables » rank it), ties at the same place and
// never cut at the 10th.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchVote } from '../forum/api';
import { topPlaces, voteLines, type RankedLine } from '../forum/voteRanking';
import { useFitList } from './fitList';
import { RESULTS_SHOWN } from './voteSlides';

/** Most lines on the slide: past it, the ideas tied with the 10th are said in one line. */
const RESULTS_MOST = 15;

/**
 * The ranked lines of a closed vote, fetched once it closes and again when the facilitator
 * merges ideas or sets one aside (`compiledAt`): duplicates seen on the results slide are often
 * merged right then, and the slide kept the old ranking until the page was reloaded.
 */
export function useVoteResults(
  forumId: string | null,
  token: string,
  voteId: string | null,
  compiledAt: number | null,
): RankedLine[] | null {
  const [results, setResults] = useState<{ voteId: string; list: RankedLine[] } | null>(null);
  useEffect(() => {
    if (!forumId || !voteId) return;
    let alive = true;
    fetchVote(forumId, token, voteId).then(
      (answer) => {
        const list = voteLines(answer);
        if (alive && list) setResults({ voteId, list });
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [forumId, token, voteId, compiledAt]);
  return results && results.voteId === voteId ? results.list : null;
}

export function ResultsSlide({
  title,
  results,
}: {
  title: string;
  results: readonly RankedLine[];
}) {
  const { t } = useTranslation();
  const { top, tied } = topPlaces(results, RESULTS_SHOWN, RESULTS_MOST);
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // As large as the slide holds it whole (it was 32 px at most, half the slide left empty).
  useFitList(box, list, results);
  return (
    <section ref={box} className="projector-results" aria-label={t('projector.results')}>
      <h2>{t('projector.resultsOf', { title })}</h2>
      {results.length === 0 ? (
        <p>{t('forum.votes.noDots')}</p>
      ) : (
        <ol ref={list}>
          {top.map(({ line, place }) => (
            <li key={line.key} value={place}>
              <span className="result-text">{line.text ?? t('forumDay.vote.goneNote')}</span>
              {line.places.length > 0 && (
                <span className="result-territory">{line.places.join(', ')}</span>
              )}
              <span className="result-count">{t('forum.votes.dots', { count: line.dots })}</span>
            </li>
          ))}
          {tied && (
            <li className="results-tied">
              {t('projector.moreTied', {
                count: tied.count,
                dots: t('forum.votes.dots', { count: tied.dots }),
              })}
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

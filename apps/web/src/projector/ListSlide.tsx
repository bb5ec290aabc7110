// « Les incontournables » on the projector, a page at a time: what the facilitator showed the room
// by projecting the forum page, whose top holds the facilitator link (full access to the forum) in
// large type. This slide shows the list and nothing else: no link, no token.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCompilation, type CompilationItem } from '../forum/api';
import { answerOrder } from '../forum/answerOrder';
import { FORUM_REREAD_MS } from '../forum/refreshWhenBack';
import type { RankedLine } from '../forum/voteRanking';
import { useFitList } from './fitList';
import { listPage, listPageCount, projectedList, type ProjectedList } from './listSlides';

/**
 * The compiled list (the boards the facilitator compiled, her merges, words and ideas set
 * aside), fetched again whenever « Les incontournables » change (`compiledAt`, the forum room's
 * compilation.updatedAt) — a merge made on the forum page shows without a reload. While the list
 * is on screen (`following`) it is also read every FORUM_REREAD_MS, as the forum page reads it:
 * a participant correcting a note's words changes no room here, and the projected words stayed
 * the old ones until some change to the list. Null until read, and for a link that may not read
 * it (only the facilitator's may: C6).
 */
export function useCompiledList(
  forumId: string | null,
  token: string,
  compiledAt: number | null,
  following = false,
): CompilationItem[] | null {
  const [items, setItems] = useState<{ forumId: string; list: CompilationItem[] } | null>(null);
  // Each read numbered: an older answer arriving last does not put older words back.
  const [answers] = useState(answerOrder);
  const read = useCallback(
    (id: string, alive: () => boolean) => {
      const fresh = answers.ask();
      fetchCompilation(id, token).then(
        (answer) => alive() && fresh() && setItems({ forumId: id, list: answer.items }),
        () => undefined, // a view link (403) or the server away: no list slides, or the last ones
      );
    },
    [answers, token],
  );
  useEffect(() => {
    if (!forumId) return;
    let alive = true;
    read(forumId, () => alive);
    return () => {
      alive = false;
    };
  }, [forumId, read, compiledAt]);
  useEffect(() => {
    if (!forumId || !following) return;
    let alive = true;
    const timer = setInterval(() => read(forumId, () => alive), FORUM_REREAD_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [forumId, read, following]);
  return items && items.forumId === forumId ? items.list : null;
}

/** The list ranked by a closed vote's lines (V1 ideas, by idea key) when there are some. */
export function useProjectedList(
  items: readonly CompilationItem[] | null,
  ranking: readonly RankedLine[] | null,
): ProjectedList | null {
  return useMemo(() => {
    if (!items) return null;
    const dots = ranking ? new Map(ranking.map((line) => [line.key, line.dots])) : null;
    return projectedList(items, dots);
  }, [items, ranking]);
}

export function ListSlide({
  list,
  page,
  voteTitle,
}: {
  list: ProjectedList;
  page: number;
  /** The vote whose dots rank the list, named under the title. */
  voteTitle: string | null;
}) {
  const { t } = useTranslation();
  const pages = listPageCount(list.lines.length);
  // The same page's lines between renders: the fit below (a forced layout per step) ran again at
  // each render of the projector, so at every dot placed during an open vote.
  const { shown, after } = useMemo(() => listPage(list.lines, page), [list.lines, page]);
  const box = useRef<HTMLElement>(null);
  const ol = useRef<HTMLOListElement>(null);
  useFitList(box, ol, shown);
  return (
    <section
      ref={box}
      className="projector-results projector-list"
      aria-label={t('projector.list.title')}
      data-page={page}
      data-ranked={list.ranked}
    >
      <h2>
        {t('projector.list.title')}
        {pages > 1 && (
          <span className="list-page">
            {' '}
            {t('projector.list.page', { n: page + 1, count: pages })}
          </span>
        )}
      </h2>
      {list.ranked && voteTitle !== null && (
        <p className="list-ranked-by">{t('projector.list.rankedBy', { title: voteTitle })}</p>
      )}
      <ol ref={ol}>
        {shown.map(({ line, place }) => (
          <li key={line.key} value={place} data-key={line.key}>
            <span className="result-text">{line.text}</span>
            <span className="result-territory">
              {[t('forum.compilation.count', { count: line.count }), line.places.join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {/* « 0 point » in a dark badge read as « nobody wanted it »: the place says it. */}
            {line.dots !== null && line.dots > 0 && (
              <span className="result-count">{t('forum.votes.dots', { count: line.dots })}</span>
            )}
          </li>
        ))}
      </ol>
      {after > 0 && <p className="list-after">{t('projector.list.after', { count: after })}</p>}
    </section>
  );
}

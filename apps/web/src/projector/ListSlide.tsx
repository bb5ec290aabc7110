// « Les incontournables » on the projector, a page at a time: what the facilitator showed the room
// by projecting the forum page, whose top holds the facilitator link (full access to the forum) in
// large type. This slide shows the list and nothing else: no link, no token.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCompilation, type Compilation } from '../forum/api';
import { answerOrder } from '../forum/answerOrder';
import { FORUM_REREAD_MS } from '../forum/refreshWhenBack';
import { useFitList } from './fitList';
import {
  afterKey,
  listPage,
  listPageCount,
  listToProject,
  type ListLine,
  type ProjectedList,
} from './listSlides';

/** The list read, and whether it was read after the vote that ranks it closed. */
export type CompiledList = Compilation & { readonly readAfterClose: boolean };

/**
 * The compiled list (the boards the facilitator compiled, her merges, words and ideas set
 * aside), fetched again whenever « Les incontournables » change (`compiledAt`, the forum room's
 * compilation.updatedAt) — a merge made on the forum page shows without a reload. While the list
 * is on screen (`following`) it is also read every FORUM_REREAD_MS, as the forum page reads it:
 * a participant correcting a note's words changes no room here, and the projected words stayed
 * the old ones until some change to the list. Read again too when the vote that ranks it
 * changes (`rankingVote`: one closed, or closed again), as its dots place the list (C6). Null
 * until read, and for a link that may not read it (only the facilitator's may: C6).
 */
export function useCompiledList(
  forumId: string | null,
  token: string,
  compiledAt: number | null,
  following = false,
  rankingVote: string | null = null,
): CompiledList | null {
  const [items, setItems] = useState<{
    forumId: string;
    list: Compilation;
    readFor: string | null;
  } | null>(null);
  // Each read numbered: an older answer arriving last does not put older words back.
  const [answers] = useState(answerOrder);
  // The ranking vote as known when each read is sent: a list read after it closed and still not
  // ranked by it is shown in its own order (listToProject), not waited for.
  const ranking = useRef(rankingVote);
  ranking.current = rankingVote;
  const read = useCallback(
    (id: string, alive: () => boolean) => {
      const fresh = answers.ask();
      const readFor = ranking.current;
      fetchCompilation(id, token).then(
        (answer) => alive() && fresh() && setItems({ forumId: id, list: answer, readFor }),
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
  }, [forumId, read, compiledAt, rankingVote]);
  useEffect(() => {
    if (!forumId || !following) return;
    let alive = true;
    const timer = setInterval(() => read(forumId, () => alive), FORUM_REREAD_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [forumId, read, following]);
  // One object per answer (and ranking vote): the list's lines, and the fit of the page shown
  // on them, are not computed again at each render of the projector.
  return useMemo(
    () =>
      items && items.forumId === forumId
        ? { ...items.list, readAfterClose: rankingVote !== null && items.readFor === rankingVote }
        : null,
    [items, forumId, rankingVote],
  );
}

/**
 * The list ranked by the dots of the vote closed last (`vote`), as the server compiled them: the
 * dots the room gave on the list's notes on the plenary count for their ideas there, which a
 * vote's ranking by its notes' words (V1 ideas) could not say for an idea reworded (C8). Null
 * while the list read is not yet the one that vote (`voteId`) ranks: not shown in its own order
 * first, then reordered.
 */
export function useProjectedList(
  compiled: CompiledList | null,
  voteId: string | null,
): ProjectedList | null {
  return useMemo(
    () => listToProject(compiled, voteId, compiled?.readAfterClose ?? false),
    [compiled, voteId],
  );
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
  const ol = useRef<HTMLDivElement>(null);
  useFitList(box, ol, shown);
  const placed = shown.filter((entry) => entry.place !== null);
  const undotted = shown.filter((entry) => entry.place === null);
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
      <div ref={ol} className="list-lines">
        {placed.length > 0 && (
          <ol>
            {placed.map(({ line, place }) => (
              <li key={line.key} value={place ?? undefined} data-key={line.key}>
                <LineWords line={line} />
                {/* « 0 point » in a dark badge read as « nobody wanted it »: the place says it. */}
                {line.dots !== null && line.dots > 0 && (
                  <span className="result-count">
                    {t('forum.votes.dots', { count: line.dots })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {/* The ideas the vote gave no dot: no place (they were not all tied for the last). */}
        {undotted.length > 0 && (
          <ul className="list-undotted">
            {undotted.map(({ line }) => (
              <li key={line.key} data-key={line.key} data-undotted="">
                <LineWords line={line} noDot />
              </li>
            ))}
          </ul>
        )}
      </div>
      {after > 0 && (
        <p className="list-after">
          {t(`projector.list.${afterKey(page, pages)}`, { count: after })}
        </p>
      )}
    </section>
  );
}

/** An idea's words, how many times and where it was written (and « sans point », `noDot`). */
function LineWords({ line, noDot = false }: { line: ListLine; noDot?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="result-text">{line.text}</span>
      <span className="result-territory">
        {[
          t('forum.compilation.count', { count: line.count }),
          line.places.join(', '),
          noDot ? t('projector.list.noDot') : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </>
  );
}

// « Mettre la liste sur la plénière »: the list as shown becomes sticky notes on the plenary
// board, so the room can vote on it (« Vote par points » then proposes the plenary). Doing it
// again updates what is there; notes with dots or changed by someone are kept and named.
import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compilation, CompilationItem, ForumBoard } from './api';
import {
  keptTexts,
  placeErrorText,
  placeListOnPlenary,
  placedText,
  placedWords,
  type ListOnPlenary as Placed,
} from './listOnPlenary';
import { ListVoteContext } from './listVote';
import { ListVoteNote } from './ListVoteNote';

/** « Vote par points », scrolled to, the keyboard on its « Question » (the plenary proposed). */
function goToVote() {
  const votes = document.getElementById('forum-votes');
  votes?.scrollIntoView({ block: 'start' });
  votes?.querySelector<HTMLInputElement>('.vote-title')?.focus({ preventScroll: true });
}

export function ListOnPlenary({
  forumId,
  token,
  plenary,
  onPlaced,
  onPlenary = null,
  list,
}: {
  forumId: string;
  token: string;
  plenary: ForumBoard | undefined;
  /** `sameSince`: the placing changed nothing, the list is there since then (server time). */
  onPlaced?: ((boardId: string, sameSince: number | null) => void) | undefined;
  /** The list as the plenary holds it (server C10): said after a reload, before any click. */
  onPlenary?: Compilation['onPlenary'];
  /** The list as shown: a placing's answer is said while the list is still the one placed. */
  list: readonly CompilationItem[];
}) {
  const { t, i18n } = useTranslation();
  const listVote = useContext(ListVoteContext);
  const [busy, setBusy] = useState(false);
  // The last placing's answer, with the list's words it placed (placedWords).
  const [last, setLast] = useState<{ answer: Placed; words: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = useMemo(() => placedWords(list), [list]);
  // Said while the list is the one placed: once merged, reworded or an idea set aside, « Gardé
  // tel quel… » and « 3 idées ajoutées » were about a placing the list has moved on from.
  const placed = last && last.words === words ? last.answer : null;
  const changedSince = last !== null && placed === null;
  // Already there (the page reloaded, the archive re-imported, the list changed since): said,
  // with the vote offered.
  const there = placed === null && onPlenary ? onPlenary : null;
  const place = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const placing = words;
    placeListOnPlenary(forumId, token, i18n.language)
      .then(
        (answer) => {
          setLast({ answer, words: placing });
          // Nothing changed on the plenary: the list there is the one placed at placedAt.
          const same = answer.added + answer.updated + answer.removed === 0;
          onPlaced?.(answer.boardId, same ? (answer.placedAt ?? null) : null);
        },
        (e: unknown) => {
          setLast(null);
          setError(placeErrorText(e, t));
        },
      )
      .finally(() => setBusy(false));
  };
  return (
    <div className="list-on-plenary">
      <div className="forum-row">
        {/* aria-disabled, not disabled: a disabled button loses the focus to the page's body,
            and the next Tab started again from the page's top, far above what the answer
            offers (« Ouvrir la plénière », « Lancer le vote sur la liste »). Its words say it
            is busy; `place` takes no second press meanwhile. */}
        <button type="button" className="place-list" onClick={place} aria-disabled={busy}>
          {busy ? t('forumDay.listOnPlenary.busy') : t('forumDay.listOnPlenary.place')}
        </button>
        {(last || there) && plenary && (
          <a
            href={`/b/${encodeURIComponent(plenary.id)}#token=${token}`}
            target="_blank"
            rel="noopener"
          >
            {t('forumDay.listOnPlenary.open')}
          </a>
        )}
      </div>
      <p className="hint">{t('forumDay.listOnPlenary.hint')}</p>
      <div className="list-on-plenary-status" role="status">
        {(last || there) && (
          <>
            {placed && <p>{placedText(placed, t)}</p>}
            {placed && keptTexts(placed, t).map((sentence) => <p key={sentence}>{sentence}</p>)}
            {there && (
              <p className="list-already-placed">
                {t('forumDay.listOnPlenary.already', { count: there.ideas })}
              </p>
            )}
            {changedSince && (
              <p className="list-changed-since">{t('forumDay.listOnPlenary.changedSince')}</p>
            )}
            {listVote ? (
              // Voted on already (or being voted on): its results, not a second vote.
              <ListVoteNote vote={listVote} />
            ) : (
              <p>
                {/* A button, not a `#forum-votes` link: the page's fragment holds the facilitator
                  token, and the link replaced it (« Ce lien d'animation est incomplet »). */}
                <button type="button" onClick={goToVote}>
                  {t('forumDay.listOnPlenary.goVote')}
                </button>
              </p>
            )}
          </>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

// « Mettre la liste sur la plénière »: the list as shown becomes sticky notes on the plenary
// board, so the room can vote on it (« Vote par points » then proposes the plenary). Doing it
// again updates what is there; notes with dots or changed by someone are kept and named.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compilation, ForumBoard } from './api';
import {
  keptTexts,
  placeErrorText,
  placeListOnPlenary,
  placedText,
  type ListOnPlenary as Placed,
} from './listOnPlenary';

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
}: {
  forumId: string;
  token: string;
  plenary: ForumBoard | undefined;
  onPlaced?: ((boardId: string) => void) | undefined;
  /** The list as the plenary holds it (server C10): said after a reload, before any click. */
  onPlenary?: Compilation['onPlenary'];
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Already there (the page reloaded, the archive re-imported): said, with the vote offered.
  const there = placed === null && onPlenary ? onPlenary : null;
  const place = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    placeListOnPlenary(forumId, token, i18n.language)
      .then(
        (answer) => {
          setPlaced(answer);
          onPlaced?.(answer.boardId);
        },
        (e: unknown) => {
          setPlaced(null);
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
        {(placed || there) && plenary && (
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
        {(placed || there) && (
          <>
            {placed && <p>{placedText(placed, t)}</p>}
            {placed && keptTexts(placed, t).map((sentence) => <p key={sentence}>{sentence}</p>)}
            {there && (
              <p className="list-already-placed">
                {t('forumDay.listOnPlenary.already', { count: there.ideas })}
              </p>
            )}
            <p>
              {/* A button, not a `#forum-votes` link: the page's fragment holds the facilitator
                  token, and the link replaced it (« Ce lien d'animation est incomplet »). */}
              <button type="button" onClick={goToVote}>
                {t('forumDay.listOnPlenary.goVote')}
              </button>
            </p>
          </>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

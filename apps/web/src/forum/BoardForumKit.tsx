// The forum day on a board page: the timer for everyone, the spotlight (follow or lead), vote
// mode, the facilitator's kit (shown to the facilitator only; the server enforces it anyway),
// and on the plenary board the « Mosaïque » of the territory boards.
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { LazyFallback, lazyPanel } from '../ui/LazyFallback';
import { SpotlightControl, SpotlightFollower } from './spotlight';
import { TimerControls } from './TimerControls';
import { TimerDisplay } from './TimerDisplay';
import { ForumAnnouncer } from './ForumAnnouncer';
import { VoteLayer } from './VoteLayer';
import { useForumRoom, useForumSnapshot } from './useForumRoom';
import './forum.css';

// The plenary's mosaic: the facilitator's, in plenary only; loaded when opened.
const MosaicPanel = lazyPanel(() => import('../plenary/MosaicPanel').then((m) => m.MosaicPanel));

export function BoardForumKit() {
  const { t } = useTranslation();
  const session = useSession();
  const room = useForumRoom(session.info.board.forumId || null, session.token);
  const { revoked } = useForumSnapshot(room);
  const [timerOpen, setTimerOpen] = useState(false);
  const [mosaic, setMosaic] = useState(false);
  const facilitator = session.info.role === 'facilitator';
  const plenary = session.info.board.kind === 'plenary';
  if (!room) return null;
  return (
    <>
      {/* A named region: landmark navigation finds the timer and the day's controls. */}
      <section
        className="forum-kit"
        aria-label={t('a11y.forumKit')}
        data-revoked={revoked}
        data-plenary={plenary}
      >
        <TimerDisplay room={room} />
        {plenary && (
          <button
            type="button"
            className={`kit-button${mosaic ? ' active' : ''}`}
            aria-pressed={mosaic}
            onClick={() => setMosaic(!mosaic)}
          >
            {t('plenary.mosaic')}
          </button>
        )}
        {facilitator && (
          <>
            <SpotlightControl room={room} />
            <button
              type="button"
              className={`kit-button${timerOpen ? ' active' : ''}`}
              aria-expanded={timerOpen}
              onClick={() => setTimerOpen(!timerOpen)}
            >
              {t('forum.timer.title')}
            </button>
          </>
        )}
      </section>
      <ForumAnnouncer room={room} />
      {facilitator && timerOpen && (
        <div className="forum-kit-popover">
          <TimerControls room={room} token={session.token} />
        </div>
      )}
      {!facilitator && <SpotlightFollower room={room} />}
      <VoteLayer room={room} />
      {plenary && mosaic && (
        <Suspense fallback={<LazyFallback />}>
          <MosaicPanel room={room} onClose={() => setMosaic(false)} />
        </Suspense>
      )}
    </>
  );
}

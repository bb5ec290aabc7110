// The forum day on a board page: the timer for everyone, the spotlight (follow or lead), vote
// mode, the facilitator's kit (shown to the facilitator only; the server enforces it anyway),
// and on the plenary board the « Mosaïque » of the territory boards.
import { Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { LazyFallback, lazyPanel } from '../ui/LazyFallback';
import { SpotlightControl, SpotlightFollower } from './spotlight';
import { TimerControls } from './TimerControls';
import { TimerDisplay } from './TimerDisplay';
import { ForumAnnouncer } from './ForumAnnouncer';
import { VoteLayer } from './VoteLayer';
import { useForumRoom, useForumSnapshot } from './useForumRoom';
import { boardRoomStore } from './boardRoom';
import './forum.css';
import './kit-contrast.css';

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
  const kit = useRef<HTMLElement>(null);
  const mosaicButton = useRef<HTMLButtonElement>(null);
  useKitSize(kit, room !== null);
  // The export dialog reads the votes from this room (a closed vote's dots in the pictures).
  useEffect(() => {
    const store = boardRoomStore(session);
    store.setState(room, true);
    return () => store.setState(null, true);
  }, [session, room]);
  if (!room) return null;
  return (
    <>
      {/* A named region: landmark navigation finds the timer and the day's controls. */}
      <section
        ref={kit}
        className="forum-kit"
        aria-label={t('a11y.forumKit')}
        data-revoked={revoked}
        data-plenary={plenary}
        data-mosaic={plenary && mosaic}
      >
        <TimerDisplay room={room} />
        {plenary && (
          <button
            type="button"
            ref={mosaicButton}
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
          <MosaicPanel
            room={room}
            onClose={() => {
              setMosaic(false);
              // Its own « Fermer »: the focus goes back to « Mosaïque », not to the page.
              mosaicButton.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/**
 * The kit's height and width as --kit-height and --kit-width on the board's page, for what sits
 * below or beside it (the mosaic's row, « Minuterie »'s controls): it grows with the timer (large
 * on the plenary), wraps on a phone, and a running timer appears or goes at any moment. Guessed
 * in CSS from the timer's size, a phone's second row of buttons covered the mosaic's first row.
 */
function useKitSize(kit: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const section = kit.current;
    const page = section?.parentElement;
    if (!section || !page) return;
    const update = () => {
      const { height, width } = section.getBoundingClientRect();
      page.style.setProperty('--kit-height', `${Math.ceil(height)}px`);
      page.style.setProperty('--kit-width', `${Math.ceil(width)}px`);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(section);
    return () => {
      observer.disconnect();
      page.style.removeProperty('--kit-height');
      page.style.removeProperty('--kit-width');
    };
  }, [kit, shown]);
}

// Who is here; click a name to follow that person's view (until you move yours).
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus, useSession, useSessionState } from '../board/context';
import { rememberName } from '../board/identity';
import { peopleOf, samePeople, type PersonView } from '../presence/peerViews';
import { usePeersWith } from '../presence/usePeers';
import { Icon } from './icons';
import { NamePrompt } from './NamePrompt';
import { heardPeople, peopleNews } from './peopleNews';
import { useChromeStack } from './useChromeStack';

/**
 * A phone, either way up: there the open list is a pop-over, not a panel beside the board (held
 * sideways, 844 × 390, the panel covered a third of the board's height).
 */
const PHONE = '(max-width: 700px), (pointer: coarse) and (max-height: 500px)';

/**
 * On a phone the open list lies over the board: Escape or a tap anywhere outside it folds it
 * back to its pill, as a menu would. Wider screens keep it open as a panel beside the board.
 */
function useFoldOnPhone(open: boolean, fold: () => void): void {
  useEffect(() => {
    if (!open || typeof matchMedia !== 'function' || !matchMedia(PHONE).matches) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Only the list folds: the board's own Escape (let go of the selection) waits.
      e.stopPropagation();
      fold();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Element && e.target.closest('.people')) return;
      fold();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, fold]);
}

export function PeopleList() {
  const session = useSession();
  const { t, i18n } = useTranslation();
  // Names and colours only: a peer's cursor moving does not re-render the list.
  const peers = usePeersWith(peopleOf, samePeople);
  const following = useSessionState((s) => s.following);
  const open = useSessionState((s) => s.peopleOpen);
  // My row shows a new name at once (« Changer de nom »): the session stays, its identity changes.
  const me = useSyncExternalStore(session.subscribeIdentity, () => session.identity);
  // Who comes and goes, for a screen reader; not those already here when the board opens (the
  // first time my connection is up: a board opened from its local copy has no one until then).
  // My connection's loss empties the list and its return fills it again: not news (heardPeople).
  // Kept as who came and went, worded at each render: a language switch words it again (a live
  // region left in French after « English » read as the page's last news).
  const [news, setNews] = useState<{
    before: readonly PersonView[];
    now: readonly PersonView[];
  } | null>(null);
  const known = useRef<readonly PersonView[]>(peers);
  const metEveryone = useRef(false);
  const connected = useConnectionStatus() === 'connected';
  useEffect(() => {
    const before = known.current;
    if (!metEveryone.current) {
      known.current = peers;
      metEveryone.current = connected;
      return;
    }
    if (before === peers) return;
    const heard = heardPeople(
      (key, values) => t(key, values ?? {}),
      i18n.language,
      before,
      peers,
      connected,
    );
    known.current = heard.known;
    if (heard.said) setNews({ before, now: peers });
  }, [peers, connected, t, i18n.language]);
  const said = news
    ? peopleNews((key, values) => t(key, values ?? {}), i18n.language, news.before, news.now)
    : '';
  const [renaming, setRenaming] = useState(false);
  // Closing the name dialog (saved or cancelled) gives the focus back to « Changer de nom », its
  // opener (WCAG 2.4.3): left on the removed dialog, it fell to the page and a screen reader
  // said nothing. Folded to a pill (a phone), the pill that opens the list takes it instead.
  const renameButton = useRef<HTMLButtonElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (wasRenaming.current && !renaming) {
      const back = renameButton.current?.getClientRects().length
        ? renameButton.current
        : toggleButton.current;
      back?.focus();
    }
    wasRenaming.current = renaming;
  }, [renaming]);
  const fold = useCallback(() => session.store.setState({ peopleOpen: false }), [session]);
  useFoldOnPhone(open, fold);
  // The store opens the list wider than 700 px; a phone held sideways starts with the pill.
  useEffect(() => {
    if (typeof matchMedia === 'function' && matchMedia(PHONE).matches) fold();
  }, [fold]);
  // The people list shows on every board page (an editor's or a viewer's): it keeps the page's
  // banners and panels stacked clear of each other.
  const aside = useRef<HTMLElement>(null);
  useChromeStack(aside);
  const count = peers.length + 1;
  return (
    <>
      <aside ref={aside} className={open ? 'people open' : 'people'} aria-label={t('people.title')}>
        <h2>
          {/* On a phone, folded, only the pill shows (icon and number): the titled box hid
            ~150×55 px of the board's top right. The name says both to a screen reader. */}
          <button
            ref={toggleButton}
            type="button"
            className="people-toggle"
            aria-expanded={open}
            aria-label={t('people.pill', { count })}
            onClick={() => session.store.setState({ peopleOpen: !open })}
          >
            <span className="people-long">
              {t('people.title')} <span className="count">{t('people.count', { count })}</span>
            </span>
            <span className="people-pill" aria-hidden="true">
              <Icon name="people" />
              <span className="people-number">{count}</span>
            </span>
          </button>
        </h2>
        <ul hidden={!open}>
          <li className="me">
            <span className="avatar" style={{ background: me.color }} aria-hidden="true">
              {me.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="person-name">{t('people.you', { name: me.name })}</span>
            {/* A view link opens as « Personne invitée », and a name mistyped at the prompt
              stayed: the name others see is changed here, with the first visit's dialog. */}
            <button
              ref={renameButton}
              type="button"
              className="person-rename"
              onClick={() => setRenaming(true)}
            >
              {t('people.rename')}
            </button>
          </li>
          {peers.map((peer) => (
            <li key={peer.clientId}>
              <button
                type="button"
                className="person"
                aria-pressed={following === peer.clientId}
                title={
                  following === peer.clientId
                    ? t('people.stop')
                    : t('people.follow', { name: peer.user.name })
                }
                onClick={() =>
                  session.store.setState({
                    following: following === peer.clientId ? null : peer.clientId,
                  })
                }
              >
                <span className="avatar" style={{ background: peer.user.color }} aria-hidden="true">
                  {peer.user.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="person-name">{peer.user.name}</span>
                {/* Said, not only in the tooltip: a finger has no hover, and at the forum-day
                  rehearsal a phone's list of names gave no hint that a name can be followed. */}
                <span className="person-hint">
                  {following === peer.clientId ? t('people.stopShort') : t('people.followShort')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status" data-testid="people-news">
          {said}
        </p>
      </aside>
      {renaming && (
        <NamePrompt
          change={{ current: me.name, onCancel: () => setRenaming(false) }}
          onName={(chosen) => {
            setRenaming(false);
            if (chosen !== me.name) rememberName(chosen);
          }}
        />
      )}
      {/* Outside the list, which folds to a pill on a phone (it clipped this to « ous suivez
          Jocel »): whoever's view moves by itself reads why, and how to stop, in sight. */}
      {following !== null && (
        <p className="following" role="status">
          <span className="following-text">
            {t('people.following', {
              name: peers.find((p) => p.clientId === following)?.user.name ?? '',
            })}
          </span>
          <button
            type="button"
            className="following-stop"
            onClick={() => session.store.setState({ following: null })}
          >
            {t('people.stop')}
          </button>
        </p>
      )}
    </>
  );
}

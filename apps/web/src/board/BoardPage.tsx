// A board page: learn my role, ask my name once, open the session, show the editor.
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { loadFonts } from '../shapes/common/loadFonts';
import { ForumGone, ForumLinkError } from '../forum/ForumLinkError';
import { BoardLoading } from '../app/BoardLoading';
import { NamePrompt } from '../ui/NamePrompt';
import { nameToOpenWith } from '../ui/displayName';
import { loadBoardInfoWhenReachable } from '../offline/boardInfo';
import { registerAppShell } from '../offline/serviceWorker';
import { ApiError, isForumDeleted, type BoardInfo } from './api';
import { loadIdentity, onNameGiven, rememberName, type Identity } from './identity';
import { BoardEditor } from './BoardEditor';
import { SessionContext } from './context';
import { dropEarlyConnection } from './connection';
import { BoardSession } from './session';
import { focusCanvas } from './navigate';

// An error is kept as what went wrong and translated when shown, so it follows the language.
type LoadError =
  | { kind: 'forbidden' }
  | { kind: 'notFound' }
  | { kind: 'forumDeleted' }
  | { kind: 'other'; message: string };
type Phase =
  | { name: 'loading' }
  | { name: 'waiting' }
  | { name: 'error'; error: LoadError }
  | { name: 'ready'; info: BoardInfo };

export function BoardPage({
  boardId,
  token,
  afterNamePrompt = false,
  loadingSince,
}: {
  boardId: string;
  token: string;
  /** The first visit's name prompt was answered before this page's code came (app/BoardRoute). */
  afterNamePrompt?: boolean;
  /**
   * When « Chargement du tableau… » was first shown while this page's code came (app/BoardRoute):
   * the same wait goes on here (the board's info, the socket, the fonts), its slow-network line
   * due 4 s after it began, not after this page's own start.
   */
  loadingSince?: MutableRefObject<number | null>;
}) {
  const { t } = useTranslation();
  const ownLoadingSince = useRef<number | null>(null);
  const since = loadingSince ?? ownLoadingSince;
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [identity, setIdentity] = useState<Identity>(loadIdentity);
  const [session, setSession] = useState<BoardSession | null>(null);
  // A name given at the first visit or changed later from the people list (« Changer de nom »):
  // remembered on this device, and shown to the others at once.
  useEffect(() => onNameGiven((given) => setIdentity((was) => ({ ...was, name: given }))), []);
  // Text is measured for shrink-to-fit: draw only once the typeface is there.
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadFonts().then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);

  // The socket opened as the page started, if the page goes before a session takes it.
  useEffect(() => () => dropEarlyConnection(boardId), [boardId]);

  useEffect(() => {
    let cancelled = false;
    const abort = new AbortController();
    registerAppShell();
    // Offline, the info remembered from the last visit opens the board from its local copy; a
    // link never opened here waits for the network (and says so) instead of failing.
    loadBoardInfoWhenReachable(
      boardId,
      token,
      () => !cancelled && setPhase({ name: 'waiting' }),
      abort.signal,
    ).then(
      ({ info }) => !cancelled && setPhase({ name: 'ready', info }),
      (error: unknown) => {
        if (cancelled) return;
        setPhase({ name: 'error', error: loadError(error) });
      },
    );
    return () => {
      cancelled = true;
      abort.abort();
    };
    // Not `t`: switching language must not reload the board (a new info opens a new session,
    // losing the undo history and the camera).
  }, [boardId, token]);

  const info = phase.name === 'ready' ? phase.info : null;
  const role = info?.role ?? null;
  // A view link opens at once, under a default name (displayName.ts). Not `t`: the name is
  // taken once, switching language must not reopen the session.
  const name = useMemo(
    () =>
      role ? nameToOpenWith(role, identity.name, i18next.t('participants10.viewerName')) : null,
    [role, identity.name],
  );
  // The session opens once there is a name; a later name (« Changer de nom ») is handed to the
  // open session below, so it does not reconnect, refit the view or lose the undo history.
  const named = name !== null;
  useEffect(() => {
    if (!info || !named) return;
    // Created in the effect and destroyed in its cleanup: StrictMode's double run stays clean.
    // The name as it is now; later ones go through rename().
    const created = new BoardSession(boardId, token, info, { ...identity, name: name ?? '' }, () =>
      i18next.t('shapes.cartonTitle'),
    );
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
    // Not `name` nor `identity`: the user id and colour never change, and a new name must not
    // open a new session. A view link's session still writes only presence.
  }, [info, named, boardId, token]);
  useEffect(() => {
    if (session && name) session.rename(name);
  }, [session, name]);
  // After the first visit's name prompt the board takes the focus, where the keyboard starts
  // (its help line is the canvas's description): left on the removed prompt's field, the
  // focus fell to the page, a keyboard user started over and a screen reader said nothing.
  const asked = useRef(afterNamePrompt);
  const ready = session !== null && fontsReady;
  useEffect(() => {
    if (!ready || !asked.current) return;
    asked.current = false;
    focusCanvas();
  }, [ready]);

  if (phase.name === 'loading') return <BoardLoading since={since} />;
  if (phase.name === 'waiting')
    return (
      <p className="page-message" role="status" data-testid="board-waiting">
        {t('board.waitingNetwork')}
      </p>
    );
  // A refused link (replaced, or a removed board) says what happened and what to do, with the
  // way home; any other failure offers « Réessayer » (the link may be fine).
  if (phase.name === 'error' && phase.error.kind === 'forumDeleted')
    return <ForumGone text={t('board.forumDeleted')} role="alert" />;
  if (phase.name === 'error')
    return phase.error.kind === 'other' ? (
      <ForumLinkError text={t('board.error', { message: phase.error.message })} aboutLink={false} />
    ) : (
      <ForumLinkError text={t(`board.${phase.error.kind}`)} help={t('board.linkHelp')} aboutLink />
    );
  if (!name) {
    asked.current = true;
    // Time on the name is not waiting for the board.
    since.current = null;
    return <NamePrompt onName={rememberName} board={info?.board.title} />;
  }
  if (!session || !fontsReady) return <BoardLoading since={since} />;
  return (
    <SessionContext.Provider value={session}>
      <BoardEditor />
    </SessionContext.Provider>
  );
}

function loadError(error: unknown): LoadError {
  if (isForumDeleted(error)) return { kind: 'forumDeleted' };
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return { kind: 'forbidden' };
  }
  if (error instanceof ApiError && error.status === 404) return { kind: 'notFound' };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

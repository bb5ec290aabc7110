// A board page: learn my role, ask my name once, open the session, show the editor.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { loadFonts } from '../shapes/common/loadFonts';
import { NamePrompt } from '../ui/NamePrompt';
import { loadBoardInfo } from '../offline/boardInfo';
import { registerAppShell } from '../offline/serviceWorker';
import { ApiError, type BoardInfo } from './api';
import { loadIdentity, rememberName, type Identity } from './identity';
import { BoardEditor } from './BoardEditor';
import { SessionContext } from './context';
import { BoardSession } from './session';

type Phase =
  { name: 'loading' } | { name: 'error'; message: string } | { name: 'ready'; info: BoardInfo };

export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [identity, setIdentity] = useState<Identity>(loadIdentity);
  const [session, setSession] = useState<BoardSession | null>(null);
  // Text is measured for shrink-to-fit: draw only once the typeface is there.
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadFonts().then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    registerAppShell();
    // Offline, the info remembered from the last visit opens the board from its local copy.
    loadBoardInfo(boardId, token).then(
      ({ info }) => !cancelled && setPhase({ name: 'ready', info }),
      (error: unknown) => {
        if (cancelled) return;
        const message =
          error instanceof ApiError && (error.status === 401 || error.status === 403)
            ? t('board.forbidden')
            : error instanceof ApiError && error.status === 404
              ? t('board.notFound')
              : t('board.error', {
                  message: error instanceof Error ? error.message : String(error),
                });
        setPhase({ name: 'error', message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, token, t]);

  const info = phase.name === 'ready' ? phase.info : null;
  const name = identity.name;
  useEffect(() => {
    if (!info || !name) return;
    // Created in the effect and destroyed in its cleanup: StrictMode's double run stays clean.
    const created = new BoardSession(boardId, token, info, { ...identity, name }, () =>
      i18next.t('shapes.cartonTitle'),
    );
    setSession(created);
    document.title = `${info.board.title} — ${i18next.t('app.name')}`;
    return () => {
      setSession(null);
      created.destroy();
    };
    // identity is stable once named: only the name opens a new session.
  }, [info, name, boardId, token]);

  if (phase.name === 'loading') return <p className="page-message">{t('board.loading')}</p>;
  if (phase.name === 'error')
    return (
      <p className="page-message" role="alert">
        {phase.message}
      </p>
    );
  if (!name) {
    return (
      <NamePrompt
        onName={(chosen) => {
          rememberName(chosen);
          setIdentity({ ...identity, name: chosen });
        }}
      />
    );
  }
  if (!session || !fontsReady) return <p className="page-message">{t('board.loading')}</p>;
  return (
    <SessionContext.Provider value={session}>
      <BoardEditor />
    </SessionContext.Provider>
  );
}

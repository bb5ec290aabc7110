// The editor page around the canvas: header, toolbar, panels, and the global listeners.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenuButton } from '../ui/ExportMenuButton';
import { HistoryButton } from '../history/HistoryButton';
import { BoardForumKit } from '../forum/BoardForumKit';
import { LanguageToggle } from '../ui/LanguageToggle';
import { PeopleList } from '../ui/PeopleList';
import { StatusBadge } from '../ui/StatusBadge';
import { StylePanel } from '../ui/StylePanel';
import { Toolbar } from '../ui/Toolbar';
import { ZoomControls } from '../ui/ZoomControls';
import { CanvasStage } from './CanvasStage';
import { zoomToFit } from './actions';
import { installClipboard } from './clipboard';
import { useSession, useSessionState } from './context';
import { installDrop } from './drop';
import { installFollow } from './follow';
import { installKeyboard } from './keyboard';
import { installTestHook } from './testHook';

export function BoardEditor() {
  const session = useSession();
  const { t } = useTranslation();
  const readOnly = useSessionState((s) => s.readOnly);
  const toast = useSessionState((s) => s.toast);

  useEffect(() => {
    const cleanups = [installKeyboard(session), installFollow(session), installTestHook(session)];
    if (!session.readOnly) cleanups.push(installClipboard(session), installDrop(session));
    // Arriving on a board that has content: show all of it (never zoomed in past 100 %).
    let live = true;
    void session.connection.whenSynced().then(() => {
      if (live && session.scene.orderedIds().length > 0) zoomToFit(session);
    });
    cleanups.push(() => {
      live = false;
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [session]);

  return (
    <div className="editor" data-readonly={readOnly}>
      <header className="editor-header">
        <h1 className="board-title">{session.info.board.title}</h1>
        {readOnly && <span className="badge">{t('board.readOnly')}</span>}
        <StatusBadge />
        <span className="header-gap" />
        <HistoryButton />
        <ZoomControls />
        <ExportMenuButton />
        <LanguageToggle />
      </header>
      <CanvasStage />
      {!readOnly && <Toolbar />}
      {!readOnly && <StylePanel />}
      <PeopleList />
      <BoardForumKit />
      {toast && (
        <div className="toast" role="alert">
          {toast}
        </div>
      )}
    </div>
  );
}

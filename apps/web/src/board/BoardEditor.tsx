// The editor page around the canvas: header, toolbar, panels, and the global listeners.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenuButton } from '../ui/ExportMenuButton';
import { HistoryButton } from '../history/HistoryButton';
import { BoardForumKit } from '../forum/BoardForumKit';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OutlineButton } from '../outline/OutlineButton';
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
import { useBoardTitle } from './useBoardTitle';

function EyeIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M1.5 10s3.2-5.5 8.5-5.5 8.5 5.5 8.5 5.5-3.2 5.5-8.5 5.5S1.5 10 1.5 10z" />
        <circle cx="10" cy="10" r="2.6" />
      </g>
    </svg>
  );
}

export function BoardEditor() {
  const session = useSession();
  const { t } = useTranslation();
  const readOnly = useSessionState((s) => s.readOnly);
  const toast = useSessionState((s) => s.toast);
  const editorRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const title = useBoardTitle(session);

  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  // A phone wraps the header in two rows: what sits below it (the people, the forum's
  // buttons) reads its height from --header-bottom. Also on the root, for the panels drawn
  // outside the editor (« Versions » stands below the header there, its button in sight).
  useLayoutEffect(() => {
    const editor = editorRef.current;
    const header = headerRef.current;
    if (!editor || !header) return;
    const root = document.documentElement;
    const update = () => {
      const bottom = `${Math.round(header.getBoundingClientRect().bottom)}px`;
      editor.style.setProperty('--header-bottom', bottom);
      root.style.setProperty('--header-bottom', bottom);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--header-bottom');
    };
  }, []);

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
    <div className="editor" data-readonly={readOnly} ref={editorRef}>
      <header className="editor-header" ref={headerRef}>
        <h1 className="board-title">{title}</h1>
        {readOnly && (
          // Up to 1100 px only the eye shows (the words stay for screen readers and as a tooltip):
          // spelled out, the badge cut the board's title to « Conditio… » on a phone.
          <span className="badge read-only-badge" title={t('board.readOnly')}>
            <EyeIcon />
            <span className="read-only-text">{t('board.readOnly')}</span>
          </span>
        )}
        <StatusBadge />
        <span className="header-gap" />
        <OutlineButton />
        <HistoryButton />
        <ZoomControls />
        <ExportMenuButton />
        <LanguageToggle />
      </header>
      {/* The board is the page's main content: a screen reader's landmarks lead straight to it. */}
      <main className="board-main">
        <CanvasStage />
      </main>
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

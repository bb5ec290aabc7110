// The editor page around the canvas: header, toolbar, panels, and the global listeners.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenuButton } from '../ui/ExportMenuButton';
import { HistoryButton } from '../history/HistoryButton';
import { BoardForumKit } from '../forum/BoardForumKit';
import { FirstVisitHint } from '../help/FirstVisitHint';
import { HelpButton } from '../help/HelpButton';
import { installHelpKey } from '../help/helpKey';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OutlineButton } from '../outline/OutlineButton';
import { PeopleList } from '../ui/PeopleList';
import { StatusBadge } from '../ui/StatusBadge';
import { StylePanel } from '../ui/StylePanel';
import { Toolbar } from '../ui/Toolbar';
import { ZoomControls } from '../ui/ZoomControls';
import { CanvasStage } from './CanvasStage';
import { zoomToFit } from './actions';
import { refitWhenTurned } from './store';
import { refitWhenTallChromeMoves } from './tallRefit';
import { installClipboard } from './clipboard';
import { useSession, useSessionState } from './context';
import { installDrop } from './drop';
import { installFollow } from './follow';
import { installKeyboard } from './keyboard';
import { installTestHook } from './testHook';
import { useBoardTitle } from './useBoardTitle';
import { ReadOnlyBadge } from '../ui/ReadOnlyBadge';
import { UnsentWordsNotice } from '../ui/UnsentWordsNotice';
import { WaitingPhotosNotice } from '../ui/WaitingPhotosNotice';

/** The title's characters that must stay drawn whole before its ellipsis. */
const TITLE_MIN_CHARS = 15;

/**
 * Whether the header, laid out in one row, keeps every control inside it and at least the
 * title's first TITLE_MIN_CHARS characters before the ellipsis.
 */
function oneRowFits(header: HTMLElement): boolean {
  const right = header.getBoundingClientRect().right;
  for (const child of header.children) {
    if (child.getBoundingClientRect().right > right + 0.5) return false;
  }
  const title = header.querySelector<HTMLElement>('.board-title');
  const text = title?.firstChild;
  if (!title || !(text instanceof Text) || text.length === 0) return true;
  // Laid out whole even where clipped: where its TITLE_MIN_CHARS-th character ends, plus the
  // ellipsis when the rest is cut.
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(TITLE_MIN_CHARS, text.length));
  const needed = range.getBoundingClientRect().right;
  const style = getComputedStyle(title);
  const inner =
    title.getBoundingClientRect().right -
    parseFloat(style.paddingRight) -
    parseFloat(style.borderRightWidth);
  const ellipsis = text.length > TITLE_MIN_CHARS ? parseFloat(style.fontSize) : 0;
  return needed + ellipsis <= inner + 0.5;
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
      // Two rows wherever one does not hold every control and the title's first words (a view
      // link's badge at 880 px sent the language off the screen; a facilitator's title showed no
      // letter): tried in one row, synchronously, before the frame is drawn.
      header.removeAttribute('data-wrap');
      if (!oneRowFits(header)) header.setAttribute('data-wrap', '');
      // Where it ends in the editor (and, for the root, in the page, not scrolled): on a page
      // taller than the window (data-tall) the header resized while scrolled down (the zoom's
      // « 9 % » after a fit) was measured from the window's top, and the forum kit below it went
      // up over the board's title.
      const { bottom } = header.getBoundingClientRect();
      const inEditor = bottom - editor.getBoundingClientRect().top;
      editor.style.setProperty('--header-bottom', `${Math.round(inEditor)}px`);
      root.style.setProperty('--header-bottom', `${Math.round(bottom + window.scrollY)}px`);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(header);
    // The language or the title changed: the controls' widths with them.
    const mutations = new MutationObserver(update);
    mutations.observe(header, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
      root.style.removeProperty('--header-bottom');
    };
  }, []);

  useEffect(() => {
    // The help's « ? » after the board's keys: a « ? » they used (typed in a note) is theirs.
    const cleanups = [
      installKeyboard(session),
      installHelpKey(session),
      installFollow(session),
      installTestHook(session),
    ];
    // A photo dropped on a view link says the link only shows the board: without the handler,
    // the browser opened the photo in place of the board.
    cleanups.push(installDrop(session));
    if (!session.readOnly) cleanups.push(installClipboard(session));
    // Arriving on a board that has content: show all of it (never zoomed in past 100 %); a
    // phone turned fits it again while the view is still that fit's (refitWhenTurned).
    let live = true;
    const fit = () => zoomToFit(session);
    void session.connection.whenSynced().then(() => {
      if (live && session.scene.orderedIds().length > 0) fit();
    });
    if (typeof matchMedia === 'function') {
      cleanups.push(refitWhenTurned(session.store, fit, matchMedia('(orientation: landscape)')));
    }
    if (editorRef.current) {
      cleanups.push(refitWhenTallChromeMoves(editorRef.current, session.store, fit));
    }
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
          // Up to 1100 px only the eye shows (the words stay for screen readers, and unfold on a
          // tap): spelled out, the badge cut the board's title to « Conditio… » on a phone.
          <ReadOnlyBadge />
        )}
        <StatusBadge />
        <span className="header-gap" />
        <OutlineButton />
        <HistoryButton />
        <ZoomControls />
        <ExportMenuButton />
        <HelpButton />
        <LanguageToggle />
      </header>
      {/* The board is the page's main content: a screen reader's landmarks lead straight to it. */}
      <main className="board-main">
        <CanvasStage />
      </main>
      {!readOnly && <Toolbar />}
      {!readOnly && <StylePanel />}
      {!readOnly && <FirstVisitHint />}
      {!readOnly && <UnsentWordsNotice />}
      {!readOnly && <WaitingPhotosNotice />}
      {/* On a phone, « Aide » below the people pill (the header's rows are full). */}
      <HelpButton floating />
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

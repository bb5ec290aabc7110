// The editor page around the canvas: header, toolbar, panels, and the global listeners.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
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
import { BoardTitle, fitTitleHead, titleParts, titleShowsEnough } from './BoardTitle';
import { ReadOnlyBadge } from '../ui/ReadOnlyBadge';
import { UnsentWordsNotice } from '../ui/UnsentWordsNotice';
import { WaitingPhotosNotice } from '../ui/WaitingPhotosNotice';

/** The characters of a title of no territory that must stay drawn whole before its ellipsis. */
const TITLE_MIN_CHARS = 15;

/**
 * Whether the header, laid out in one row, keeps every control inside it and what the title must
 * show (titleShowsEnough: a territory board's territory, another's first TITLE_MIN_CHARS).
 */
function oneRowFits(header: HTMLElement): boolean {
  const right = header.getBoundingClientRect().right;
  for (const child of header.children) {
    if (child.getBoundingClientRect().right > right + 0.5) return false;
  }
  const title = header.querySelector<HTMLElement>('.board-title');
  return !title || titleShowsEnough(title, TITLE_MIN_CHARS);
}

/** A phone: a finger on a screen of a phone's width. */
const PHONE = '(pointer: coarse) and (max-width: 700px)';

/** How many rows the header's shown pieces take. */
function rowsOf(header: HTMLElement): number {
  const tops: number[] = [];
  for (const child of header.children) {
    const box = child.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (!tops.some((top) => Math.abs(top - box.top) < box.height / 2)) tops.push(box.top);
  }
  return tops.length;
}

export function BoardEditor() {
  const session = useSession();
  const { t } = useTranslation();
  const readOnly = useSessionState((s) => s.readOnly);
  const toast = useSessionState((s) => s.toast);
  const editorRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const title = useBoardTitle(session);
  const { kind, territory } = session.info.board;
  const parts = useMemo(() => titleParts(title, { kind, territory }), [title, kind, territory]);

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
      // The trials below lay the header out with more rows for a moment: Chrome's scroll
      // anchoring followed them on a tall page and moved it up 51 px, under a note being
      // dragged. Where the header ends as it was, the page stays where it was.
      const scrolled = window.scrollY;
      const before = header.getBoundingClientRect().height;
      header.removeAttribute('data-wrap');
      header.removeAttribute('data-title-row');
      header.removeAttribute('data-tight');
      const title = header.querySelector<HTMLElement>('.board-title');
      if (!oneRowFits(header)) header.setAttribute('data-wrap', '');
      // On a phone, in rows, a title that still cannot show what it must (text at 200 % on a
      // 320 px phone: « C… » beside « connecté ») takes a row of its own. Not on a laptop's
      // window zoomed to 400 %: there a read-only badge arriving mid-drag (the link changed)
      // grew the header and scrolled the page under the pointer (low-vision-scrolled).
      const titleRow =
        !!title &&
        matchMedia(PHONE).matches &&
        rowsOf(header) > 1 &&
        !titleShowsEnough(title, TITLE_MIN_CHARS);
      if (titleRow) header.setAttribute('data-title-row', '');
      // Two rows that became three (« EN » alone under « Exporter » on a 320 px phone in French,
      // 51 px more chrome: the plenary's page with the timer grew taller than the window, the
      // vote below it): « Exporter » gives its words for its icon (header-rows.css).
      if (rowsOf(header) > (titleRow ? 3 : 2)) header.setAttribute('data-tight', '');
      if (title) fitTitleHead(title);
      const same = Math.abs(header.getBoundingClientRect().height - before) < 0.5;
      if (same && window.scrollY !== scrolled)
        window.scrollTo({ top: scrolled, behavior: 'instant' });
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
        <BoardTitle title={title} parts={parts} />
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

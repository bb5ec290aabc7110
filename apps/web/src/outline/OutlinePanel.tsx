// « Contenu »: the board as a list of buttons in reading order, with search. A side panel on a
// wide screen, a bottom sheet on a phone (outline.css). Keys pressed inside stay inside: the
// board's own shortcuts (arrows move the chosen note, Delete…) must not act from here.
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../board/context';
import { focusCanvas } from '../board/navigate';
import { useWholeWindowPanel, wholeWindowProps } from '../ui/useWholeWindowPanel';
import { goToShape } from './goTo';
import { tabAroundPanel } from './focusOrder';
import { followKeyboard } from './keyboardInset';
import { countsLabel, plainTranslate } from './labels';
import { OutlineItem } from './OutlineItem';
import type { OutlineGroup } from './outline';
import { foldQuery, matchRanges, prepareSearch, searchOutline, stepMatch } from './search';
import { closeOutline, dismissOutline, isFindKey, outlineStore } from './state';
import { useOutline } from './useOutline';
import { limitFor, lineOf, PAGE_LINES, windowGroups } from './window';

export function OutlinePanel() {
  const { t } = useTranslation();
  const session = useSession();
  const outline = useOutline(session);
  const focusRequest = useStore(outlineStore(session), (s) => s.focusRequest);
  const panelRef = useRef<HTMLDivElement>(null);
  // Text enlarged on a short window (400 % on a 1280 × 1024 screen): under the header's rows the
  // panel showed 19 px of its list. It takes the window there, scrolls as one piece and is a
  // dialog (useWholeWindowPanel); Escape or × gives the focus back to « Contenu ».
  const { whole, onKeyDown: wholeKey } = useWholeWindowPanel(panelRef, () => closeOutline(session));
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), help: useId() };
  const [query, setQuery] = useState('');
  // Typing stays quick on a big board: the list filters a moment later.
  const searched = useDeferredValue(query);
  const folded = foldQuery(searched);
  const searching = folded !== '';
  const matches = useMemo(() => searchOutline(outline, searched), [outline, searched]);
  const [current, setCurrent] = useState<{ query: string; id: string } | null>(null);
  const currentIndex =
    current && current.query === searched ? matches.findIndex((m) => m.id === current.id) : -1;
  const found = useMemo(() => new Set(matches.map((m) => m.id)), [matches]);

  const shown = useMemo<readonly OutlineGroup[]>(
    () =>
      searching
        ? outline.groups.flatMap((g) => {
            const entries = g.entries.filter((e) => found.has(e.id));
            const cartonFound = g.carton !== null && found.has(g.carton.id);
            return entries.length || cartonFound ? [{ ...g, entries, counts: [] }] : [];
          })
        : outline.groups,
    [outline, searching, found],
  );
  // A page of lines at a time (window.ts); a new search starts again from its first page.
  const [windowed, setWindowed] = useState({ query: searched, limit: PAGE_LINES });
  const limit = windowed.query === searched ? windowed.limit : PAGE_LINES;
  const drawn = useMemo(() => windowGroups(shown, limit), [shown, limit]);
  const more = useCallback(
    (to: number) =>
      setWindowed((w) => ({
        query: searched,
        limit: Math.max(to, w.query === searched ? w.limit : PAGE_LINES),
      })),
    [searched],
  );
  const moreRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = moreRef.current;
    // What scrolls: the list, or the whole panel when it takes the window.
    const list = whole ? panelRef.current : button?.closest('.outline-list');
    if (!button || !list) return;
    // The end of the list coming into sight (scrolled, or the arrows going down) draws more.
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) more(limit + PAGE_LINES);
      },
      { root: list, rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [limit, more, drawn.hidden, whole]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);
  // On a phone, the sheet stands on the on-screen keyboard its field brings up.
  useEffect(() => (panelRef.current ? followKeyboard(panelRef.current) : undefined), []);
  // The words folded for search while nothing else is happening, not on the first keystroke.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return prepareSearch(outline);
    const idle = requestIdleCallback(() => prepareSearch(outline), { timeout: 1_000 });
    return () => cancelIdleCallback(idle);
  }, [outline]);

  // A new search shows its results from the first (and the end of the list out of sight, or it
  // would draw every page at once).
  useLayoutEffect(() => {
    const list = panelRef.current?.querySelector('.outline-list');
    if (list) list.scrollTop = 0;
  }, [searched]);
  // The line gone to is scrolled into sight once drawn (it may be past the window until then).
  const scrollTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = scrollTo.current;
    const line = id && panelRef.current?.querySelector(`[data-id="${CSS.escape(id)}"]`);
    if (!line) return;
    scrollTo.current = null;
    line.scrollIntoView({ block: 'nearest' });
  });
  const goTo = useCallback(
    (id: string) => {
      // Taking the window, the panel leaves the board nothing beside it: centred in the window.
      goToShape(session, id, whole ? null : (panelRef.current?.getBoundingClientRect() ?? null));
      const line = lineOf(shown, id);
      if (line >= limit) more(limitFor(limit, line));
      scrollTo.current = id;
      panelRef.current
        ?.querySelector(`[data-id="${CSS.escape(id)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    },
    [session, shown, limit, more, whole],
  );
  const activateLatest = useRef((id: string) => {
    setCurrent({ query: searched, id });
    goTo(id);
  });
  useLayoutEffect(() => {
    activateLatest.current = (id: string) => {
      setCurrent({ query: searched, id });
      goTo(id);
    };
  });
  // One function for the panel's life: the lines (memoised) are not drawn again each time the
  // outline changes (a remote edit every 250 ms on a big board), only those whose entry did.
  const activate = useCallback((id: string) => activateLatest.current(id), []);
  // A line chosen while the panel takes the window: the board behind it moved unseen. The panel
  // closes on it, the keyboard on the board and the shape chosen there.
  const wholeNow = useRef(whole);
  useLayoutEffect(() => {
    wholeNow.current = whole;
  });
  const choose = useCallback(
    (id: string) => {
      activateLatest.current(id);
      if (!wholeNow.current) return;
      dismissOutline(session);
      focusCanvas();
    },
    [session],
  );
  const step = (direction: 1 | -1) => {
    const next = matches[stepMatch(currentIndex, matches.length, direction)];
    if (next) activate(next.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    e.stopPropagation();
    if (wholeKey(e)) return;
    if (isFindKey(e)) {
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (e.key === 'Tab') {
      const opener = document.querySelector<HTMLElement>('.outline-button');
      if (tabAroundPanel(e.currentTarget, opener, e.target as Element, e.shiftKey)) {
        e.preventDefault();
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      closeOutline(session);
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      // The arrows go from line to line, as in any list; from the field, down enters it.
      const items = [...(panelRef.current?.querySelectorAll<HTMLElement>('.outline-item') ?? [])];
      const at = items.indexOf(e.target as HTMLElement);
      if (at < 0 && e.key !== 'ArrowDown') return;
      const to =
        e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? items.length - 1
            : at + (e.key === 'ArrowDown' ? 1 : -1);
      const target = to < 0 ? inputRef.current : items[Math.min(to, items.length - 1)];
      if (target) {
        e.preventDefault();
        target.focus();
      }
    }
  };

  const currentId = currentIndex >= 0 ? (matches[currentIndex]?.id ?? null) : null;
  const item = (entry: OutlineGroup['entries'][number]) => (
    <OutlineItem
      entry={entry}
      translate={t}
      // Where the query lies is worked out for the lines drawn only.
      ranges={found.has(entry.id) ? matchRanges(entry, folded) : undefined}
      current={entry.id === currentId}
      onActivate={choose}
    />
  );

  return (
    <div
      className="outline-panel"
      id="outline-panel"
      {...wholeWindowProps(whole)}
      tabIndex={-1}
      data-readonly={session.readOnly}
      // The query the list shows results for (a moment behind the field while typing).
      data-searched={searched}
      aria-labelledby={ids.title}
      ref={panelRef}
      onKeyDown={onKeyDown}
    >
      <div className="outline-header">
        <h2 id={ids.title}>{t('outline.title')}</h2>
        <button
          type="button"
          className="outline-close"
          aria-label={t('outline.close')}
          title={t('outline.close')}
          onClick={() => closeOutline(session)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="outline-search" role="search">
        <input
          ref={inputRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('outline.search')}
          aria-describedby={ids.help}
          placeholder={t('outline.placeholder')}
          autoComplete="off"
          spellCheck={false}
        />
        <button
          type="button"
          className="outline-step"
          aria-label={t('outline.previous')}
          title={t('outline.previous')}
          disabled={matches.length === 0}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="outline-step"
          aria-label={t('outline.next')}
          title={t('outline.next')}
          disabled={matches.length === 0}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
      </div>
      <p className="outline-status" role="status">
        {searching && (
          <>
            <span className="outline-count">
              {matches.length ? t('outline.results', { count: matches.length }) : t('outline.none')}
            </span>
            {currentIndex >= 0 && (
              <span className="outline-position">
                {' · '}
                {t('outline.position', { index: currentIndex + 1, count: matches.length })}
              </span>
            )}
          </>
        )}
      </p>
      <p id={ids.help} className="visually-hidden">
        {t('outline.help')}
      </p>
      {outline.entries.length === 0 && outline.groups.length === 0 ? (
        <p className="outline-empty">{t('outline.empty')}</p>
      ) : (
        <ul className="outline-list" aria-label={t('outline.list')}>
          {drawn.groups.map((group) => (
            <li key={group.carton?.id ?? 'outside'} className="outline-group">
              {/* Headings: a screen reader jumps from carton to carton. */}
              {group.carton ? (
                <h3 className="outline-carton">{item(group.carton)}</h3>
              ) : (
                <h3 className="outline-outside">{t('outline.outside')}</h3>
              )}
              {(group.entries.length > 0 || group.counts.length > 0) && (
                <ul>
                  {group.entries.map((entry) => (
                    <li key={entry.id}>{item(entry)}</li>
                  ))}
                  {group.counts.length > 0 && (
                    <li className="outline-counts">
                      {countsLabel(plainTranslate(t), group.counts)}
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
          {drawn.hidden > 0 && (
            <li className="outline-more">
              <button
                ref={moreRef}
                type="button"
                className="outline-more-button"
                onClick={() => more(limit + PAGE_LINES)}
              >
                {t('outline.more', { count: drawn.hidden })}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

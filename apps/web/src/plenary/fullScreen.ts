// The mosaic on the whole screen, for the projector or the TV across the room: the editor's chrome
// (header, zoom, tools, export) goes behind it, the timer stays over it (mosaic.css), and the
// browser is asked for its own full screen as well. If the browser refuses (an iframe, a kiosk),
// the editor's chrome is gone all the same. Escape leaves the browser's full screen (the browser
// keeps that key for itself): the mosaic leaves its own with it, so one key undoes the one button
// (and where the browser has no full screen to leave, Escape on the tiles leaves the mosaic's).
// The controls go above the tiles or beside them, whichever leaves the tiles larger.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { minTileWidth, railPlacement, type RailPlacement } from './mosaicLayout';
import { captionFloorPx } from './territoryLives';

/** Takes the page out of the browser's full screen if `entered` says this mosaic put it there. */
function leaveBrowser(entered: { current: boolean }): void {
  if (!entered.current) return;
  entered.current = false;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

export function useFullScreen(): readonly [boolean, () => void] {
  const [full, setFull] = useState(false);
  const shown = useRef(false);
  // Whether this mosaic put the page in the browser's full screen (and so may take it out).
  const entered = useRef(false);
  // Its request is not answered yet. The change event of a leaving just before (the button
  // pressed twice quickly, a slow machine) may still be on its way, with the page out of full
  // screen: it is not the facilitator leaving it, and the mosaic stays on the whole screen.
  const requesting = useRef(false);

  const toggle = useCallback(() => {
    const next = !shown.current;
    shown.current = next;
    setFull(next);
    if (!next) return leaveBrowser(entered);
    const page = document.documentElement;
    if (document.fullscreenElement || typeof page.requestFullscreen !== 'function') return;
    entered.current = true;
    requesting.current = true;
    page.requestFullscreen().then(
      () => {
        requesting.current = false;
        // Pressed again while the browser was still answering: leave as asked.
        if (!shown.current && document.fullscreenElement) {
          void document.exitFullscreen().catch(() => undefined);
        }
      },
      () => {
        requesting.current = false;
        entered.current = false;
      },
    );
  }, []);

  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement || !entered.current || requesting.current) return;
      entered.current = false;
      shown.current = false;
      setFull(false);
    };
    // Where the browser leaves Escape to the page (its full screen refused), Escape leaves as well;
    // a territory shown large hears it first (MosaicFocus) and goes back to the tiles instead.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !shown.current) return;
      shown.current = false;
      setFull(false);
      leaveBrowser(entered);
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
      // The mosaic closed: the page goes back to its window.
      leaveBrowser(entered);
    };
  }, []);

  return [full, toggle] as const;
}

/** The row's gap to the tiles (the grid's top margin) and the column's (the mosaic's gap). */
const ROW_GAP = 8;
const COLUMN_GAP = 12;

/**
 * Where the controls go on the whole screen (railPlacement): measured from the mosaic's padding,
 * the forum kit's size (--kit-height, --kit-width, which BoardForumKit keeps) and the widest and
 * tallest of the mosaic's own buttons. Measured again as the window, the kit (a timer started or
 * stopped) or the buttons change. 'top' while not on the whole screen.
 */
export function useRailPlacement(
  section: HTMLElement | null,
  header: RefObject<HTMLElement | null>,
  count: number,
  aspect: number,
  gap: number,
  active: boolean,
): RailPlacement {
  const [, remeasure] = useState(0);
  useEffect(() => {
    if (!active || !section) return;
    const observer = new ResizeObserver(() => remeasure((n) => n + 1));
    observer.observe(section);
    const kit = section.closest('.editor')?.querySelector('.forum-kit');
    if (kit) observer.observe(kit);
    if (header.current) observer.observe(header.current);
    return () => observer.disconnect();
  }, [active, section, header]);
  if (!active || !section || !header.current || count === 0) return 'top';
  const style = getComputedStyle(section);
  const px = (value: string) => parseFloat(value) || 0;
  const screen = {
    width: section.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
    height: section.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
  };
  const buttons = [...header.current.querySelectorAll('button')];
  const rail = {
    row:
      Math.max(px(style.getPropertyValue('--kit-height')), ...buttons.map((b) => b.offsetHeight)) +
      ROW_GAP,
    column:
      Math.max(px(style.getPropertyValue('--kit-width')), ...buttons.map((b) => b.offsetWidth)) +
      COLUMN_GAP,
  };
  return railPlacement(count, screen, aspect, gap, minTileWidth(captionFloorPx()), rail);
}

// The territories' tour on the projector (tour.ts): T starts it on the first territory (or the
// one shown), each carton large in turn with a countdown the room sees in the top row, P pauses
// it, + and − give each territory more or less time (shown a moment in the countdown, kept on
// the device for the next tour), T or a slide that is not a territory's (M, Home) stops it. The
// slides stay the live
// territory slides: a note written at a table shows while its carton is up.
// Also the projector's own full screen (F): the browser's, which keeps Escape for itself; an
// Escape the page still hears in full screen leaves the full screen only (ProjectorPage).
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../plenary/focusNav';
import { slideKey } from './slides';
import './tour.css';
import {
  countdownSeconds,
  nextTerritory,
  remainingMs,
  restartCountdown,
  startTour,
  stepDwell,
  storedDwell,
  togglePause,
  TOUR_DWELL_STORAGE_KEY,
  TOUR_OFF,
  tourKey,
  withDwell,
  type TourState,
} from './tour';

/** How often the countdown is redrawn. */
const TICK_MS = 250;

/** How long the time per territory shows in the countdown after + or −. */
const DWELL_SHOWN_MS = 2_500;

function readDwell(): number {
  try {
    return storedDwell(localStorage.getItem(TOUR_DWELL_STORAGE_KEY));
  } catch {
    return storedDwell(null);
  }
}

function keepDwell(dwellMs: number): void {
  try {
    localStorage.setItem(TOUR_DWELL_STORAGE_KEY, String(dwellMs / 1000));
  } catch {
    // Storage unavailable: the next tour takes 30 s again.
  }
}

type TourSlide = { kind: string; id?: string; boardId?: string; page?: number };

/**
 * Where the tour runs besides the projector: the plenary board's full-screen mosaic (MosaicPanel)
 * takes its keys only while on the whole screen (`enabled`), and first (`capture`): T, P, + and −
 * are the editor's tool and zoom keys on the board behind, which must not hear a key the tour took.
 */
export interface TourKeys {
  readonly enabled?: boolean;
  readonly capture?: boolean;
}

export function useTour(
  slides: readonly TourSlide[],
  current: number,
  go: (to: number) => void,
  { enabled = true, capture = false }: TourKeys = {},
): TourState {
  const [tour, setTour] = useState<TourState>(TOUR_OFF);
  const latest = useRef({ slides, current, go, tour });
  useLayoutEffect(() => {
    latest.current = { slides, current, go, tour };
  });

  useEffect(() => {
    if (!enabled) return setTour(TOUR_OFF);
    const onKey = (e: KeyboardEvent) => {
      // A key held (pressed firmly, a wireless keyboard's lag) repeats: T started the tour and
      // stopped it at once, P paused and resumed it, and the room saw the countdown flash.
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || isTyping(e.target)) return;
      const action = tourKey(e.key);
      if (!action) return;
      const { slides, current, go, tour } = latest.current;
      const at = Date.now();
      const take = () => {
        e.preventDefault();
        if (capture) e.stopPropagation();
      };
      if (action === 'longer' || action === 'shorter') {
        if (tour.phase === 'off') return;
        take();
        const dwellMs = stepDwell(tour.dwellMs, action === 'longer' ? 1 : -1);
        keepDwell(dwellMs);
        setTour(withDwell(tour, dwellMs, at));
        return;
      }
      if (action === 'pause') {
        if (tour.phase === 'off') return;
        take();
        setTour(togglePause(tour, at));
        return;
      }
      if (tour.phase !== 'off') {
        take();
        setTour(TOUR_OFF);
        return;
      }
      const first =
        slides[current]?.kind === 'territory' ? current : nextTerritory(slides, current);
      if (first === null) return;
      take();
      setTour(startTour(at, readDwell()));
      if (first !== current) go(first);
    };
    window.addEventListener('keydown', onKey, capture);
    return () => window.removeEventListener('keydown', onKey, capture);
  }, [enabled, capture]);

  // A slide reached while touring: a territory gets its whole time (the tour's move or the
  // facilitator's arrow), anything else ends the tour.
  const shown = slides[current];
  const shownKey = shown ? slideKey(shown) : null;
  useEffect(() => {
    const { slides, current } = latest.current;
    setTour((t) =>
      t.phase === 'off'
        ? t
        : slides[current]?.kind === 'territory'
          ? restartCountdown(t, Date.now())
          : TOUR_OFF,
    );
  }, [shownKey]);

  // The next territory when the countdown ends: one timer to the deadline (the countdown redraws
  // itself, TourCountdown), so the slides are not drawn again four times a second.
  useEffect(() => {
    if (tour.phase !== 'running') return;
    const timer = setTimeout(
      () => {
        // Scheduled for this very countdown (a pause, a move or a stop clears it first).
        const { slides, current, go, tour } = latest.current;
        const at = Date.now();
        if (tour.phase !== 'running') return;
        const next = nextTerritory(slides, current);
        if (next === null) return setTour(TOUR_OFF);
        // One territory only: its countdown starts again (no slide change to do it).
        setTour(restartCountdown(tour, at));
        if (next !== current) go(next);
      },
      Math.max(0, tour.deadline - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [tour]);

  return tour;
}

/** The countdown in the top row, beside the territory's name: large, and its keys. */
export function TourCountdown({ tour }: { tour: TourState }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = tour.phase === 'running';
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(tick);
  }, [running, tour]);
  // + or −: the time per territory shows a moment, in place of the keys.
  const dwellMs = tour.phase === 'off' ? null : tour.dwellMs;
  const [dwellShown, setDwellShown] = useState(false);
  const before = useRef(dwellMs);
  useEffect(() => {
    const was = before.current;
    before.current = dwellMs;
    if (dwellMs === null) return setDwellShown(false);
    if (was === null || was === dwellMs) return;
    setDwellShown(true);
    const hide = setTimeout(() => setDwellShown(false), DWELL_SHOWN_MS);
    return () => clearTimeout(hide);
  }, [dwellMs]);
  const left = remainingMs(tour, now);
  if (tour.phase === 'off' || left === null) return null;
  const seconds = countdownSeconds(left);
  return (
    <p
      className="projector-tour"
      data-phase={tour.phase}
      data-seconds={seconds}
      data-dwell={tour.dwellMs / 1000}
      style={{ '--tour-left': String(left / tour.dwellMs) } as CSSProperties}
    >
      <span className="projector-tour-text">
        {tour.phase === 'running'
          ? t('projector.tour.next', { seconds })
          : t('projector.tour.paused')}
      </span>
      {dwellShown ? (
        <span className="projector-tour-keys projector-tour-dwell" role="status">
          {t('projector.tour.dwell', { seconds: tour.dwellMs / 1000 })}
        </span>
      ) : (
        <span className="projector-tour-keys">
          {t(tour.phase === 'running' ? 'projector.tour.keysRunning' : 'projector.tour.keysPaused')}
        </span>
      )}
      <span className="projector-tour-bar" aria-hidden="true" />
    </p>
  );
}

/** F: the browser's full screen, in or out (refused in an iframe or a kiosk: nothing happens). */
export function useFullScreenKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'f' && e.key !== 'F')) return;
      // Held, it repeats: into the full screen, then out of it again once the browser is in.
      if (e.repeat) return e.preventDefault();
      e.preventDefault();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

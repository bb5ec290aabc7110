// The panels loaded on demand (« Exporter », « Versions », « Contenu », « Aide ») fetched ahead, in
// the background, where they will be needed: the facilitator exports when the venue's wifi has
// dropped, and a device that never opened « Exporter » could not load its chunk then.
// Participants' phones never download « Exporter » and « Versions » (bench/load: first load
// ≤ 600 KB); « Contenu » and « Aide », which every page has, come once the board is drawn. Nothing
// is fetched before the board's first frame nor while the browser is busy drawing it.

export interface PrefetchPage {
  readonly role: string;
  readonly boardKind: string;
  /** `navigator.connection.saveData`: the person asked their browser to spare their data. */
  readonly saveData: boolean;
}

/**
 * Whether this page fetches the export panel ahead: a facilitator's link (the people who export,
 * on any board) or the plenary board (projected, exported at the end of the day) — never when
 * the browser is asked to save data.
 */
export function prefetchesExport(page: PrefetchPage): boolean {
  return !page.saveData && (page.role === 'facilitator' || page.boardKind === 'plenary');
}

/**
 * « Contenu » and « Aide » are on every board page, and read with the wifi gone as well: every
 * page fetches them ahead once its board is drawn, unless the browser is asked to save data.
 */
export function prefetchesEveryPage(page: PrefetchPage): boolean {
  return !page.saveData;
}

/** « Versions » is a facilitator's only (HistoryButton shows it to no one else). */
export function prefetchesHistory(page: PrefetchPage): boolean {
  return !page.saveData && page.role === 'facilitator';
}

export function saveDataAsked(): boolean {
  if (typeof navigator === 'undefined') return false;
  const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

export interface IdleScheduler {
  frame(run: () => void): () => void;
  idle(run: () => void): () => void;
}

/** Without requestIdleCallback (Safari): this long after the board's second frame. */
const NO_IDLE_DELAY_MS = 2_000;
/** requestIdleCallback's limit: a page never idle (a busy board) still gets it by then. */
const IDLE_TIMEOUT_MS = 10_000;

export const browserScheduler: IdleScheduler = {
  frame(run) {
    const id = requestAnimationFrame(() => run());
    return () => cancelAnimationFrame(id);
  },
  idle(run) {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, NO_IDLE_DELAY_MS);
    return () => clearTimeout(id);
  },
};

/**
 * Runs `run` once `ready` resolves (the board's content is known), two frames later (the board
 * drawn: React commits, Konva draws on the next frame) and when the browser is next idle. The
 * returned function cancels it, at whichever step it is.
 */
export function whenIdleAfterFirstFrame(
  ready: Promise<unknown>,
  run: () => void,
  scheduler: IdleScheduler = browserScheduler,
): () => void {
  let cancel: (() => void) | null = null;
  let cancelled = false;
  const then = (next: () => void) => () => {
    if (!cancelled) next();
  };
  void ready.then(
    then(() => {
      cancel = scheduler.frame(
        then(() => {
          cancel = scheduler.frame(then(() => (cancel = scheduler.idle(then(run)))));
        }),
      );
    }),
    () => undefined,
  );
  return () => {
    cancelled = true;
    cancel?.();
  };
}

/** Fetches a panel's chunk (and what it imports); a failure (offline now) is left for its press. */
export function prefetchPanel(load: () => Promise<unknown>, mark: string): void {
  load().then(
    // A mark the end-to-end test waits for: the chunk is on the device.
    () => performance.mark(`carton:prefetched:${mark}`),
    () => undefined,
  );
}

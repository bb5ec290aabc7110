// The facilitator page's board list is read once on opening; a colleague with the same
// facilitator link on another computer may add, rename or remove a board meanwhile, or one may
// have been added from this computer's other tab. The list is read again when the facilitator
// comes back to the page and, while it is in view, now and then: QR codes printed from it must
// be the forum's boards, not the ones of the morning.

/**
 * How often a page in view reads again what colleagues and participants change without telling
 * it: the forum page's boards, « Les incontournables » (the notes' words) there and on the
 * projector's list slide.
 */
export const FORUM_REREAD_MS = 30_000;

/** What the page listens to: the window's focus, the document's visibility. */
export interface PageEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface RefreshOptions {
  window: PageEvents;
  document: PageEvents & { readonly visibilityState: string };
  /** Reads the list again. */
  reload: () => void;
  /** Between two reads while the page stays in view. */
  everyMs: number;
  /** Coming back fires both focus and visibilitychange: one read for both. */
  minGapMs?: number;
  now?: () => number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (id: unknown) => void;
}

/** Starts listening; the returned function stops. */
export function refreshWhenBack({
  window: win,
  document: doc,
  reload,
  everyMs,
  minGapMs = 500,
  now = () => Date.now(),
  setInterval: every = (run, ms) => globalThis.setInterval(run, ms),
  clearInterval: stop = (id) => globalThis.clearInterval(id as ReturnType<typeof setInterval>),
}: RefreshOptions): () => void {
  // The gap joins the two events of one return, not a return to the page's first read: that read
  // may have been answered just before a colleague's change (a return 0.4 s after it missed it).
  let last = -Infinity;
  const read = () => {
    if (doc.visibilityState !== 'visible' || now() - last < minGapMs) return;
    last = now();
    reload();
  };
  win.addEventListener('focus', read);
  doc.addEventListener('visibilitychange', read);
  const timer = every(read, everyMs);
  return () => {
    win.removeEventListener('focus', read);
    doc.removeEventListener('visibilitychange', read);
    stop(timer);
  };
}

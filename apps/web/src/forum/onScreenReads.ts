// « Les incontournables » are read again every FORUM_REREAD_MS for the notes' words, each read a
// whole compilation (~150 kB of JSON for a 10-board forum of 800 notes, uncompressed, on the
// venue's wifi). The forum page sits most of the day at its top (timer, spotlight, votes) with
// the list far below, often in three facilitators' browsers: read every 30 s, that was some
// 260 MB a day for a list nobody was looking at. The clock's reads now happen only while the
// list is on screen in a page in view; a tick that found it hidden is read once it shows again.
// A change to the list itself (compiledAt, a vote closing) is read at once, on screen or not:
// « Vote par points » uses the list too.
import { useEffect, useRef, type RefObject } from 'react';

/** The clock's reads, given whether the list can be seen. Pure: the caller says what it sees. */
export function onScreenReads(read: () => void): {
  /** The clock: reads if the list can be seen, else remembers it missed one. */
  tick: (seen: boolean) => void;
  /** The list became visible or hidden: one read for the ticks missed meanwhile. */
  seen: (seen: boolean) => void;
} {
  let missed = false;
  return {
    tick(seen) {
      if (seen) read();
      else missed = true;
    },
    seen(seen) {
      if (!seen || !missed) return;
      missed = false;
      read();
    },
  };
}

/**
 * Calls `read` every `everyMs` while `target` is on screen in a visible page; after ticks it
 * missed, once as soon as it is seen again. Where IntersectionObserver is missing, on every tick
 * of a visible page.
 */
export function useOnScreenReads(
  target: RefObject<Element | null>,
  read: () => void,
  everyMs: number,
): void {
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  });
  useEffect(() => {
    const element = target.current;
    let onScreen = true;
    const seen = () => document.visibilityState === 'visible' && onScreen;
    const reads = onScreenReads(() => latest.current());
    const observer =
      element && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            onScreen = entries.at(-1)?.isIntersecting ?? onScreen;
            reads.seen(seen());
          })
        : null;
    if (element) observer?.observe(element);
    const onVisibility = () => reads.seen(seen());
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => reads.tick(seen()), everyMs);
    return () => {
      observer?.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [target, everyMs]);
}

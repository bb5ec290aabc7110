// What comes to say something to a person who may be scrolled away from where it shows: a notice
// of the page (the link changed, the server cannot store, their words were taken away) at the top
// of a page taller than the window (text enlarged: data-tall, editor.css), or the versions panel's
// refusal at the top of a long list scrolled down to the version restored. A screen reader says
// it (role alert or status); a person reading the screen enlarged never saw it. Its scroller (the
// page, the panel) is scrolled to it as it comes, without taking the focus from where it is.
import { useCallback } from 'react';
import { prefersReducedMotion } from './reducedMotion';

/** Space kept above it once scrolled to (px). */
const ABOVE = 8;

/** The nearest ancestor of `el` that scrolls up and down, or null for the page itself. */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
    const { overflowY } = getComputedStyle(up);
    if ((overflowY === 'auto' || overflowY === 'scroll') && up.scrollHeight > up.clientHeight) {
      return up;
    }
  }
  return null;
}

/**
 * Scrolls `el`'s scroller (the page where none) so that its top shows, if it does not: above or
 * below what shows of the scroller. The focus stays where it is.
 */
export function bringIntoView(el: HTMLElement): void {
  const scroller = scrollerOf(el);
  const top = el.getBoundingClientRect().top;
  const [start, end] = scroller
    ? [scroller.getBoundingClientRect().top, scroller.getBoundingClientRect().bottom]
    : [0, window.innerHeight];
  if (top >= start && top < end) return;
  const behavior = prefersReducedMotion() ? 'instant' : 'smooth';
  (scroller ?? window).scrollBy({ top: top - start - ABOVE, behavior });
}

/** A ref for what should be seen as it comes: brought into view when it is put in the page. */
export function useInViewOnArrival<T extends HTMLElement>(): (el: T | null) => void {
  return useCallback((el: T | null) => {
    if (el) bringIntoView(el);
  }, []);
}

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
 * The pointers pressed on the page (a note dragged, a pen stroke, a finger): the page is not
 * scrolled under them. Scrolled during a drag, the canvas moved under the still pointer and the
 * note jumped by the scroll, dropped far from where it was carried.
 */
const pressed = new Set<number>();
/** What waits for the last pointer to be released. */
const afterRelease: (() => void)[] = [];
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', (e) => pressed.add(e.pointerId), true);
  const released = (e: PointerEvent) => {
    pressed.delete(e.pointerId);
    if (pressed.size > 0 || afterRelease.length === 0) return;
    // After the release is handled (the note dropped where the pointer left it), not before.
    const waiting = afterRelease.splice(0);
    setTimeout(() => waiting.forEach((then) => then()), 0);
  };
  window.addEventListener('pointerup', released, true);
  window.addEventListener('pointercancel', released, true);
  // A mouse released outside the window, whose release the page never heard.
  window.addEventListener(
    'pointermove',
    (e) => e.buttons === 0 && pressed.has(e.pointerId) && released(e),
    true,
  );
}

/**
 * Scrolls `el`'s scroller (the page where none) so that its top shows, if it does not: above or
 * below what shows of the scroller. The focus stays where it is. While a pointer is pressed, once
 * it is released (if `el` is still in the page).
 */
export function bringIntoView(el: HTMLElement): void {
  if (pressed.size > 0) {
    afterRelease.push(() => {
      if (el.isConnected) bringIntoView(el);
    });
    return;
  }
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

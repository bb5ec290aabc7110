// The vote's banner sits just above the toolbar, at the page's end. On a page taller than the
// window (text enlarged, or a 320 px phone's chrome: data-tall, boardBand.ts) the page opens at
// its top, and a vote opening put its banner — « Voter en liste », the dots left — below the
// window, where a newcomer did not know to look. ForumAnnouncer says the vote opening; here the
// page is scrolled down to the banner as it comes, and again if the page grows under it, until
// the person touches, scrolls or types on the page: then where they are is theirs.
import { useCallback, useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../ui/reducedMotion';

/** Space kept above the banner where the page cannot scroll far enough to show all below it. */
const ABOVE = 8;

/** The votes whose banner this page has brought into view: once each (not again after the list). */
const brought = new Set<string>();

/** What the person does that makes the page's scroll theirs. */
const THEIRS = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;

/** Scrolls the page down (or up) to `banner`: as far down as the page goes, its top still shown. */
function scrollTo(banner: HTMLElement): void {
  const page = document.scrollingElement ?? document.documentElement;
  const { top } = banner.getBoundingClientRect();
  const end = page.scrollHeight - window.innerHeight - window.scrollY;
  const by = top < 0 ? top - ABOVE : Math.min(top - ABOVE, end);
  if (Math.abs(by) < 1) return;
  window.scrollBy({ top: by, behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
}

/** Scrolls to `banner` whenever it is out of the window on a tall page, until the person acts. */
function keepInView(banner: HTMLElement, ended: () => void = () => undefined): () => void {
  const seen = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    if (last && !last.isIntersecting && banner.closest('.editor[data-tall]')) scrollTo(banner);
  });
  const end = () => {
    seen.disconnect();
    THEIRS.forEach((type) => window.removeEventListener(type, end, true));
    ended();
  };
  seen.observe(banner);
  THEIRS.forEach((type) => window.addEventListener(type, end, true));
  return end;
}

/** A ref for the banner of a vote (`voteKey`: the board and the vote): scrolled to while out of the window (see above). */
export function useBannerInView(voteKey: string): (banner: HTMLElement | null) => void {
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  return useCallback(
    (banner: HTMLElement | null) => {
      stop.current?.();
      stop.current = null;
      if (!banner || brought.has(voteKey) || typeof IntersectionObserver !== 'function') return;
      brought.add(voteKey);
      stop.current = keepInView(banner, () => (stop.current = null));
    },
    [voteKey],
  );
}

/**
 * The banner grown by the person's own press (« ? »: how to vote opened under the question). On
 * a 320 × 568 phone with the timer, the facilitator followed and a two-line question, that help
 * made the page taller than the window: the page stayed at its top and the banner, « ? » and
 * the help just asked for went below the window, an empty board left in it. Followed as a vote
 * opening is, until the person's next touch, scroll or key.
 */
export function keepBannerInView(banner: HTMLElement | null): void {
  if (banner && typeof IntersectionObserver === 'function') keepInView(banner);
}

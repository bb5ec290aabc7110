// The arrows at the edges of the selection's panel where it scrolls sideways (a phone held
// sideways, panels.css): « Réduire … Aligner » lay past the right edge and only a swipe showed
// them, with nothing saying there was more. A faded edge and an arrow say so; a tap on the
// arrow scrolls the row. Pointer aids only: the buttons they reveal are in the panel already for
// the keyboard and screen readers (each scrolls into view when focused), so the arrows are
// hidden from both.
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { StrokeIcon } from './icons';
import { prefersReducedMotion } from './reducedMotion';
import { NO_OVERFLOW, overflowEdges, scrollStep, type OverflowEdges } from './panelOverflow';

function sameEdges(a: OverflowEdges, b: OverflowEdges): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Which edges of `ref`'s row hide something, kept up to date as it scrolls or changes. */
export function usePanelOverflow(ref: RefObject<HTMLElement | null>): OverflowEdges {
  const [edges, setEdges] = useState<OverflowEdges>(NO_OVERFLOW);
  const measure = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const overflow = getComputedStyle(element).overflowX;
    const next = overflowEdges(element, overflow === 'auto' || overflow === 'scroll');
    setEdges((previous) => (sameEdges(previous, next) ? previous : next));
  }, [ref]);

  // The row's boxes change width with the choice (a note's colours, « Relier », « Aligner »'s
  // padlock): observed one by one, as the panel's own box keeps its width meanwhile.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(element);
    for (const child of element.children) resized.observe(child);
    const changed = new MutationObserver(() => {
      resized.disconnect();
      resized.observe(element);
      for (const child of element.children) resized.observe(child);
      measure();
    });
    changed.observe(element, { childList: true });
    element.addEventListener('scroll', measure, { passive: true });
    // A phone turned upright wraps the panel instead (its overflow changes with the media query).
    window.addEventListener('resize', measure);
    return () => {
      resized.disconnect();
      changed.disconnect();
      element.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [ref, measure]);
  return edges;
}

const ARROW_WIDTH = 44;

/** The arrow at one edge of the panel `ref`, shown while something hides past that edge. */
export function PanelEdge({
  edge,
  shown,
  panel,
}: {
  edge: 'start' | 'end';
  shown: boolean;
  panel: RefObject<HTMLElement | null>;
}) {
  if (!shown) return null;
  return (
    <button
      type="button"
      className={`panel-edge ${edge}`}
      data-edge={edge}
      tabIndex={-1}
      aria-hidden="true"
      onClick={() => {
        const element = panel.current;
        if (!element) return;
        element.scrollBy({
          left: scrollStep(element, edge, ARROW_WIDTH),
          behavior: prefersReducedMotion() ? 'instant' : 'smooth',
        });
      }}
    >
      <StrokeIcon size={22}>
        <path d={edge === 'end' ? 'M9 5l7 7-7 7' : 'M15 5l-7 7 7 7'} />
      </StrokeIcon>
    </button>
  );
}

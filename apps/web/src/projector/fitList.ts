// A projected list set as large as its slide holds it whole: from 5.6 % of the screen's height
// (60 px on a 1080 p projector, read from the back of a room) down to 16 px for a long list.
import { useLayoutEffect, type RefObject } from 'react';

const LARGEST = 0.056;
const SMALLEST_PX = 16;

/** Sizes `list` until `box` no longer overflows, again when the fonts arrive or the window resizes. */
export function useFitList(
  box: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  content: unknown,
): void {
  useLayoutEffect(() => {
    const fit = () => {
      const section = box.current;
      const ol = list.current;
      if (!section || !ol) return;
      let size = Math.max(SMALLEST_PX, window.innerHeight * LARGEST);
      ol.style.fontSize = `${size}px`;
      while (section.scrollHeight > section.clientHeight && size > SMALLEST_PX) {
        size = Math.max(SMALLEST_PX, Math.floor(size * 0.92));
        ol.style.fontSize = `${size}px`;
      }
    };
    fit();
    // The projector's fonts may arrive after the first measure, wider than the fallback's.
    void document.fonts?.ready.then(fit);
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [box, list, content]);
}

// When a face of the typeface arrives after the board was drawn (latin-ext for a name such as
// « Łódź », fetched only once some text needs it, or the latin faces after loadFonts' 3 s wait
// gave up), the text measured meanwhile with a fallback font is measured and drawn again.
import { useSyncExternalStore } from 'react';
import { stages } from 'konva/lib/Stage.js';
import type { Text } from 'konva/lib/shapes/Text.js';

let arrivals = 0;
const listeners = new Set<() => void>();

function arrived(): void {
  arrivals += 1;
  // Konva keeps each Text's line widths (for centring) from when its text was last set.
  for (const stage of stages) {
    for (const text of stage.find<Text>('Text')) text._setTextData();
    stage.batchDraw();
  }
  for (const listener of listeners) listener();
}

let listening = false;

function subscribe(listener: () => void): () => void {
  if (!listening && typeof document !== 'undefined' && document.fonts) {
    listening = true;
    document.fonts.addEventListener('loadingdone', arrived);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How many times faces arrived so far: a shape that measures its text puts it among its memo's
 * dependencies, so it measures again when one arrives.
 */
export function useFontArrivals(): number {
  return useSyncExternalStore(
    subscribe,
    () => arrivals,
    () => arrivals,
  );
}

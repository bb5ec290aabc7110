// How much of a rectangle of the board's canvas is drawn in an ink: read from the canvas's own
// pixels, for what the canvas draws and the DOM cannot tell (a far carton's title, a far note's
// text marks).
import type { Page } from 'playwright-core';

/**
 * `dark`: text (red channel under 110); `red`: the heart and red headings; `marked`: anything
 * clearly darker than a note's paper (the grey marks of a far note's text, r + g + b < 570).
 */
export type Ink = 'dark' | 'red' | 'marked';

/** Share (0–1) of the canvas pixels within the page rectangle [x0, y0, x1, y1] drawn in `ink`. */
export function inkShare(page: Page, rect: readonly number[], ink: Ink): Promise<number> {
  return page.evaluate(
    ([[x0, y0, x1, y1], kind]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.canvas canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return -1;
      // The stage overhangs the viewport (its pan margin): map page to canvas pixels.
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const data = ctx.getImageData(
        Math.round((x0! - box.left) * ratio),
        Math.round((y0! - box.top) * ratio),
        Math.max(1, Math.round((x1! - x0!) * ratio)),
        Math.max(1, Math.round((y1! - y0!) * ratio)),
      ).data;
      let hits = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a < 200) continue;
        if (
          kind === 'dark'
            ? r < 110
            : kind === 'red'
              ? r > 150 && g < 110 && b < 110
              : r + g + b < 570
        )
          hits++;
      }
      return hits / (data.length / 4);
    },
    [rect, ink] as const,
  );
}

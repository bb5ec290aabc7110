// Node-only helpers: where the bundled font files are, and their metrics. The browser loads the
// same TTFs through its bundler (see README) and calls parseFontMetrics itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RenderFonts } from './font/fonts.ts';
import { parseFontMetrics } from './font/ttf.ts';

const FONT_PACKAGE = '@expo-google-fonts/atkinson-hyperlegible';

/** Absolute paths of the bundled TTF files: regular and bold. */
export function bundledFontFiles(): { regular: string; bold: string } {
  // Resolved from @carton/render's own folder, whether this code runs from its sources or
  // bundled into an app (apps/server/dist) that depends on @carton/render.
  const here = createRequire(import.meta.url);
  const require = createRequire(here.resolve('@carton/render/package.json'));
  return {
    regular: require.resolve(`${FONT_PACKAGE}/400Regular/AtkinsonHyperlegible_400Regular.ttf`),
    bold: require.resolve(`${FONT_PACKAGE}/700Bold/AtkinsonHyperlegible_700Bold.ttf`),
  };
}

let cached: RenderFonts | null = null;

/** Metrics of the bundled fonts (read once). */
export function loadBundledFonts(): RenderFonts {
  if (cached === null) {
    const files = bundledFontFiles();
    cached = {
      regular: parseFontMetrics(new Uint8Array(readFileSync(files.regular))),
      bold: parseFontMetrics(new Uint8Array(readFileSync(files.bold))),
    };
  }
  return cached;
}

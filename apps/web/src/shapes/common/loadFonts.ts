// Carton's typeface, Atkinson Hyperlegible (SIL OFL 1.1), served with the client so the canvas,
// the text editor and the PNG export (@carton/render uses the same font) measure text alike.
//
// The board's first frame waits for it, and on a venue's overloaded wifi (~42 KB/s) every 10 KB
// before that frame costs ~0.24 s: the whole TTFs were 2 × 26 KB brotli'd. So each weight is three
// faces of one family, told apart by their unicode-range as @font-face rules would be:
// - latin (17 KB WOFF2): all of French (« » NBSP, NNBSP, ’, œ, €, …), the only bytes the first
//   frame waits for;
// - latin-ext (9 KB WOFF2): Polish, Romanian, Czech… names and notes; fetched only once some text
//   needs it (loadFontsFor), and the shapes measure and draw again when it arrives
//   (fontsArrived.ts);
// - the rest of the TTF's characters (≤ ≥ ≠ ≈ ‰ π μ Ω ∞…, in neither subset): the whole TTF,
//   fetched only for those.
// The subsets are cut from the same TTFs with their hinting (typeface/subset.sh), so every advance
// width is the TTF's, also where Chromium rounds them from the hinting (e2e font-subsets): the
// measured text does not change. The SVG/PDF export still embeds the whole TTF (export/svg.ts).
import latinRegularUrl from './typeface/atkinson-hyperlegible-latin-400.woff2?url';
import latinBoldUrl from './typeface/atkinson-hyperlegible-latin-700.woff2?url';
import extRegularUrl from './typeface/atkinson-hyperlegible-latin-ext-400.woff2?url';
import extBoldUrl from './typeface/atkinson-hyperlegible-latin-ext-700.woff2?url';
import regularUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf?url';

export const TYPEFACE = 'Atkinson Hyperlegible';

/** Google Fonts' (and Fontsource's) ranges, as cut by typeface/subset.sh. */
export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
/** The TTF's characters in neither subset (from the TTF's cmap). */
export const REST_RANGE =
  'U+02D8-02D9,U+02DB,U+0302,U+0306-0307,U+030A-030C,U+0326-0328,U+0394,U+03A9,U+03BC,U+03C0,U+2021,U+2030,U+2074,U+212E,U+2202,U+220F,U+2211,U+2219-221A,U+221E,U+222B,U+2248,U+2260,U+2264-2265,U+25CA';

const LATIN_CODES = LATIN_RANGE.split(',').map((range) => {
  const [from = '0', to = from] = range.slice(2).split('-');
  return [parseInt(from, 16), parseInt(to, 16)] as const;
});

/** Whether the latin faces draw this character: nothing more to fetch for it. */
export function inLatin(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff || LATIN_CODES.some(([from, to]) => code >= from && code <= to);
}

interface Faces {
  readonly latin: readonly FontFace[];
  /** Fetched when some text needs them. */
  readonly more: readonly FontFace[];
}

let faces: Faces | null = null;

function typefaceFaces(): Faces {
  if (!faces) {
    const face = (url: string, weight: string, unicodeRange: string) =>
      new FontFace(TYPEFACE, `url(${url})`, { weight, unicodeRange });
    faces = {
      latin: [face(latinRegularUrl, '400', LATIN_RANGE), face(latinBoldUrl, '700', LATIN_RANGE)],
      more: [
        face(extRegularUrl, '400', LATIN_EXT_RANGE),
        face(extBoldUrl, '700', LATIN_EXT_RANGE),
        face(regularUrl, '400', REST_RANGE),
        face(boldUrl, '700', REST_RANGE),
      ],
    };
    // All in the document's set: the browser fetches a face only for text in its range.
    for (const one of [...faces.latin, ...faces.more]) document.fonts.add(one);
  }
  return faces;
}

let ready: Promise<void> | null = null;

/** Loads both weights' latin faces once; resolves after at most `timeoutMs` even if one fails. */
export function loadFonts(timeoutMs = 3000): Promise<void> {
  if (!ready) {
    const loading = Promise.all(typefaceFaces().latin.map((face) => face.load())).then(
      () => undefined,
      () => undefined, // a fallback font is still readable
    );
    ready = Promise.race([loading, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }
  return ready;
}

const requested = new Set<string>();
let requestedLoaded: Promise<void> = Promise.resolve();

/**
 * Fetches the faces `text` needs beyond latin (both weights), once per character. Resolves once
 * every face asked for so far is there (or failed): meanwhile the text is drawn with a fallback,
 * and fontsArrived.ts tells the shapes to measure and draw again when a face arrives.
 */
export function loadFontsFor(text: string): Promise<void> {
  if (typeof FontFace === 'undefined') return requestedLoaded;
  let fresh = '';
  for (const char of text) {
    if (inLatin(char) || requested.has(char)) continue;
    requested.add(char);
    fresh += char;
  }
  if (fresh) {
    typefaceFaces();
    requestedLoaded = Promise.all([
      requestedLoaded,
      document.fonts.load(`400 16px "${TYPEFACE}"`, fresh),
      document.fonts.load(`700 16px "${TYPEFACE}"`, fresh),
    ]).then(
      () => undefined,
      () => undefined,
    );
  }
  return requestedLoaded;
}

// French typography (Office québécois de la langue française): a narrow no-break space (U+202F)
// before ; ! ? and a no-break space (U+00A0) before : and inside « guillemets ».
// Used to check the catalogues and to tidy user-facing strings built at runtime.

export const NNBSP = '\u202F';
export const NBSP = '\u00A0';

/** Returns `text` with French spacing around high punctuation and guillemets. */
export function frenchTypography(text: string): string {
  return (
    text
      // Any plain or missing space before ; ! ? becomes a narrow no-break space
      // (but not inside URLs like http://, nor "?test" query strings at the start).
      .replace(/(\S)[ \u00A0\u202F]*([;!?])(?=\s|$|»)/gu, `$1${NNBSP}$2`)
      // A colon takes a full no-break space; skip times (12:30) and URLs (http://).
      .replace(/(\S)[ \u00A0\u202F]*:(?=\s|$)/gu, `$1${NBSP}:`)
      // Inside guillemets: no-break spaces.
      .replace(/«[ \u00A0\u202F]*/gu, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/gu, `${NBSP}»`)
      // Straight double quotes pairs become guillemets.
      .replace(/"([^"]+)"/gu, `«${NBSP}$1${NBSP}»`)
  );
}

/** True when `text` already follows French typography (used to lint the catalogue). */
export function hasFrenchTypography(text: string): boolean {
  return frenchTypography(text) === text;
}

// For display only (notes, text, titles): the canvas and the exports keep punctuation attached
// the same way. From its own module: through the renderer's index the home page's first load
// took the renderer, the whole board model, its schemas (zod) and Yjs, which it never runs.
export { keepPunctuationAttached } from '@carton/render/wrap';

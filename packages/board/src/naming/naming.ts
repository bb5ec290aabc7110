// Names of downloaded files and the local calendar day, one rule for the server and the web
// client: the same board exported from the web dialog, from GET /api/boards/:id/export.json or
// inside a forum archive gets the same name stem. Pure (no DOM, no Node).

/** A name stem's longest length: whole-enough titles, paths well under every OS's limits. */
export const SLUG_MAX_LENGTH = 80;

/**
 * Lowercase Latin letters with no decomposition to a base letter (NFKD leaves them whole, so
 * the ASCII filter would drop them: « Straße » → stra-e). Their usual ASCII spellings; uppercase
 * ones (ẞ, Ø, Ł, Đ, Þ, Œ…) are lowercased first.
 */
const LETTERS_IN_ASCII: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ŋ: 'ng',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS_IN_ASCII).join('')}]`, 'gu');

/**
 * A title as an ASCII file-name stem: `Conditions de succès — Rivière-du-Loup` →
 * `conditions-de-succes-riviere-du-loup`; `fallback` when nothing is left (`   `, `🎯`).
 *
 * Only `a-z`, `0-9` and single dashes, so the name survives every file system, archive tool and
 * e-mail client. Letters keep their base (NFKD then every combining mark dropped: « è » → e,
 * « 2ᵉ » → 2e); letters Unicode does not decompose are spelled as their languages write them in
 * ASCII (LETTERS_IN_ASCII: « main-d'œuvre » → main-d-oeuvre, « Straße » → strasse, « Łódź » →
 * lodz, « Ørsted » → orsted), never dropped. Everything else (spaces, NBSP, « », ’ and ', em
 * dashes, emoji) is a dash; cut at 80 and never ending on a dash.
 */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS_IN_ASCII[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/**
 * `date`'s calendar day where it runs, `YYYY-MM-DD`: a forum held in Québec is dated in Québec
 * (toISOString's UTC day is already tomorrow after 19 h there).
 */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

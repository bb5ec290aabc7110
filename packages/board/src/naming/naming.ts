// Names of downloaded files and the local calendar day, one rule for the server and the web
// client: the same board exported from the web dialog, from GET /api/boards/:id/export.json or
// inside a forum archive gets the same name stem. Pure (no DOM, no Node).

/** A name stem's longest length: whole-enough titles, paths well under every OS's limits. */
export const SLUG_MAX_LENGTH = 80;

/**
 * A title as an ASCII file-name stem: `Conditions de succès — Rivière-du-Loup` →
 * `conditions-de-succes-riviere-du-loup`; `fallback` when nothing is left (`   `, `🎯`).
 *
 * Only `a-z`, `0-9` and single dashes, so the name survives every file system, archive tool and
 * e-mail client. Letters keep their base (NFKD then every combining mark dropped: « è » → e,
 * « 2ᵉ » → 2e); « œ » and « æ », which Unicode does not decompose, become « oe » and « ae »
 * (« main-d'œuvre » → main-d-oeuvre, not main-d-uvre). Everything else (spaces, NBSP, « »,
 * ’ and ', em dashes, emoji) is a dash; cut at 80 and never ending on a dash.
 */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .toLowerCase()
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

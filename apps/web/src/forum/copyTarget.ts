// How « Copier vers… » names a board it offers: its territory or title, then its kind in
// brackets (« (Plénière) ») unless the name already begins with it — the postcards board is
// titled « Cartes postales », and « Cartes postales (Cartes postales) » read as a mistake.

/** The kind to show after `name`, or null when the name already says it. */
export function kindAfterName(name: string, kind: string): string | null {
  const folded = (s: string) => s.toLocaleLowerCase('fr-CA').trim();
  return folded(name).startsWith(folded(kind)) ? null : kind;
}

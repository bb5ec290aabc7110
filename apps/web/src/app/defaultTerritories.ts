// The eight MRCs of Bas-Saint-Laurent: the default territories of a new forum (the server's too).
export const BSL_TERRITORIES: readonly string[] = [
  'Kamouraska',
  'Rivière-du-Loup',
  'Témiscouata',
  'Les Basques',
  'Rimouski-Neigette',
  'La Mitis',
  'La Matapédia',
  'La Matanie',
];

/** Trimmed, non-empty, without case-insensitive duplicates (the server refuses those). */
export function cleanTerritories(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const name = raw.trim();
    const key = name.toLocaleLowerCase('fr-CA');
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

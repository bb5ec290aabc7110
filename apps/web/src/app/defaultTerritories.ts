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

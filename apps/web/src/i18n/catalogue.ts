// Flattens a nested message catalogue into dotted keys (used by tests and the key checker).
export type Catalogue = { [key: string]: string | Catalogue };

export function flattenCatalogue(catalogue: Catalogue, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flattenCatalogue(value, path));
  }
  return out;
}

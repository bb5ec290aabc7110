import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

// Z-order is a fractional-index string per shape; ties (two peers picking the same key
// concurrently) are broken by id so every peer sorts the same way.

const validity = new Map<string, boolean>();

export function isValidIndex(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) return false;
  const known = validity.get(value);
  if (known !== undefined) return known;
  let ok = true;
  try {
    generateKeyBetween(value, null);
  } catch {
    ok = false;
  }
  if (validity.size > 50_000) validity.clear();
  validity.set(value, ok);
  return ok;
}

export function compareOrder(
  a: { readonly index: string; readonly id: string },
  b: { readonly index: string; readonly id: string },
): number {
  if (a.index < b.index) return -1;
  if (a.index > b.index) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key strictly between a and b (either may be null); a === b is treated as "just above a". */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && b !== null && a >= b) return generateKeyBetween(a, null);
  return generateKeyBetween(a, b);
}

export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (a !== null && b !== null && a >= b) return generateNKeysBetween(a, null, n);
  return generateNKeysBetween(a, b, n);
}

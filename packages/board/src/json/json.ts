// Small helpers for the plain JSON values stored in shape records and board files.

export function zodIssues(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  prefix = '',
): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: formatPath(prefix, issue.path),
    message: issue.message,
  }));
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Deep equality for the JSON values stored in a record (numbers, strings, arrays, objects). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (const key of ak) {
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

/** Keys that would set a prototype when Yjs decodes an object (`obj[key] = value`). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * The first reason `value` cannot be stored as is in a shape record (checked without recursion,
 * so any nesting is answered): nested deeper than `maxDepth` arrays and objects — validators,
 * Yjs's encoder and decoder and every peer's reader recurse, and overflow their stack past a few
 * thousand levels — or an object key in RESERVED_KEYS, which Yjs's decoder turns into a prototype
 * (the value silently lost on the next peer). Null when it can.
 */
export function storableJsonProblem(
  value: unknown,
  maxDepth: number,
): { path: readonly PropertyKey[]; message: string } | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (path.length >= maxDepth) {
      return { path, message: `nested more than ${maxDepth} levels deep` };
    }
    if (Array.isArray(item)) {
      item.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(item)) {
      if (RESERVED_KEYS.has(key)) return { path: [...path, key], message: 'reserved key' };
      stack.push({ value: (item as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/** A UTF-16 surrogate without its other half: JSON's `\uD800` escapes can write one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate replaced by U+FFFD, as UTF-8 (Yjs's encoding) stores it. */
export function wellFormedText(text: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/**
 * `value` with every string and object key made well-formed (wellFormedText), repaired in place
 * (without recursion: any nesting is walked). Yjs encodes strings as UTF-8, where a lone
 * surrogate becomes U+FFFD: without this, the process that imported a file held the lone
 * surrogate while every peer and every later load read U+FFFD.
 */
export function repairLoneSurrogates(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child: unknown = item[i];
        if (typeof child === 'string') item[i] = wellFormedText(child);
        else if (typeof child === 'object' && child !== null) stack.push(child);
      }
      continue;
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const fixedKey = wellFormedText(key);
      const fixed = typeof child === 'string' ? wellFormedText(child) : child;
      if (fixedKey !== key) {
        delete record[key];
        Object.defineProperty(record, fixedKey, {
          value: fixed,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (fixed !== child) record[key] = fixed;
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return value;
}

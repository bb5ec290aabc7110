import * as Y from 'yjs';
import { isShapeType, definitionOf } from '../shapes/registry.ts';
import { textSplice } from './splice.ts';

// How a record's values sit in its Y.Map (M2, M35): one key per prop, plain JSON values, except
// the text people type in (a note's text, a heading's text, a carton's title), held as a Y.Text
// so that two people typing in it at once both keep their letters. Readers never see a Y.Text:
// `map.toJSON()` turns it into its string.

function mergedTextKeys(type: unknown): readonly string[] {
  return isShapeType(type) ? definitionOf(type).mergedText : [];
}

/** A record's entries as they are stored in a fresh Y.Map (undefined values left out). */
export function storedEntries(record: object): [string, unknown][] {
  const merged = mergedTextKeys((record as { type?: unknown }).type);
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(record) as [string, unknown][]) {
    if (value === undefined) continue;
    entries.push([
      key,
      typeof value === 'string' && merged.includes(key) ? new Y.Text(value) : value,
    ]);
  }
  return entries;
}

/** A stored value as readers see it: a Y.Text's string, anything else as it is. */
export function storedValue(raw: unknown): unknown {
  return raw instanceof Y.Text ? raw.toString() : raw;
}

/**
 * Writes one prop of a stored record of `type`. Merged text is changed by one splice (the
 * common start and end kept, one delete and one insert), so a peer's letters typed meanwhile
 * elsewhere in it survive. A merged text still stored as a plain string (a board from before
 * M35, or an older client's write) is replaced by a Y.Text: that one write is last-writer-wins.
 */
export function writeStoredValue(map: Y.Map<unknown>, type: unknown, key: string, value: unknown) {
  if (typeof value !== 'string' || !mergedTextKeys(type).includes(key)) {
    map.set(key, value);
    return;
  }
  const text = map.get(key);
  if (!(text instanceof Y.Text)) {
    map.set(key, new Y.Text(value));
    return;
  }
  const { index, remove, insert } = textSplice(text.toString(), value);
  if (remove > 0) text.delete(index, remove);
  if (insert !== '') text.insert(index, insert);
}

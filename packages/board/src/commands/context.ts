import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import type { Origin } from '../origin/origin.ts';
import type { Shape } from '../shapes/registry.ts';
import { BoardCommandError } from './errors.ts';

/** What every command needs: the shapes map, the id source and the cached top index. */
export interface CommandContext {
  readonly shapes: ShapesMap;
  readonly origin: Origin;
  readonly newId: () => string;
  /** The highest index on the board (possibly of a deleted shape: still a valid "above all"). */
  readonly topIndex: () => string | null;
  /** Tell the cache about an index just written. */
  readonly noteIndex: (index: string) => void;
}

/** Writes a validated record as a fresh Y.Map, one key per prop (M2). */
export function writeRecord(ctx: CommandContext, record: Shape): void {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) entries.push([key, value]);
  }
  ctx.shapes.set(record.id, new Y.Map<unknown>(entries));
  ctx.noteIndex(record.index);
}

/** Ids of the records whose stored parentId is one of `parents` (one pass over the board). */
export function childrenOf(shapes: ShapesMap, parents: ReadonlySet<string>): string[] {
  const children: string[] = [];
  if (parents.size === 0) return children;
  for (const [id, map] of shapes) {
    if (!(map instanceof Y.Map)) continue;
    const parentId = map.get('parentId');
    if (typeof parentId === 'string' && parents.has(parentId) && !parents.has(id))
      children.push(id);
  }
  return children;
}

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

export function invalid(message: string, issues: { path: string; message: string }[] = []): never {
  throw new BoardCommandError(message, issues);
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

import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import type { Origin } from '../origin/origin.ts';
import type { Shape } from '../shapes/registry.ts';
import { storedEntries } from '../stored/stored.ts';
import { BoardCommandError } from './errors.ts';
import type { ShapeRoom } from './limit.ts';

/** What every command needs: the shapes map, the id source and the cached top index. */
export interface CommandContext {
  readonly shapes: ShapesMap;
  readonly origin: Origin;
  readonly newId: () => string;
  /** The highest index on the board (possibly of a deleted shape: still a valid "above all"). */
  readonly topIndex: () => string | null;
  /** Tell the cache about an index just written. */
  readonly noteIndex: (index: string) => void;
  /** M37: what the board can still take; commands that add shapes check it before writing. */
  readonly room: ShapeRoom;
}

/** Writes a validated record as a fresh Y.Map, one key per prop (M2), typed text merged (M35). */
export function writeRecord(ctx: CommandContext, record: Shape): void {
  ctx.shapes.set(record.id, new Y.Map<unknown>(storedEntries(record)));
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

export function invalid(message: string, issues: { path: string; message: string }[] = []): never {
  throw new BoardCommandError(message, issues);
}

/**
 * M33: locks hold people's edits. The server and migrations write through them: they act for
 * the facilitator (a territory renamed retitles its locked carton, R55; a refused board is
 * emptied) or for the schema.
 */
export function honoursLocks(ctx: CommandContext): boolean {
  return ctx.origin.kind !== 'server' && ctx.origin.kind !== 'migration';
}

/**
 * M33: the stored record is locked for this command (raw read: cheap, and a peer's record
 * need not validate).
 */
export function lockedRecord(ctx: CommandContext, map: unknown): boolean {
  return honoursLocks(ctx) && map instanceof Y.Map && map.get('locked') === true;
}

import * as Y from 'yjs';
import { jsonEqual } from '../json/json.ts';
import { writeStoredValue } from '../stored/stored.ts';
import { BOARD_SCHEMA_VERSION, META_KEY, rootMap, shapesMapOf } from '../doc/layout.ts';
import type { Origin } from '../origin/origin.ts';
import { MIGRATION_ORIGIN } from '../origin/origin.ts';
import type { ShapeMigration } from '../shapes/common/base.ts';
import { SHAPE_TYPES, shapeRegistry } from '../shapes/registry.ts';

/** Migrations per shape type; the registry's by default (all empty at schema 1). */
export type MigrationSet = { readonly [type: string]: readonly ShapeMigration[] | undefined };

export function registryMigrations(): MigrationSet {
  const set: Record<string, readonly ShapeMigration[]> = {};
  for (const type of SHAPE_TYPES) set[type] = shapeRegistry[type].migrations;
  return set;
}

/**
 * Lifts one stored record from schema `from` to `to` (M29): the type's migrations with
 * from < version <= to, in version order. Records of unknown types are returned as they are.
 */
export function migrateRecord(
  record: Readonly<Record<string, unknown>>,
  from: number,
  to: number = BOARD_SCHEMA_VERSION,
  migrations: MigrationSet = registryMigrations(),
): Record<string, unknown> {
  const type = record['type'];
  const list = typeof type === 'string' && Object.hasOwn(migrations, type) ? migrations[type] : [];
  let result: Record<string, unknown> = { ...record };
  const steps = (list ?? [])
    .filter((m) => m.version > from && m.version <= to)
    .sort((a, b) => a.version - b.version);
  for (const step of steps) result = step.up(result);
  return result;
}

export interface MigrateBoardOptions {
  readonly to?: number;
  readonly migrations?: MigrationSet;
  readonly origin?: Origin;
}

/**
 * Brings a document up to the current schema in one transaction: changed keys rewritten, meta's
 * schemaVersion raised. Run by one writer (the server, when it loads a board), so peers do not
 * race to migrate. Returns how many records changed; a no-op for a current or newer document.
 */
export function migrateBoardDoc(doc: Y.Doc, options: MigrateBoardOptions = {}): number {
  const to = options.to ?? BOARD_SCHEMA_VERSION;
  const meta = rootMap(doc).get(META_KEY);
  const shapes = shapesMapOf(doc);
  if (!(meta instanceof Y.Map) || shapes === undefined) return 0;
  const from: unknown = meta.get('schemaVersion');
  if (typeof from !== 'number' || from >= to) return 0;
  const migrations = options.migrations ?? registryMigrations();
  let changed = 0;
  doc.transact(() => {
    for (const map of shapes.values()) {
      if (!(map instanceof Y.Map)) continue;
      const before = map.toJSON() as Record<string, unknown>;
      const after = migrateRecord(before, from, to, migrations);
      let touched = false;
      for (const key of Object.keys(before)) {
        if (!(key in after) || after[key] === undefined) {
          map.delete(key);
          touched = true;
        }
      }
      for (const [key, value] of Object.entries(after)) {
        if (value !== undefined && !jsonEqual(before[key], value)) {
          writeStoredValue(map, after['type'], key, value);
          touched = true;
        }
      }
      if (touched) changed++;
    }
    meta.set('schemaVersion', to);
  }, options.origin ?? MIGRATION_ORIGIN);
  return changed;
}

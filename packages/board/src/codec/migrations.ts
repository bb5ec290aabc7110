import type { BoardFileIssue } from './errors.ts';
import { BOARD_FILE_VERSION } from './file.ts';

/**
 * One step of the file format: lifts a parsed file of version `from` to `from + 1` (M30).
 * Steps work on plain JSON (they run before validation) and must not throw on odd input:
 * what they leave malformed is reported by validation with its path.
 */
export interface BoardFileMigration {
  readonly from: number;
  readonly up: (file: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The file format's history; a change to the format adds `{ from: n, up }` here and raises
 * BOARD_FILE_VERSION. (Shape-level changes are the shape registry's migrations, M29, applied
 * per record.)
 * - 1 → 2: shapes may carry `locked` (M33). A version 1 file has none, and absent reads as
 *   unlocked, so its records are kept as they are.
 */
export const BOARD_FILE_MIGRATIONS: readonly BoardFileMigration[] = [
  { from: 1, up: (file) => file },
];

export interface UpgradeOptions {
  readonly migrations?: readonly BoardFileMigration[];
  /** The version this reader writes (BOARD_FILE_VERSION; tests pretend a newer one). */
  readonly currentVersion?: number;
}

/**
 * Lifts a file of `version` to the current version by applying the table's steps in order.
 * Refuses a newer version, and an older one the table has no step for.
 */
export function upgradeBoardFile(
  file: Record<string, unknown>,
  version: number,
  options: UpgradeOptions = {},
): { file: Record<string, unknown> } | { issue: BoardFileIssue } {
  const current = options.currentVersion ?? BOARD_FILE_VERSION;
  const migrations = options.migrations ?? BOARD_FILE_MIGRATIONS;
  if (version > current) {
    return {
      issue: {
        code: 'future_version',
        path: 'version',
        message: `this file is version ${version}, newer than this Carton reads (${current}); update Carton to import it`,
      },
    };
  }
  let lifted = file;
  for (let from = version; from < current; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (step === undefined) {
      return {
        issue: {
          code: 'invalid_value',
          path: 'version',
          message: `version ${version} is not a version Carton ever wrote (oldest readable: ${oldest(migrations, current)})`,
        },
      };
    }
    lifted = { ...step.up(lifted), version: from + 1 };
  }
  return { file: lifted };
}

function oldest(migrations: readonly BoardFileMigration[], current: number): number {
  let version = current;
  while (migrations.some((migration) => migration.from === version - 1)) version--;
  return version;
}

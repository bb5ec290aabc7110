// What a Carton says when its database cannot be used at start — shared by SQLite
// (storage/database.ts) and PostgreSQL (postgres/database.ts), so an organiser who starts an
// older Carton on either store reads the same refusal, with the same exit code (3, main.ts).

/** The database cannot be reached or prepared at start: a one-line message, no secret. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * The database was migrated by a newer Carton: refused before anything is written to it. The
 * command line says it in its own language from the fields (cli/newer-schema.ts).
 */
export class NewerSchemaError extends DatabaseUnavailableError {
  override name = 'NewerSchemaError';
  constructor(
    /** The SQLite file, or PostgreSQL's `host:port/name` (never its password). */
    readonly where: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(`cannot prepare the database ${where}: ${newerSchemaReason(found, known)}`);
  }
}

/**
 * Why an older Carton refuses a database a newer one has already migrated (a laptop swap, a
 * rollback): it would write into tables it does not know. Says both versions and what to do.
 */
export function newerSchemaReason(found: number, known: number): string {
  return (
    `the database's schema (version ${found}) is newer than this Carton (${known}): ` +
    'a newer Carton has already updated it, and this one wrote nothing to it. ' +
    'Start that newer Carton (or a later one) on it, or restore the copy saved before the update'
  );
}

// A throwaway PostgreSQL server for cross-process tests: the server package's own launcher
// (apps/server/src/postgres/test-postgres.ts), re-exported so both use one implementation, and
// the `carton` command line pointed at a database.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './server.ts';

export {
  dumpDatabase,
  startTestPostgres,
  type TestPostgres,
} from '../../apps/server/src/postgres/test-postgres.ts';

const CLI = join(REPO_ROOT, 'apps/server/dist/cli.js');
const run = promisify(execFile);

/** Runs the built `carton <args…>` on the PostgreSQL database `databaseUrl`. */
export function cartonOn(
  databaseUrl: string,
  args: readonly string[],
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], {
    env: { ...process.env, CARTON_DATABASE_URL: databaseUrl },
  });
}

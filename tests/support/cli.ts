// The built `carton` command line (apps/server/dist/cli.js), run as whoever runs the server
// would run it: another process on the same data directory as a live server.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { databaseUrlFor, REPO_ROOT } from './server.ts';

export const CLI = join(REPO_ROOT, 'apps/server/dist/cli.js');
const run = promisify(execFile);

/** Runs `carton <args…>`; rejects with `{ code, stdout, stderr }` on a non-zero exit. */
export function carton(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  // On PostgreSQL (`integration-postgres`), `--data` names the server whose database to use.
  const dataAt = args.indexOf('--data');
  const databaseUrl = dataAt >= 0 ? databaseUrlFor(args[dataAt + 1] ?? '') : undefined;
  // The tests read the CLI's French sentences: pinned, since an English locale (LANG=en_CA…)
  // on the tester's machine makes it speak English.
  const french = { ...process.env, LC_ALL: 'fr_CA.UTF-8' };
  const env = databaseUrl === undefined ? french : { ...french, CARTON_DATABASE_URL: databaseUrl };
  return run(process.execPath, [CLI, ...args], { env });
}

/** `carton facilitator-link` for `forumId` in `dataDir` (links based on `publicUrl` if given). */
export function facilitatorLink(
  dataDir: string,
  forumId: string,
  publicUrl?: string,
): Promise<{ stdout: string; stderr: string }> {
  const base = publicUrl === undefined ? [] : ['--public-url', publicUrl];
  return carton(['facilitator-link', '--data', dataDir, '--forum', forumId, ...base]);
}

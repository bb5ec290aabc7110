// `pnpm --filter @carton/server run backup [-- <file>]`: copies Carton's SQLite database while
// the server runs (SQLite's online backup: a consistent snapshot, writes keep going), then
// checks the copy. The data directory is CARTON_DATA_DIR (default ./data), relative to where
// the command was typed. Restore: stop the server, put the copy back as carton.sqlite (and
// delete any carton.sqlite-wal / -shm beside it), start the server.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const base = process.env.INIT_CWD ?? process.cwd();
const dataDir = resolve(base, process.env.CARTON_DATA_DIR || './data');
const source = join(dataDir, 'carton.sqlite');
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
// pnpm passes a literal `--` through.
const [destination] = process.argv.slice(2).filter((arg) => arg !== '--');
const target = resolve(base, destination ?? join('backups', `carton-${stamp}.sqlite`));

// On PostgreSQL the SQLite file, if any, is an old one: copying it would look like a backup.
if (process.env.CARTON_DATABASE_URL?.trim()) {
  console.error(
    'Carton keeps its data in PostgreSQL here (CARTON_DATABASE_URL is set): this command copies ' +
      'only the SQLite file. Back up with PostgreSQL’s own tool: pg_dump -Fc <database> > ' +
      'carton-<date>.dump (docs/operating.md).',
  );
  process.exit(1);
}
if (!existsSync(source)) {
  console.error(`No database at ${source} (set CARTON_DATA_DIR).`);
  process.exit(1);
}
if (existsSync(target)) {
  console.error(`${target} already exists; choose another file.`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(target);
} finally {
  db.close();
}
const copy = new Database(target, { readonly: true });
try {
  const check = copy.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new Error(`integrity check of the copy: ${check}`);
  const boards = copy.prepare('SELECT count(*) AS n FROM boards').get();
  console.log(`Backed up ${source} → ${target} (${boards.n} boards).`);
} finally {
  copy.close();
}

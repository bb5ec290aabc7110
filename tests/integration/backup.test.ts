// The README's backup while Carton runs (`pnpm --filter @carton/server run backup`): SQLite's
// online copy of the live database, checked, that a server started on it serves the same forum
// and edits; and on PostgreSQL a refusal, not a copy of a stale SQLite file that looks like one.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NoteShape } from '@carton/board';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/server/src/storage/database.ts';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  territoryBoard,
  type Client,
} from './helpers.ts';

const BACKUP = join(REPO_ROOT, 'apps/server/scripts/backup.mjs');
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'carton-backup-'));
const servers: CartonServer[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the backup command as the README says, from the repository's root. */
function backup(env: Record<string, string>, file: string) {
  return run(process.execPath, [BACKUP, '--', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, CARTON_DATABASE_URL: '', ...env },
  });
}

describe('backing up a running Carton', () => {
  it('copies the live database; a server on the copy serves the same forum and edits', async () => {
    const live = await startServer({ env: { CARTON_COMPACT_UPDATES: '1000000' } });
    servers.push(live);
    const forum = await createForum(live);
    const board = territoryBoard(forum, 'Kamouraska');
    const writer = connect(live, board.id, board.edit.token);
    const witness = connect(live, board.id, board.view.token);
    clients.push(writer, witness);
    await Promise.all([writer.synced, witness.synced]);
    const id = writer.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Transport collectif entre les villages' }),
    );
    // Seen by another client: stored (R5), still in the WAL, not yet in carton.sqlite itself.
    await docUntil(
      witness.doc,
      'the witness to see the note',
      () => witness.shape(id) !== undefined,
    );

    const copy = join(dir, 'carton-copy.sqlite');
    const done = await backup({ CARTON_DATA_DIR: live.dataDir }, copy);
    expect(done.stdout).toMatch(
      /^Backed up .*carton\.sqlite → .*carton-copy\.sqlite \(10 boards\)\.$/m,
    );

    const restoredDir = join(dir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(copy, join(restoredDir, 'carton.sqlite'));
    const restored = await startServer({ dataDir: restoredDir });
    servers.push(restored);
    const listed = await authFetch(
      restored,
      `/api/forums/${forum.forum.id}`,
      forum.facilitator.token,
    );
    expect(listed.status).toBe(200);
    const reader = connect(restored, board.id, board.edit.token);
    clients.push(reader);
    await reader.synced;
    expect((reader.shape(id) as NoteShape | undefined)?.text).toBe(
      'Transport collectif entre les villages',
    );
  });

  it('on PostgreSQL, refuses and names pg_dump instead of copying an old SQLite file', async () => {
    const stale = join(dir, 'stale');
    mkdirSync(stale);
    // The laptop's database from before the move to PostgreSQL: a good file, but not the data.
    openDatabase(stale).close();
    const copy = join(dir, 'should-not-exist.sqlite');
    const refused = await backup(
      { CARTON_DATA_DIR: stale, CARTON_DATABASE_URL: 'postgres://carton@db:5432/carton' },
      copy,
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/PostgreSQL.*pg_dump/);
    expect(existsSync(copy)).toBe(false);
  });
});

// R69 at the sync endpoint: while storage fails, a token lookup that fails for it answers what
// the routes answer (503 storage_unavailable, JSON, before the handshake) and is said once, by
// `storage_failing` — not by an error line per reconnecting client. Other lookup failures stay
// 500 with their error line. A real server on a real SQLite file; its forum store's board
// lookup made to fail as a failing disk's read would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { CreatedForum } from '../forums/create-forum.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { createLogger } from '../log.ts';
import { startServer, type RunningServer } from './server.ts';
import { postForum } from './test-forum.ts';
import { refusedUpgrade } from './test-upgrade.ts';

const DISK_ERROR = Object.assign(new Error('disk I/O error'), {
  name: 'SqliteError',
  code: 'SQLITE_IOERR_READ',
});

/** What the next board lookups throw (null: they answer). */
const failure: { error: Error | null } = { error: null };

function failingLookups(real: ForumStore): ForumStore {
  return new Proxy(real, {
    get(target, property) {
      if (property === 'getBoard' && failure.error) {
        const error = failure.error;
        return () => Promise.reject(error);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let dir: string;
let server: RunningServer;
let forum: CreatedForum;
const lines: Array<{ level: string; event: string }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-upgrade-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  server = await startServer(
    config,
    createLogger('info', (line) => lines.push(JSON.parse(line))),
    { wrapStores: (real) => ({ ...real, forums: failingLookups(real.forums) }) },
  );
  forum = await postForum(server.url, { territories: ['Kamouraska'], templates: false });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const syncUrl = () => {
  const board = forum.boards.find((b) => b.territory === 'Kamouraska')!;
  return `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=${encodeURIComponent(board.edit.token)}`;
};
const count = (level: string, event: string) =>
  lines.filter((line) => line.level === level && line.event === event).length;

describe('the sync upgrade while storage fails (R69)', () => {
  it('answers 503 storage_unavailable, said once by storage_failing, not per client', async () => {
    failure.error = DISK_ERROR;
    try {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => refusedUpgrade(syncUrl())));
      for (const answer of answers) {
        expect(answer).toEqual({
          status: 503,
          body: {
            error: {
              code: 'storage_unavailable',
              message:
                'The change could not be stored; nothing was changed. Try again in a moment.',
            },
          },
        });
      }
    } finally {
      failure.error = null;
    }
    expect(count('error', 'storage_failing')).toBe(1);
    expect(lines.find((line) => line.event === 'storage_failing')).toMatchObject({
      code: 'io_error',
      during: 'upgrade',
    });
    expect(count('error', 'upgrade_lookup_failed')).toBe(0);
  });

  it('answers 500 with its error line for a lookup failure that is not storage’s', async () => {
    const before = count('error', 'upgrade_lookup_failed');
    failure.error = new TypeError('a bug in the lookup');
    try {
      const answer = await refusedUpgrade(syncUrl());
      expect(answer).toMatchObject({ status: 500, body: { error: { code: 'internal_error' } } });
    } finally {
      failure.error = null;
    }
    expect(count('error', 'upgrade_lookup_failed')).toBe(before + 1);
  });
});

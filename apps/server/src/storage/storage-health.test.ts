import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log.ts';
import type { BoardStorage } from './board-storage.ts';
import { DATABASE_FILE, openDatabase } from './database.ts';
import { RECOVERY_MARGIN_BYTES, type StatFs } from './recovery-room.ts';
import {
  isReportedStorageFailure,
  sqliteStorageProbe,
  StorageHealth,
  storageFailureCode,
  watchStorageHealth,
} from './storage-health.ts';

const PATH = '/media/portable/carton/carton.sqlite';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}
const FULL = sqliteError('SQLITE_FULL', 'database or disk is full');

function healthWithLines(): { health: StorageHealth; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
  return { health: new StorageHealth(PATH, log), lines };
}

/** A board storage whose appends fail while `full.value` is true. */
function fakeStorage(full: { value: boolean }): BoardStorage {
  let seq = 0;
  return {
    load: () => ({ snapshot: null, updates: [], lastSeq: 0 }),
    append: () => {
      if (full.value) throw FULL;
      return ++seq;
    },
    compact: () => {},
    saveSnapshot: () => ({ id: 1, boardId: 'b', kind: 'auto', name: null, createdAt: 0, bytes: 0 }),
    listSnapshots: () => [],
    getSnapshot: () => null,
    close: () => {},
  };
}

describe('storage health (R69)', () => {
  it('knows a full disk, a read-only one and failing I/O from other errors', () => {
    expect(storageFailureCode(FULL)).toBe('disk_full');
    expect(
      storageFailureCode(new Error('background checkpoint failed: database or disk is full')),
    ).toBe('disk_full');
    expect(
      storageFailureCode(sqliteError('SQLITE_READONLY', 'attempt to write a readonly database')),
    ).toBe('read_only');
    expect(storageFailureCode(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe(
      'io_error',
    );
    expect(storageFailureCode(sqliteError('SQLITE_BUSY', 'database is locked'))).toBeNull();
    expect(storageFailureCode(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE failed'))).toBeNull();
    expect(storageFailureCode('disk')).toBeNull();
  });

  it('says a full disk once, with its file, until a write goes through', () => {
    const { health, lines } = healthWithLines();
    expect(health.report()).toBeNull();
    for (let i = 0; i < 50; i++) health.failed(FULL, 'append');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      event: 'storage_failing',
      code: 'disk_full',
      path: PATH,
    });
    expect(health.report()).toMatchObject({ ok: false, code: 'disk_full' });
    health.succeeded();
    health.succeeded();
    expect(lines.map((line) => line.event)).toEqual(['storage_failing', 'storage_recovered']);
    expect(health.report()).toBeNull();
  });

  it('rethrows every storage failure as reported (storage_failing said it), others as they are', () => {
    const { health } = healthWithLines();
    const full = { value: true };
    const storage = watchStorageHealth(fakeStorage(full), health);
    const thrown = (): unknown => {
      try {
        storage.append('b', Uint8Array.of(0, 0));
      } catch (error) {
        return error;
      }
      return null;
    };
    const first = thrown();
    expect(isReportedStorageFailure(first)).toBe(true);
    expect((first as Error).cause).toBe(FULL);
    const second = thrown();
    expect(isReportedStorageFailure(second)).toBe(true);
    expect(storageFailureCode(second)).toBe('disk_full');
    full.value = false;
    expect(storage.append('b', Uint8Array.of(0, 0))).toBe(1);
    expect(health.report()).toBeNull();
  });

  it('passes other errors on as they are, and says nothing of them', () => {
    const { health, lines } = healthWithLines();
    const busy = sqliteError('SQLITE_BUSY', 'database is locked');
    const storage = watchStorageHealth(
      {
        ...fakeStorage({ value: false }),
        append: () => {
          throw busy;
        },
      },
      health,
    );
    expect(() => storage.append('b', Uint8Array.of(0, 0))).toThrow(busy);
    expect(health.report()).toBeNull();
    expect(lines).toEqual([]);
  });

  it('sums the outage’s later failures in its recovery line, and wakes who waits for it', async () => {
    const { health, lines } = healthWithLines();
    await health.whenWorking();
    for (let i = 0; i < 30; i++) health.failed(FULL, 'upgrade');
    let woken = false;
    const waiting = health.whenWorking().then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    expect(health.failing).toBe(true);
    health.succeeded();
    await waiting;
    expect(health.failing).toBe(false);
    expect(lines.map((line) => line.event)).toEqual(['storage_failing', 'storage_recovered']);
    expect(lines[1]).toMatchObject({ failuresSinceFirst: 29 });
    // The next outage counts from zero.
    health.failed(FULL, 'append');
    health.succeeded();
    expect(lines[3]).toMatchObject({ event: 'storage_recovered', failuresSinceFirst: 0 });
  });
});

describe('probing a failing storage (R69)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('probes only while failing, and recovers with no board write once a probe goes through', () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
    const full = { value: true };
    let probes = 0;
    const health = new StorageHealth(PATH, log, {
      probeMs: 2_000,
      probe: () => {
        probes++;
        if (full.value) throw FULL;
        return true;
      },
    });
    vi.advanceTimersByTime(10_000);
    expect(probes).toBe(0);
    expect(health.probing).toBe(false);

    health.failed(FULL, 'append');
    expect(health.probing).toBe(true);
    vi.advanceTimersByTime(6_000);
    expect(probes).toBe(3);
    expect(health.report()).toMatchObject({ ok: false, code: 'disk_full' });

    // Space is back, nobody has changes waiting: the next probe says so.
    full.value = false;
    vi.advanceTimersByTime(2_000);
    expect(health.report()).toBeNull();
    expect(health.probing).toBe(false);
    expect(lines.map((line) => line.event)).toEqual(['storage_failing', 'storage_recovered']);
    vi.advanceTimersByTime(10_000);
    expect(probes).toBe(4);
  });

  it('stops probing once the file is closed', () => {
    vi.useFakeTimers();
    let probes = 0;
    const health = new StorageHealth(
      PATH,
      createLogger('error', () => {}),
      {
        probe: () => {
          probes++;
          return false;
        },
      },
    );
    health.failed(FULL, 'append');
    vi.advanceTimersByTime(60_000);
    expect(probes).toBe(1);
    expect(health.probing).toBe(false);
  });
});

describe('recovery on a nearly full disk (R69)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a write that fits is no recovery until the probe finds room: one failing, one recovered', () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
    // The disk: full, then a few KiB freed (a small write fits), then really freed.
    const disk = { full: true, room: false };
    let probes = 0;
    const health = new StorageHealth(PATH, log, {
      probeMs: 2_000,
      probe: () => {
        probes++;
        if (!disk.room) throw Object.assign(new Error('only 8192 bytes free'), { code: 'ENOSPC' });
        return true;
      },
    });
    const full = { value: true };
    const storage = watchStorageHealth(fakeStorage(full), health);
    expect(() => storage.append('b', Uint8Array.of(0, 0))).toThrow();
    expect(health.failing).toBe(true);

    // A freed page: the next appends go through, yet health still says failing, each checked.
    full.value = false;
    for (let i = 0; i < 5; i++) storage.append('b', Uint8Array.of(0, 0));
    expect(probes).toBe(5);
    expect(health.report()).toMatchObject({ ok: false, code: 'disk_full' });
    vi.advanceTimersByTime(4_000);
    expect(health.failing).toBe(true);
    // ...and the next one fails again: still the same outage, said once.
    full.value = true;
    expect(() => storage.append('b', Uint8Array.of(0, 0))).toThrow();
    expect(lines.map((line) => line.event)).toEqual(['storage_failing']);

    // Space really back: the probe's next tick says so, with nobody writing.
    full.value = false;
    disk.room = true;
    vi.advanceTimersByTime(2_000);
    expect(health.failing).toBe(false);
    expect(health.probing).toBe(false);
    expect(lines.map((line) => line.event)).toEqual(['storage_failing', 'storage_recovered']);
  });

  it('a write that goes through with room back recovers at once, not at the next tick', () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
    const health = new StorageHealth(PATH, log, { probeMs: 60_000, probe: () => true });
    const full = { value: true };
    const storage = watchStorageHealth(fakeStorage(full), health);
    expect(() => storage.append('b', Uint8Array.of(0, 0))).toThrow();
    full.value = false;
    storage.append('b', Uint8Array.of(0, 0));
    expect(health.failing).toBe(false);
    expect(lines.map((line) => line.event)).toEqual(['storage_failing', 'storage_recovered']);
  });

  it('the SQLite probe writes nothing while the disk lacks room for a batch and a checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carton-probe-'));
    try {
      const db = openDatabase(dir);
      const other = new Database(join(dir, DATABASE_FILE));
      const changes = () => other.pragma('data_version', { simple: true });
      const free = { bytes: 64 * 1024 };
      const asked: string[] = [];
      const statfs: StatFs = (path) => {
        asked.push(path);
        return { bavail: free.bytes / 4096, bsize: 4096 };
      };
      const probe = sqliteStorageProbe(db, { statfs });
      const before = changes();
      const thrown = (() => {
        try {
          probe();
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(storageFailureCode(thrown)).toBe('disk_full');
      expect(changes()).toBe(before);
      expect(asked).toEqual([dir]);
      // The margin beyond the WAL this very file has now.
      free.bytes = RECOVERY_MARGIN_BYTES + 4 * 1024 * 1024;
      expect(probe()).toBe(true);
      expect(changes()).not.toBe(before);
      other.close();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a room load failing for storage is reported (said by storage_failing), others pass as they are', async () => {
    const { health, lines } = healthWithLines();
    const down = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    const storage = watchStorageHealth(
      {
        ...fakeStorage({ value: false }),
        load: (boardId) => (boardId === 'async' ? Promise.reject(down) : throwIt(down)),
      },
      health,
    );
    expect(() => storage.load('b')).toThrow(/storage failing \(io_error\)/);
    await expect(storage.load('async')).rejects.toSatisfy(isReportedStorageFailure);
    expect(lines.map((line) => [line.event, line.during])).toEqual([['storage_failing', 'load']]);
    // A load that goes through says nothing of recovery: reads work on a full disk.
    const working = watchStorageHealth(fakeStorage({ value: false }), health);
    await working.load('b');
    expect(health.failing).toBe(true);
  });
});

function throwIt(error: unknown): never {
  throw error;
}

describe('an asynchronous probe (R69, PostgreSQL)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a hung probe instead of piling more up, and recovers once one answers', async () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
    const pending: Array<(open: boolean) => void> = [];
    const health = new StorageHealth('127.0.0.1:5432/carton', log, {
      probeMs: 2_000,
      field: 'database',
      classify: (error) => ((error as Error).message === 'down' ? 'unavailable' : null),
      probe: () => new Promise<boolean>((resolve) => pending.push(resolve)),
    });
    expect(health.failed(FULL, 'append')).toBeNull();
    health.failed(new Error('down'), 'append');
    expect(health.report()).toMatchObject({ ok: false, code: 'unavailable' });
    // A database that hangs: the first probe never answers within these ticks.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pending).toHaveLength(1);
    pending[0]!(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(health.report()).toBeNull();
    expect(health.probing).toBe(false);
    expect(lines.map((line) => [line.event, line.database])).toEqual([
      ['storage_failing', '127.0.0.1:5432/carton'],
      ['storage_recovered', '127.0.0.1:5432/carton'],
    ]);
  });
});

describe('the SQLite probe (R69)', () => {
  it('really writes the file, touches no board, and fails as a board write would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carton-probe-'));
    try {
      const db = openDatabase(dir);
      const other = new Database(join(dir, DATABASE_FILE));
      const version = db.pragma('user_version', { simple: true });
      const changes = () => other.pragma('data_version', { simple: true });
      const before = changes();
      const probe = sqliteStorageProbe(db);
      expect(probe()).toBe(true);
      // Another connection sees a commit: the probe went to the file, not only to memory.
      expect(changes()).not.toBe(before);
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      expect(db.prepare('SELECT count(*) AS n FROM board_updates').get()).toEqual({ n: 0 });

      const readOnly = new Database(join(dir, DATABASE_FILE), { readonly: true });
      const thrown = (() => {
        try {
          sqliteStorageProbe(readOnly)();
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(storageFailureCode(thrown)).toBe('read_only');
      readOnly.close();
      other.close();
      db.close();
      expect(probe()).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

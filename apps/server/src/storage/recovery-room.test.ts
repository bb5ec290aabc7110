import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LowDiskSpaceError,
  RECOVERY_MARGIN_BYTES,
  requireRecoveryRoom,
  type StatFs,
} from './recovery-room.ts';
import { storageFailureCode } from './storage-health.ts';

const KiB = 1024;

/** A disk with `freeBytes` free, in 4 KiB blocks (as tmpfs and ext4 count them). */
function diskWith(freeBytes: number, seen: string[] = []): StatFs {
  return (path) => {
    seen.push(path);
    return { bavail: Math.floor(freeBytes / 4096), bsize: 4096 };
  };
}

describe('the room a full disk needs before SQLite counts as working (R69)', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carton-room-'));
    file = join(dir, 'carton.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks the directory of the file, and wants the margin free beyond the WAL', () => {
    const seen: string[] = [];
    // No WAL yet: the margin alone.
    expect(() =>
      requireRecoveryRoom(file, { statfs: diskWith(RECOVERY_MARGIN_BYTES, seen) }),
    ).not.toThrow();
    expect(seen).toEqual([dir]);
    expect(() =>
      requireRecoveryRoom(file, { statfs: diskWith(RECOVERY_MARGIN_BYTES - 4 * KiB) }),
    ).toThrow(LowDiskSpaceError);
    // A 224 KiB WAL (the chaos test's, after its outage) must fit in the database file too.
    writeFileSync(`${file}-wal`, Buffer.alloc(224 * KiB));
    expect(() => requireRecoveryRoom(file, { statfs: diskWith(RECOVERY_MARGIN_BYTES) })).toThrow(
      LowDiskSpaceError,
    );
    expect(() =>
      requireRecoveryRoom(file, { statfs: diskWith(RECOVERY_MARGIN_BYTES + 224 * KiB) }),
    ).not.toThrow();
  });

  it('is a full disk: a few freed KiB are no recovery', () => {
    const thrown = (() => {
      try {
        requireRecoveryRoom(file, { statfs: diskWith(64 * KiB) });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(LowDiskSpaceError);
    expect(storageFailureCode(thrown)).toBe('disk_full');
    expect(thrown).toMatchObject({ freeBytes: 64 * KiB, neededBytes: RECOVERY_MARGIN_BYTES });
    expect((thrown as Error).message).toContain(dir);
  });

  it('reads the real disk by default', () => {
    // The test machine's temporary directory has more than a few bytes free.
    expect(() => requireRecoveryRoom(file, { marginBytes: 1 })).not.toThrow();
    expect(() => requireRecoveryRoom(file, { marginBytes: Number.MAX_SAFE_INTEGER })).toThrow(
      LowDiskSpaceError,
    );
  });
});

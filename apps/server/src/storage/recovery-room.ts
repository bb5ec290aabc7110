import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * R69: the room a full disk must have again before SQLite counts as working, besides the WAL's
 * own size. 1 MiB is the largest update a client may send by default (CARTON_MAX_UPDATE_BYTES):
 * far more than a forum's batch of notes (a few KiB) or a territory board's snapshot at
 * compaction (photos are stored apart, as blobs). The WAL's size is added because a checkpoint
 * copies its pages into the database file, which grows by up to that much (224 KiB after the
 * chaos test's outage). Without a margin, a nearly full disk "recovered" whenever a small write
 * found a freed page or reused WAL space, and the next append failed again (a flap).
 */
export const RECOVERY_MARGIN_BYTES = 1024 * 1024;

/** What `fs.statfsSync` tells of a file system: free blocks for this user, block size. */
export interface FileSystemSpace {
  bavail: number;
  bsize: number;
}

/** Reads a file system's free space; `fs.statfsSync` by default, a fake in unit tests. */
export type StatFs = (path: string) => FileSystemSpace;

/** Storage "works" again on a disk too full for the next batch: still a full disk (R69). */
export class LowDiskSpaceError extends Error {
  override name = 'LowDiskSpaceError';
  /** Classified as a full disk (storageFailureCode), like SQLite's own SQLITE_FULL. */
  readonly code = 'ENOSPC';
  constructor(
    readonly freeBytes: number,
    readonly neededBytes: number,
    directory: string,
  ) {
    super(
      `only ${freeBytes} bytes free in ${directory}: storage counts as working again from ${neededBytes}`,
    );
  }
}

/**
 * Throws LowDiskSpaceError unless the disk holding the SQLite `file` has RECOVERY_MARGIN_BYTES
 * (or `marginBytes`) free beyond the WAL's size.
 */
export function requireRecoveryRoom(
  file: string,
  options: { statfs?: StatFs; marginBytes?: number } = {},
): void {
  const directory = dirname(file);
  const space = (options.statfs ?? statfsSync)(directory);
  const freeBytes = space.bavail * space.bsize;
  const walBytes = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const neededBytes = (options.marginBytes ?? RECOVERY_MARGIN_BYTES) + walBytes;
  if (freeBytes < neededBytes) throw new LowDiskSpaceError(freeBytes, neededBytes, directory);
}

// Test support (unit tests here, cross-process tests in tests/ through tests/support/small-disk.ts):
// filling a small tmpfs to stand for a full disk (server SPEC R69).
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Writes `file` until its disk refuses (ENOSPC): large pieces, then smaller ones, so the disk is
 * left with less than the last piece free. Any other write error is thrown.
 */
export function fillUntilFull(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [256 * 1024, 4 * 1024, 512]) {
      const piece = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, piece);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

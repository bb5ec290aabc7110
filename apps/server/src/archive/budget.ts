import { ArchiveError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import type { PackedEntry } from './pack.ts';

/** What entries cost an archive, in the terms an import checks (ARCHIVE_LIMITS). */
export interface ArchiveCost {
  /** Bytes of zip. */
  readonly zip: number;
  /** Bytes an import inflates and reads (board and version files, images, manifest). */
  readonly read: number;
  readonly entries: number;
}

export const NO_COST: ArchiveCost = { zip: 0, read: 0, entries: 0 };

/** Left for the manifest (every file's SHA-256, versions, votes): far more than it takes. */
export const MANIFEST_ROOM = 32 * 1024 * 1024;

export function costOf(entries: readonly PackedEntry[], options: { read: boolean }): ArchiveCost {
  let zip = 0;
  let read = 0;
  for (const entry of entries) {
    zip += entry.zipBytes;
    if (options.read) read += entry.bytes;
  }
  return { zip, read, entries: entries.length };
}

export const plus = (a: ArchiveCost, b: ArchiveCost): ArchiveCost => ({
  zip: a.zip + b.zip,
  read: a.read + b.read,
  entries: a.entries + b.entries,
});

/**
 * The room an export has so that the import takes its archive: what it wrote, what it
 * promised the boards still to come (their files and images, measured up front), and the
 * limits. Boards and their images are never left out (the export refuses instead, before its
 * first byte); PNGs and saved versions go while they fit.
 */
export class ArchiveBudget {
  private used: ArchiveCost;
  private reserved: ArchiveCost = NO_COST;

  constructor(readonly limits: ArchiveLimits) {
    const room = Math.min(MANIFEST_ROOM, limits.maxEntryBytes);
    this.used = { zip: 22 + room, read: room, entries: 1 };
  }

  reserve(cost: ArchiveCost): void {
    this.reserved = plus(this.reserved, cost);
  }

  release(cost: ArchiveCost): void {
    this.reserved = plus(this.reserved, {
      zip: -cost.zip,
      read: -cost.read,
      entries: -cost.entries,
    });
  }

  fits(cost: ArchiveCost): boolean {
    const total = plus(plus(this.used, this.reserved), cost);
    return (
      total.zip <= this.limits.maxArchiveBytes &&
      total.read <= this.limits.maxTotalBytes &&
      total.entries <= this.limits.maxEntries
    );
  }

  spend(cost: ArchiveCost): void {
    this.used = plus(this.used, cost);
  }

  /** The refusal when boards and images alone pass the limits. */
  refusal(): ArchiveError {
    const total = plus(this.used, this.reserved);
    const { maxArchiveBytes, maxTotalBytes, maxEntries } = this.limits;
    return new ArchiveError(
      'archive_too_large',
      `This forum's boards and images would make an archive of ${total.zip} bytes, ` +
        `${total.read} bytes to read and ${total.entries} files; an import takes at most ` +
        `${maxArchiveBytes}, ${maxTotalBytes} and ${maxEntries}.`,
    );
  }
}

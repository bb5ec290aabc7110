import { createHash } from 'node:crypto';
import { ArchiveError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import type { ZipBytes, ZipDirectory, ZipEntry } from './zip-reader.ts';
import { listZip, readEntry } from './zip-reader.ts';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * A forum archive's zip, opened: its directory checked against the limits (entries, sizes,
 * ratio) before anything is inflated, then entries read one at a time on demand.
 */
export class ArchiveEntries {
  private readonly byName: ReadonlyMap<string, ZipEntry>;
  private readonly directoryOffset: number;
  private checksums: ReadonlyMap<string, string> = new Map();

  constructor(
    private readonly zip: ZipBytes,
    private readonly limits: ArchiveLimits,
  ) {
    if (zip.size > limits.maxArchiveBytes) {
      throw new ArchiveError(
        'too_large',
        `the archive is larger than ${limits.maxArchiveBytes} bytes`,
      );
    }
    const directory: ZipDirectory = listZip(zip);
    if (directory.entries.length > limits.maxEntries) {
      throw new ArchiveError(
        'zip_bomb',
        `the archive holds ${directory.entries.length} entries (at most ${limits.maxEntries})`,
      );
    }
    this.byName = new Map(directory.entries.map((entry) => [entry.name, entry]));
    this.directoryOffset = directory.directoryOffset;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Sizes and ratios of the entries that will be read, and their total: checked from the
   * directory before inflating any of them. Entries never read (PNGs) only count in the zip.
   */
  check(wanted: Iterable<string>): void {
    let total = 0;
    for (const name of wanted) {
      const entry = this.byName.get(name);
      if (!entry) continue;
      // The compressed bytes are read whole before inflating, so they are bounded too: an
      // entry declaring 10 inflated bytes over 3 GiB of deflate data (trailing bytes a
      // decoder ignores) would otherwise be read into memory at once.
      if (
        entry.originalSize > this.limits.maxEntryBytes ||
        entry.size > this.limits.maxEntryBytes
      ) {
        throw new ArchiveError(
          'zip_bomb',
          `an entry may hold at most ${this.limits.maxEntryBytes} bytes`,
          name,
        );
      }
      const ratio = entry.originalSize / Math.max(1, entry.size);
      if (entry.originalSize > 1024 * 1024 && ratio > this.limits.maxRatio) {
        throw new ArchiveError(
          'zip_bomb',
          `compressed ${Math.round(ratio)} times (at most ${this.limits.maxRatio})`,
          name,
        );
      }
      total += entry.originalSize;
      if (total > this.limits.maxTotalBytes) {
        throw new ArchiveError(
          'zip_bomb',
          `the archive inflates past ${this.limits.maxTotalBytes} bytes`,
        );
      }
    }
  }

  /** The manifest's SHA-256 of each file, which `checked` compares. */
  setChecksums(checksums: ReadonlyMap<string, string>): void {
    this.checksums = checksums;
  }

  /** An entry's bytes (inflated, CRC-checked); `missing_file` if absent. */
  bytes(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) {
      throw new ArchiveError('missing_file', 'listed in the manifest but not in the archive', name);
    }
    return readEntry(this.zip, entry, this.directoryOffset);
  }

  /** An entry's bytes, which must match the manifest's SHA-256 for it. */
  checked(name: string): Uint8Array {
    const data = this.bytes(name);
    if (this.checksums.get(name) !== sha256(data)) {
      throw new ArchiveError(
        'checksum_mismatch',
        'the file does not match its SHA-256 in the manifest',
        name,
      );
    }
    return data;
  }
}

/** Lets the event loop breathe between entries: an import reads and inflates for a while. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

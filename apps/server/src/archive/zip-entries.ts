import { createHash } from 'node:crypto';
import { archiveNames } from './entry-names.ts';
import { ArchiveError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import { MANIFEST_NAME } from './manifest.ts';
import type { ZipDirectory, ZipSource } from './zip-reader.ts';
import { listZip, zipSize } from './zip-reader.ts';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * A forum archive's zip, opened: its directory checked against the limits (entries, sizes,
 * ratio) before anything is inflated, then entries read one at a time on demand. Entries go by
 * the archive's names (`archiveNames`): a zip of the folder the archive was unpacked into reads
 * as the archive, and files a computer adds (`__MACOSX/`, `.DS_Store`) are not there.
 */
export class ArchiveEntries {
  private checksums: ReadonlyMap<string, string> = new Map();
  /** The zip's name of each entry, by the archive's. */
  private readonly names: ReadonlyMap<string, string>;

  private constructor(
    private readonly zip: ZipDirectory,
    private readonly limits: ArchiveLimits,
  ) {
    this.names = archiveNames(zip.entries.keys(), MANIFEST_NAME);
  }

  static async open(source: ZipSource, limits: ArchiveLimits): Promise<ArchiveEntries> {
    if ((await zipSize(source)) > limits.maxArchiveBytes) {
      throw new ArchiveError(
        'too_large',
        `The archive is larger than ${limits.maxArchiveBytes} bytes.`,
      );
    }
    return new ArchiveEntries(await listZip(source, limits.maxEntries), limits);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  private entry(name: string) {
    const zipName = this.names.get(name);
    return zipName === undefined ? undefined : this.zip.entries.get(zipName);
  }

  /**
   * Sizes and ratios of the entries that will be read, and their total: checked from the
   * directory before inflating any of them. Entries never read (PNGs) only count in the zip.
   */
  check(wanted: Iterable<string>): void {
    let total = 0;
    for (const name of wanted) {
      const entry = this.entry(name);
      if (!entry) continue;
      const { uncompressedSize, compressedSize } = entry;
      // The compressed bytes are read whole before inflating, so they are bounded too: an
      // entry declaring 10 inflated bytes over 3 GiB of deflate data (trailing bytes a
      // decoder ignores) would otherwise be read into memory at once.
      if (
        uncompressedSize > this.limits.maxEntryBytes ||
        compressedSize > this.limits.maxEntryBytes
      ) {
        throw new ArchiveError(
          'zip_bomb',
          `An entry may hold at most ${this.limits.maxEntryBytes} bytes.`,
          name,
        );
      }
      const ratio = uncompressedSize / Math.max(1, compressedSize);
      if (uncompressedSize > 1024 * 1024 && ratio > this.limits.maxRatio) {
        throw new ArchiveError(
          'zip_bomb',
          `The entry is compressed ${Math.round(ratio)} times (at most ${this.limits.maxRatio}).`,
          name,
        );
      }
      total += uncompressedSize;
      if (total > this.limits.maxTotalBytes) {
        throw new ArchiveError(
          'zip_bomb',
          `The archive inflates past ${this.limits.maxTotalBytes} bytes.`,
        );
      }
    }
  }

  /** The manifest's SHA-256 of each file, which `checked` compares. */
  setChecksums(checksums: ReadonlyMap<string, string>): void {
    this.checksums = checksums;
  }

  /** An entry's bytes (inflated, CRC-checked); `missing_file` if absent. */
  async bytes(name: string): Promise<Uint8Array> {
    const zipName = this.names.get(name);
    if (zipName === undefined) {
      throw new ArchiveError(
        'missing_file',
        'The manifest lists this file; the archive lacks it.',
        name,
      );
    }
    return this.zip.read(zipName);
  }

  /** An entry's bytes, which must match the manifest's SHA-256 for it. */
  async checked(name: string): Promise<Uint8Array> {
    const data = await this.bytes(name);
    if (this.checksums.get(name) !== sha256(data)) {
      throw new ArchiveError(
        'checksum_mismatch',
        'The file does not match its SHA-256 in the manifest.',
        name,
      );
    }
    return data;
  }
}

/** Lets the event loop breathe between entries: an import reads and inflates for a while. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

import type { BoardFile, ImageMimeType } from '@carton/board';
import { imageBlobIds, serializeBoardFile, slugify } from '@carton/board';
import type { Zip } from 'fflate';
import type { BoardRecord } from '../forums/forum-store.ts';
import type { ArchiveCost } from './budget.ts';
import { ArchiveBudget, costOf, NO_COST, plus } from './budget.ts';
import { ArchiveError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import type { ArchiveManifest } from './manifest.ts';
import type { PackedEntry } from './pack.ts';
import { packEntry } from './pack.ts';
import type { ArchiveSource } from './source.ts';

const encoder = new TextEncoder();

const EXTENSIONS: Record<ImageMimeType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export type ManifestImage = NonNullable<ArchiveManifest['images']>[number];

/** What a photo of `bytes` adds to the archive (stored, not deflated). */
function imageCost(bytes: number): ArchiveCost {
  // images/<64 hex>.webp: 76 bytes of name, twice, plus the headers.
  return { zip: 30 + 76 + bytes + 16 + 46 + 76, read: bytes, entries: 1 };
}

/** A board or version file as an archive holds it: images by blob id, never embedded. */
export function withoutImages(file: BoardFile): BoardFile {
  const { images: _embedded, ...rest } = file;
  return rest;
}

/** Where board number `i` (from 0) and its versions go: `boards/NN-<slug>`. */
export const boardBase = (i: number, board: BoardRecord): string =>
  `boards/${String(i + 1).padStart(2, '0')}-${slugify(board.title, 'tableau')}`;

/** What one board will take (its file and the images it shows first), measured up front. */
export interface BoardPlan {
  readonly board: BoardRecord;
  readonly cost: ArchiveCost;
}

/**
 * Writes an archive's entries and keeps its books: the manifest's files and images, each
 * image once per archive (`images/<sha256>.<ext>`, stored: photos do not deflate), and what
 * the archive costs an import (ArchiveBudget).
 */
export class ArchiveWriter {
  readonly files: ArchiveManifest['files'] = [];
  readonly images: ManifestImage[] = [];
  private readonly written = new Set<string>();
  readonly budget: ArchiveBudget;

  constructor(
    private readonly source: ArchiveSource,
    private readonly forumId: string,
    readonly limits: ArchiveLimits,
    private readonly mtime: Date,
  ) {
    this.budget = new ArchiveBudget(limits);
  }

  pack(path: string, data: Uint8Array, compress: boolean): PackedEntry {
    return packEntry(path, data, { compress, mtime: this.mtime, limits: this.limits });
  }

  json(path: string, file: BoardFile): PackedEntry {
    const data = encoder.encode(serializeBoardFile(file));
    if (data.byteLength > this.limits.maxEntryBytes) {
      throw new ArchiveError(
        'archive_too_large',
        `${path} would take ${data.byteLength} bytes; an import reads at most ${this.limits.maxEntryBytes} per file.`,
        path,
      );
    }
    return this.pack(path, data, true);
  }

  /**
   * Writes `entry` (a board's or a version's file) and the photos `file` shows that the
   * archive does not hold yet — if all of them fit the budget, measured from the store's
   * sizes; false, with nothing written, if not. The photos are then read and written one at a
   * time, waiting for the download (`demand`) before each: a board's photos are never all in
   * memory at once (before, they were read and packed together, then queued together).
   */
  async writeWithImages(
    zip: Zip,
    entry: PackedEntry,
    file: BoardFile,
    demand: () => Promise<void>,
  ): Promise<boolean> {
    const photos = new Map<string, ImageMimeType>();
    let cost = costOf([entry], { read: true });
    for (const blobId of imageBlobIds(file)) {
      if (this.written.has(blobId) || photos.has(blobId)) continue;
      const info = await this.source.blobs.info(this.forumId, blobId);
      // An image the forum no longer has: the shape stays, as it does on the board.
      if (!info) continue;
      photos.set(blobId, info.mime);
      cost = plus(cost, imageCost(info.bytes));
    }
    if (!this.budget.fits(cost)) return false;
    this.write(zip, [entry]);
    for (const blobId of photos.keys()) {
      await demand();
      await this.#writePhoto(zip, blobId);
    }
    return true;
  }

  /** One photo read and written; its own call, so nothing of it outlives it here. */
  async #writePhoto(zip: Zip, blobId: string): Promise<void> {
    const blob = await this.source.blobs.get(this.forumId, blobId);
    if (!blob) return; // removed since its size was read
    const path = `images/${blob.blobId}.${EXTENSIONS[blob.mime]}`;
    this.write(zip, [this.pack(path, blob.data, false)], [{ blobId, path, mime: blob.mime }]);
  }

  /** Bytes the images `file` shows would add, from the store's sizes (nothing read). */
  async newImagesCost(file: BoardFile, counted: Set<string>): Promise<ArchiveCost> {
    let cost = NO_COST;
    for (const blobId of imageBlobIds(file)) {
      if (counted.has(blobId)) continue;
      counted.add(blobId);
      const info = await this.source.blobs.info(this.forumId, blobId);
      if (!info) continue;
      cost = plus(cost, imageCost(info.bytes));
    }
    return cost;
  }

  /** Adds entries to the zip and the manifest; `read: false` for PNGs (an import skips them). */
  write(
    zip: Zip,
    entries: readonly PackedEntry[],
    images: readonly ManifestImage[] = [],
    options: { read: boolean } = { read: true },
  ): void {
    this.budget.spend(costOf(entries, options));
    for (const entry of entries) {
      entry.add(zip);
      this.files.push({ path: entry.path, sha256: entry.sha256, bytes: entry.bytes });
    }
    for (const image of images) {
      this.written.add(image.blobId);
      this.images.push(image);
    }
  }

  /**
   * Measures every board's file and the images it shows before the archive starts, and
   * reserves their room: boards and images are never left out, so if they alone pass what
   * an import takes the export is refused up front (`archive_too_large`), not cut short.
   */
  async plan(boards: readonly BoardRecord[]): Promise<BoardPlan[]> {
    const counted = new Set<string>();
    const plans: BoardPlan[] = [];
    for (const [i, board] of boards.entries()) {
      const file = withoutImages(await this.source.boardFile(board.id));
      const entry = this.json(`${boardBase(i, board)}.json`, file);
      const cost = plus(costOf([entry], { read: true }), await this.newImagesCost(file, counted));
      plans.push({ board, cost });
      this.budget.reserve(cost);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!this.budget.fits(NO_COST)) throw this.budget.refusal();
    return plans;
  }
}

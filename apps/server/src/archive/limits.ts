const MiB = 1024 * 1024;

/**
 * What an uploaded forum archive may hold. Everything is checked from the zip's central
 * directory before a byte is inflated, and inflating never writes past the declared size.
 */
export const ARCHIVE_LIMITS = {
  /** The zip itself (the HTTP body). */
  maxArchiveBytes: 256 * MiB,
  /** Entries in the zip: two per board, one per saved version, the manifest and compilation. */
  maxEntries: 2_500,
  /** One entry, inflated. */
  maxEntryBytes: 64 * MiB,
  /** Every entry read, inflated, together. */
  maxTotalBytes: 512 * MiB,
  /** Inflated / compressed, for entries over 1 MiB inflated (JSON compresses ~10×; bombs 1000×). */
  maxRatio: 100,
  /** Boards in one forum. */
  maxBoards: 64,
  /**
   * Saved versions of one board (a board keeps 50 auto versions, AUTO_SNAPSHOTS_KEPT, and its
   * named ones), and of the whole archive.
   */
  maxVersionsPerBoard: 250,
  maxVersions: 2_000,
} as const;

export type ArchiveLimits = { readonly [K in keyof typeof ARCHIVE_LIMITS]: number };

/** A board file posted to POST /api/boards/:id/import (images embedded). */
export const MAX_BOARD_IMPORT_BYTES = 32 * MiB;

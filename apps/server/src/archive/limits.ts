const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * What an uploaded forum archive may hold, and what an export may therefore produce (the
 * export keeps within these: README, « How large an archive gets »). Everything is checked
 * from the zip's central directory before a byte is inflated, inflating never writes past the
 * declared size, and an import holds one entry at a time (the zip waits in a temporary file).
 */
export const ARCHIVE_LIMITS = {
  /**
   * The zip itself (the HTTP body, spooled to disk). fflate writes no Zip64, so a zip must
   * stay below 4 GiB; 64 MiB are left for the central directory and the manifest.
   */
  maxArchiveBytes: 4 * GiB - 64 * MiB,
  /**
   * Entries in the zip: two per board (64), one per saved version (2 000), one per image
   * (up to 20 000: a forum's 1 GiB of photos at 50 KiB each), the manifest and compilation.
   */
  maxEntries: 25_000,
  /**
   * One entry, inflated: a board file of a board at R30's 32 MiB is at most 6 times that in
   * JSON (escaped control characters; 1 to 3 times for notes and strokes), an image at most
   * 16 MiB, a PNG at most MAX_ARCHIVE_PNG_BYTES.
   */
  maxEntryBytes: 256 * MiB,
  /** Every entry read (board and version files, images, manifest), inflated, together. */
  maxTotalBytes: 8 * GiB,
  /**
   * Inflated / compressed, for entries over 1 MiB inflated (bombs reach 1000×). A board of
   * repeated text deflates past it: the export stores such an entry instead of deflating it.
   */
  maxRatio: 100,
  /** Boards in one forum (R54). */
  maxBoards: 64,
  /**
   * Saved versions of one board (a board keeps 50 auto versions, AUTO_SNAPSHOTS_KEPT, and its
   * named ones), and of the whole archive.
   */
  maxVersionsPerBoard: 250,
  maxVersions: 2_000,
} as const;

export type ArchiveLimits = { readonly [K in keyof typeof ARCHIVE_LIMITS]: number };

/** A board's PNG in an archive: drawn smaller past this (2 px per unit up to 64 Mpx). */
export const MAX_ARCHIVE_PNG_BYTES = 32 * MiB;
/** resvg allocates width × height × 4 bytes: keep a huge board from taking the server down. */
export const MAX_PNG_PIXELS = 64_000_000;

/** A board file posted to POST /api/boards/:id/import (images embedded). */
export const MAX_BOARD_IMPORT_BYTES = 32 * MiB;

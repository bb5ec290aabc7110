import { BOARD_KINDS, IMAGE_MIME_TYPES, MAX_BOARD_SHAPES, MAX_WORDING_LENGTH } from '@carton/board';
import { z } from 'zod';
import { nameInput, plainName } from '../forums/create-forum.ts';

/** C8: one line of words, as PUT /api/forums/:id/compilation takes them. */
const wordingInput = nameInput(MAX_WORDING_LENGTH);

/**
 * The sizes the manifest's votes and compilation take, in characters or entries: the schema
 * below checks them, and the export fits a live forum doc within them (fit-facilitation.ts).
 */
export const ARCHIVE_SIZES = {
  votes: 500,
  voteId: 64,
  voteTitle: 200,
  dotsPerParticipant: 20,
  /** `boardId:shapeId` (a vote's counts and voters' dots). */
  noteKey: 200,
  /** A note key's shape id (facilitation.ts checks it). */
  shapeId: 100,
  /** A compilation item's key (merges, set aside, wordings). */
  itemKey: 500,
  /** Two item keys joined by `|` (C9's distinct pairs). */
  pairKey: 1001,
} as const;

export const ARCHIVE_FORMAT = 'carton-forum-archive';
/**
 * 2: images once per archive (`images/<sha256>.<ext>`, listed in `images`), board and version
 * files without base64. A version 1 reader would import such an archive without its images,
 * so it refuses it (`future_version`: update Carton); version 1 archives still import.
 */
export const ARCHIVE_VERSION = 2;
export const MANIFEST_NAME = 'manifest.json';

const count = z.number().int().min(0);

const path = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'must be a plain relative path');

/**
 * One saved version of a board (R37, R38): its board file (images the board's file or an earlier
 * version of the board already embeds are not embedded again), its name, kind and date.
 */
const VersionEntry = z.object({
  kind: z.enum(['auto', 'named']),
  // As the version routes take them (1 to 100 characters), with room to spare.
  name: z.string().min(1).max(200).nullable(),
  createdAt: z.number().int().min(0),
  json: path,
  shapes: z.number().int().min(0),
});

// Unknown keys are stripped, not refused (z.object): a reader ignores what a newer writer adds.
export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string().max(40),
  /** The board file version of the JSON files inside. */
  boardFileVersion: z.number().int().min(1),
  forum: z.object({
    id: z.string().max(64),
    // Names follow R24 as in a new forum: an archive is uploaded without a token.
    title: nameInput(200),
    /** The forum's day (ISO date); absent in archives made before it was kept. */
    date: z.iso.date().nullable().optional(),
  }),
  boards: z
    .array(
      z.object({
        id: z.string().max(64),
        position: z.number().int().min(0),
        kind: z.enum(BOARD_KINDS),
        title: nameInput(200),
        territory: nameInput(80).nullable(),
        json: path,
        png: path.nullable(),
        shapes: z.number().int().min(0),
        /** Saved versions, oldest first; absent in archives made before they were kept. */
        versions: z.array(VersionEntry).optional(),
        /**
         * Saved versions the export left out to stay within what an import reads
         * (ARCHIVE_LIMITS: counts and bytes); absent when none was.
         */
        versionsLeftOut: z.number().int().min(0).optional(),
      }),
    )
    .min(1),
  files: z.array(
    z.object({
      path,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
    }),
  ),
  /**
   * Version 2: every image a board or version shows, once per archive, stored as is (not
   * deflated) under `images/<sha256>.<ext>`; board and version files name them by `blobId`.
   */
  images: z
    .array(
      z.object({
        blobId: z.string().regex(/^[0-9a-f]{64}$/),
        path,
        mime: z.enum(IMAGE_MIME_TYPES),
      }),
    )
    .optional(),
  /** Files of the compiled « incontournables », once compilation exists (omitted until then). */
  compilation: z.object({ markdown: path, csv: path }).optional(),
  /**
   * The forum day's choices the incontournables depend on: dot votes (their totals per note,
   * `<boardId>/<shapeId>` with the archive's board ids) and the compilation's boards, merges
   * and ideas set aside. Absent in older archives and when nothing was voted or compiled.
   */
  facilitation: z
    .object({
      votes: z
        .array(
          z.object({
            id: z.string().max(ARCHIVE_SIZES.voteId),
            // Votes titled before R24 covered them (a line break, a bidi mark) are in archives
            // of that time: made plain rather than refusing the forum (hostile ones too).
            title: z
              .string()
              .max(1_000)
              .transform((title) => plainName(title, 'Vote'))
              .pipe(nameInput(ARCHIVE_SIZES.voteTitle)),
            boardIds: z.array(z.string().max(64)).max(64),
            dotsPerParticipant: z.number().int().min(1).max(ARCHIVE_SIZES.dotsPerParticipant),
            state: z.enum(['open', 'closed']),
            openedAt: z.number().int().min(0),
            closedAt: z.number().int().min(0).nullable(),
            counts: z.record(
              z.string().max(ARCHIVE_SIZES.noteKey),
              z.number().int().min(0).max(1_000_000),
            ),
            /**
             * Each voter's dots (note keys), under an alias drawn for this archive alone (`v1`,
             * `v2`… in a random order): a recount per voter is possible, and nothing links a
             * voter across archives or to a device. Absent in older archives (totals only);
             * a note's count beyond its voters' dots is dots of nobody known.
             */
            voters: z
              .array(
                z.object({
                  id: z.string().min(1).max(64),
                  dots: z.array(z.string().max(200)).max(20),
                }),
              )
              .max(100_000)
              .optional(),
          }),
        )
        .max(ARCHIVE_SIZES.votes),
      compilation: z
        .object({
          boardIds: z.array(z.string().max(64)).max(64),
          merges: z.record(
            z.string().max(ARCHIVE_SIZES.itemKey),
            z.string().max(ARCHIVE_SIZES.itemKey),
          ),
          /**
           * Item keys set aside (C7). Absent in older archives (nothing set aside) and when none
           * is: an optional field, as `voters`, so the archive version stays 2.
           */
          setAside: z.array(z.string().max(ARCHIVE_SIZES.itemKey)).optional(),
          /**
           * C8: item key → the facilitator's words for the idea, optional as `setAside` (the
           * archive version stays 2). Words the route takes (R24) are kept as they are, French
           * spacing included (a no-break space before « : »); others are made plain text as a
           * vote's title is; words with nothing visible left are dropped (the idea keeps its
           * notes' words).
           */
          wordings: z
            .record(
              z.string().max(ARCHIVE_SIZES.itemKey),
              z
                .string()
                .max(MAX_WORDING_LENGTH)
                .transform((words) => {
                  const taken = wordingInput.safeParse(words);
                  return taken.success ? taken.data : plainName(words, '');
                }),
            )
            .optional(),
          /**
           * C9: pairs of ideas the facilitator said are different (`ideaPairKey`: two item keys
           * joined by `|`), optional as `setAside` (the archive version stays 2).
           */
          distinct: z.array(z.string().max(ARCHIVE_SIZES.pairKey)).optional(),
        })
        .nullable(),
      /**
       * C10: what the server placed on the plenary (its record, kept in the forum doc), with the
       * archive's plenary id; note ids are shape ids, which the plenary's file keeps. `null`: the
       * forum kept a record and nothing was placed. Absent in older archives (their forum kept
       * it on the plenary, which a board file does not hold): the import reads it once from the
       * plenary's shapes (restore.ts, recordFromListArea).
       * Optional as `setAside`, so the archive version stays 2.
       */
      plenaryList: z
        .object({
          boardId: z.string().max(64),
          areaId: z.string().max(ARCHIVE_SIZES.shapeId),
          columns: z.number().int().min(1).max(10),
          nextSlot: z.number().int().min(0).max(MAX_BOARD_SHAPES),
          /** Note id → digest of the words placed (placed-record.ts wordsDigest). */
          placed: z.record(z.string().max(ARCHIVE_SIZES.shapeId), z.string().max(64)),
          /** When a placing last changed the list (server time, ms); absent when not known. */
          placedAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        })
        .nullable()
        .optional(),
      /**
       * What the export left out of the forum doc to stay within what an import takes (counts;
       * `fitFacilitation`): a facilitator's socket can write past the routes' limits (F2).
       * Absent when nothing was, and in older archives.
       */
      leftOut: z
        .object({
          votes: count,
          notes: count,
          dots: count,
          merges: count,
          setAside: count,
          wordings: count,
          distinct: count,
        })
        .partial()
        .optional(),
    })
    .optional(),
});

export type ArchiveFacilitation = NonNullable<z.infer<typeof ManifestSchema>['facilitation']>;

export type ArchiveManifest = z.infer<typeof ManifestSchema>;
export type ArchiveBoardEntry = ArchiveManifest['boards'][number];
export type ArchiveVersionEntry = z.infer<typeof VersionEntry>;

import type { BoardFileImage, BoardFileIssue, ParsedBoardFile } from '@carton/board';
import { BoardFileError, parseBoardFile, parseBoardFileText } from '@carton/board';
import type { BlobInfo } from '../blobs/blob-store.ts';
import { sniffImage } from '../blobs/image-type.ts';
import { checkFacilitation } from './facilitation.ts';
import type { FacilitationLeftOut } from './fit-facilitation.ts';
import { ArchiveError } from './errors.ts';
import type { PreparedImage } from './images.ts';
import { prepareImages, remapBlobIds } from './images.ts';
import type { ArchiveLimits } from './limits.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import type { ArchiveBoardEntry, ArchiveManifest, ArchiveVersionEntry } from './manifest.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME, ManifestSchema } from './manifest.ts';
import { ArchiveEntries, breathe, sha256 } from './zip-entries.ts';
import type { ZipSource } from './zip-reader.ts';

export interface ValidatedBoard {
  readonly entry: ArchiveBoardEntry;
  /** Saved versions, in the manifest's order (oldest first). */
  readonly versions: readonly ArchiveVersionEntry[];
  /**
   * Version 1 archives: keys of embedded images that are not their SHA-256, across the
   * board's file and its versions (a version may show an image an earlier file embeds).
   */
  readonly remap: ReadonlyMap<string, string>;
}

/** Where an image's bytes are: its own entry (version 2) or embedded in a board file (1). */
export type ImageSource =
  { readonly entry: string } | { readonly file: string; readonly key: string };

export interface ArchiveImage {
  readonly info: BlobInfo;
  readonly from: ImageSource;
}

/**
 * An archive that passed every check: restoring it writes, and cannot fail on content. It
 * holds the manifest and what was learnt about each file, not the files: `loadBoardFile` and
 * `loadImages` read them again, one at a time (and check their SHA-256 again).
 */
export interface ValidatedArchive {
  readonly manifest: ArchiveManifest;
  readonly boards: readonly ValidatedBoard[];
  readonly images: ReadonlyMap<string, ArchiveImage>;
  readonly imageBytes: number;
  readonly entries: ArchiveEntries;
  /**
   * What this archive's export (the manifest's `facilitation.leftOut`) and this import left
   * out of the forum day's votes and compilation, counted together; empty when nothing was.
   */
  readonly leftOut: FacilitationLeftOut;
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return parseBoardFileText(bytes);
  } catch (error) {
    const issue = error instanceof BoardFileError ? error.issues[0] : undefined;
    throw new ArchiveError('invalid_manifest', issue?.message ?? 'The file is not JSON.', where);
  }
}

async function readManifest(
  entries: ArchiveEntries,
  limits: ArchiveLimits,
): Promise<ArchiveManifest> {
  if (!entries.has(MANIFEST_NAME)) {
    throw new ArchiveError(
      'missing_manifest',
      `This is not a Carton forum archive: it holds no ${MANIFEST_NAME}.`,
    );
  }
  entries.check([MANIFEST_NAME]);
  const raw = parseJson(await entries.bytes(MANIFEST_NAME), MANIFEST_NAME);
  const header = raw as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || header.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(
      'wrong_format',
      `This is not a Carton forum archive: its format must be '${ARCHIVE_FORMAT}'.`,
      `${MANIFEST_NAME}: format`,
    );
  }
  if (typeof header.version === 'number' && header.version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      'future_version',
      `This archive is version ${header.version}, newer than this Carton reads (${ARCHIVE_VERSION}); update Carton to import it.`,
      `${MANIFEST_NAME}: version`,
    );
  }
  checkVersionCounts(raw, limits);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(
      'invalid_manifest',
      issue?.message ?? 'The manifest is not valid.',
      `${MANIFEST_NAME}: ${issue?.path.join('.') ?? ''}`,
    );
  }
  if (parsed.data.boards.length > limits.maxBoards) {
    throw new ArchiveError(
      'too_large',
      `A forum holds at most ${limits.maxBoards} boards.`,
      `${MANIFEST_NAME}: boards`,
    );
  }
  return parsed.data;
}

/**
 * Saved versions counted on the raw manifest, before validating it: a manifest listing 100 000
 * versions is refused as `too_large` without walking them.
 */
function checkVersionCounts(raw: object, limits: ArchiveLimits): void {
  const boards = (raw as { boards?: unknown }).boards;
  if (!Array.isArray(boards)) return;
  let total = 0;
  for (const [i, board] of boards.entries()) {
    const versions: unknown = (board as { versions?: unknown } | null)?.versions;
    if (!Array.isArray(versions)) continue;
    const where = `${MANIFEST_NAME}: boards.${i}.versions`;
    if (versions.length > limits.maxVersionsPerBoard) {
      throw new ArchiveError(
        'too_large',
        `A board holds at most ${limits.maxVersionsPerBoard} saved versions.`,
        where,
      );
    }
    total += versions.length;
    if (total > limits.maxVersions) {
      throw new ArchiveError(
        'too_large',
        `An archive holds at most ${limits.maxVersions} saved versions.`,
        where,
      );
    }
  }
}

/**
 * The manifest's board, version and image files: each entry named once (each read and parsed
 * once), each image listed once.
 */
function listedFiles(manifest: ArchiveManifest): Set<string> {
  const listed = new Set<string>([MANIFEST_NAME]);
  const once = (path: string, where: string) => {
    if (listed.has(path)) {
      throw new ArchiveError('invalid_manifest', `${path} is listed twice.`, where);
    }
    listed.add(path);
  };
  for (const [i, board] of manifest.boards.entries()) {
    const paths = [board.json, ...(board.versions ?? []).map((version) => version.json)];
    for (const path of paths) once(path, `${MANIFEST_NAME}: boards.${i}`);
  }
  const blobIds = new Set<string>();
  for (const [i, image] of (manifest.images ?? []).entries()) {
    const where = `${MANIFEST_NAME}: images.${i}`;
    if (blobIds.has(image.blobId)) {
      throw new ArchiveError('invalid_manifest', `Image ${image.blobId} is listed twice.`, where);
    }
    blobIds.add(image.blobId);
    once(image.path, where);
  }
  return listed;
}

/** An image entry (version 2): its bytes are its name's SHA-256, and sniff as an image. */
async function readImageEntry(
  entries: ArchiveEntries,
  blobId: string,
  path: string,
): Promise<PreparedImage> {
  const data = await entries.checked(path);
  if (sha256(data) !== blobId) {
    throw new ArchiveError(
      'checksum_mismatch',
      `The image is not ${blobId} (its SHA-256 differs).`,
      path,
    );
  }
  const sniffed = sniffImage(data);
  if (!sniffed.ok) throw new ArchiveError('broken_image', sniffed.message, path);
  const { mime, width, height } = sniffed;
  return { info: { blobId, mime, width, height, bytes: data.byteLength }, data };
}

/**
 * Checks a whole forum archive and everything in it, writing nothing: the zip's entries
 * (zip bombs, unsafe names), the manifest, every board and version file's checksum and
 * content (board-file codes), and every image (sniffed). PNGs are not read: they are derived
 * from the JSON. Files are read one at a time and not kept.
 */
export async function readForumArchive(
  zip: ZipSource,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ValidatedArchive> {
  const entries = await ArchiveEntries.open(zip, limits);
  const manifest = await readManifest(entries, limits);
  const trimmed = checkFacilitation(manifest);
  const leftOut: FacilitationLeftOut = { ...manifest.facilitation?.leftOut };
  for (const [field, n] of Object.entries(trimmed) as [keyof FacilitationLeftOut, number][]) {
    leftOut[field] = (leftOut[field] ?? 0) + n;
  }
  const wanted = listedFiles(manifest);
  entries.check(wanted);
  for (const path of wanted) {
    if (!entries.has(path))
      throw new ArchiveError(
        'missing_file',
        'The manifest lists this file; the archive lacks it.',
        path,
      );
  }
  entries.setChecksums(new Map(manifest.files.map((file) => [file.path, file.sha256])));
  const images = new Map<string, ArchiveImage>();
  for (const { blobId, path } of manifest.images ?? []) {
    const { info } = await readImageEntry(entries, blobId, path);
    images.set(blobId, { info, from: { entry: path } });
    await breathe();
  }
  const boards: ValidatedBoard[] = [];
  for (const entry of manifest.boards) {
    const remap = new Map<string, string>();
    for (const json of [entry.json, ...(entry.versions ?? []).map((version) => version.json)]) {
      const file = await readBoardFile(entries, json, entry.kind);
      const prepared = prepareImages(file.images, `${json}: `);
      for (const key of Object.keys(file.images)) {
        const blobId = prepared.remap.get(key) ?? key;
        const image = prepared.images.get(blobId);
        if (image && !images.has(blobId)) {
          images.set(blobId, { info: image.info, from: { file: json, key } });
        }
      }
      for (const [key, blobId] of prepared.remap) remap.set(key, blobId);
      await breathe();
    }
    boards.push({ entry, versions: entry.versions ?? [], remap });
  }
  let imageBytes = 0;
  for (const image of images.values()) imageBytes += image.info.bytes;
  return { manifest, boards, images, imageBytes, entries, leftOut };
}

/**
 * One board or version file of a validated archive, read again: its shapes pointed at their
 * images' content ids, without its embedded images (`loadImages` brings those).
 */
export async function loadBoardFile(
  archive: ValidatedArchive,
  board: ValidatedBoard,
  json: string,
): Promise<ParsedBoardFile> {
  const file = await readBoardFile(archive.entries, json, board.entry.kind);
  return { ...file, shapes: remapBlobIds(file.shapes, board.remap), images: {} };
}

/**
 * The archive's images, a few at a time (about 64 MiB): each image entry once, and each board
 * file that embeds images (version 1) read once for all of them.
 */
export async function* loadImages(archive: ValidatedArchive): AsyncGenerator<PreparedImage[]> {
  const batchBytes = 64 * 1024 * 1024;
  let batch: PreparedImage[] = [];
  let bytes = 0;
  const embedded = new Map<string, Map<string, string>>();
  for (const [blobId, { from }] of archive.images) {
    if ('file' in from) {
      const keys = embedded.get(from.file) ?? new Map<string, string>();
      keys.set(from.key, blobId);
      embedded.set(from.file, keys);
      continue;
    }
    const image = await readImageEntry(archive.entries, blobId, from.entry);
    batch.push(image);
    bytes += image.info.bytes;
    if (bytes >= batchBytes) {
      yield batch;
      [batch, bytes] = [[], 0];
    }
  }
  if (batch.length > 0) yield batch;
  for (const [json, keys] of embedded) {
    // The same bytes as checked before (SHA-256 again): their images were validated then.
    const text = parseBoardFileText(await archive.entries.checked(json)) as {
      images: Record<string, BoardFileImage>;
    };
    const wanted = Object.fromEntries([...keys.keys()].map((key) => [key, text.images[key]!]));
    yield [...prepareImages(wanted, `${json}: `).images.values()];
    await breathe();
  }
}

/** One board file of the archive: its checksum, its content (board-file codes) and its kind. */
async function readBoardFile(
  entries: ArchiveEntries,
  json: string,
  kind: ArchiveBoardEntry['kind'],
): Promise<ParsedBoardFile> {
  const bytes = await entries.checked(json);
  let file: ParsedBoardFile;
  try {
    file = parseBoardFile(parseBoardFileText(bytes));
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    throw boardError(json, error.issues);
  }
  if (file.meta.kind !== kind) {
    throw new ArchiveError(
      'invalid_board',
      `The manifest says ${kind}, the file ${file.meta.kind}.`,
      `${json}: meta.kind`,
    );
  }
  return file;
}

function boardError(where: string, issues: readonly BoardFileIssue[]): ArchiveError {
  const first = issues[0];
  const code = first?.code === 'future_version' ? 'future_version' : 'invalid_board';
  return new ArchiveError(
    code,
    first?.message ?? 'The board file is not valid.',
    `${where}: ${first?.path ?? '(root)'}`,
    issues,
  );
}

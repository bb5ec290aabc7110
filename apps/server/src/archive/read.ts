import { createHash } from 'node:crypto';
import type { BoardFileIssue, ParsedBoardFile } from '@carton/board';
import { BoardFileError, parseBoardFile, parseBoardFileText } from '@carton/board';
import { unzipSync } from 'fflate';
import { checkFacilitation } from './facilitation.ts';
import { ArchiveError } from './errors.ts';
import type { PreparedImage } from './images.ts';
import { prepareImages, remapBlobIds } from './images.ts';
import type { ArchiveLimits } from './limits.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import type { ArchiveBoardEntry, ArchiveManifest, ArchiveVersionEntry } from './manifest.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME, ManifestSchema } from './manifest.ts';

export interface ValidatedVersion {
  readonly entry: ArchiveVersionEntry;
  readonly file: ParsedBoardFile;
}

export interface ValidatedBoard {
  readonly entry: ArchiveBoardEntry;
  readonly file: ParsedBoardFile;
  /** Saved versions, in the manifest's order (oldest first). */
  readonly versions: readonly ValidatedVersion[];
}

/** An archive that passed every check: restoring it writes, and cannot fail on content. */
export interface ValidatedArchive {
  readonly manifest: ArchiveManifest;
  readonly boards: readonly ValidatedBoard[];
  readonly images: ReadonlyMap<string, PreparedImage>;
  readonly imageBytes: number;
}

interface EntryInfo {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
}

/** Lists entries from the central directory without inflating anything. */
function listEntries(zip: Uint8Array): EntryInfo[] {
  const entries: EntryInfo[] = [];
  try {
    unzipSync(zip, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new ArchiveError('not_zip', `not a zip file: ${(error as Error).message}`);
  }
  return entries;
}

/** Sizes, counts and ratios checked before anything is inflated (zip bombs). */
function checkEntries(
  entries: readonly EntryInfo[],
  wanted: ReadonlySet<string>,
  limits: ArchiveLimits,
) {
  if (entries.length > limits.maxEntries) {
    throw new ArchiveError(
      'zip_bomb',
      `the archive holds ${entries.length} entries (at most ${limits.maxEntries})`,
    );
  }
  const names = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (names.has(entry.name)) {
      throw new ArchiveError(
        'invalid_manifest',
        'the archive holds two entries of this name',
        entry.name,
      );
    }
    names.add(entry.name);
    if (!wanted.has(entry.name)) continue;
    if (entry.originalSize > limits.maxEntryBytes) {
      throw new ArchiveError(
        'zip_bomb',
        `an entry may hold at most ${limits.maxEntryBytes} bytes`,
        entry.name,
      );
    }
    const ratio = entry.originalSize / Math.max(1, entry.size);
    if (entry.originalSize > 1024 * 1024 && ratio > limits.maxRatio) {
      throw new ArchiveError(
        'zip_bomb',
        `compressed ${Math.round(ratio)} times (at most ${limits.maxRatio})`,
        entry.name,
      );
    }
    total += entry.originalSize;
    if (total > limits.maxTotalBytes) {
      throw new ArchiveError('zip_bomb', `the archive inflates past ${limits.maxTotalBytes} bytes`);
    }
  }
  return names;
}

/** Inflates the named entries (never past their declared sizes). */
function inflate(zip: Uint8Array, names: ReadonlySet<string>): Record<string, Uint8Array> {
  try {
    return unzipSync(zip, { filter: (file) => names.has(file.name) });
  } catch (error) {
    throw new ArchiveError('not_zip', `the archive is damaged: ${(error as Error).message}`);
  }
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return parseBoardFileText(bytes);
  } catch (error) {
    const issue = error instanceof BoardFileError ? error.issues[0] : undefined;
    throw new ArchiveError('invalid_manifest', issue?.message ?? 'not JSON', where);
  }
}

function readManifest(zip: Uint8Array, limits: ArchiveLimits): ArchiveManifest {
  const entries = listEntries(zip);
  if (!entries.some((entry) => entry.name === MANIFEST_NAME)) {
    throw new ArchiveError('missing_manifest', `not a Carton forum archive: no ${MANIFEST_NAME}`);
  }
  checkEntries(entries, new Set([MANIFEST_NAME]), limits);
  const raw = parseJson(
    inflate(zip, new Set([MANIFEST_NAME]))[MANIFEST_NAME] ?? new Uint8Array(),
    MANIFEST_NAME,
  );
  const header = raw as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || header.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(
      'wrong_format',
      `not a Carton forum archive: format must be '${ARCHIVE_FORMAT}'`,
      `${MANIFEST_NAME}: format`,
    );
  }
  if (typeof header.version === 'number' && header.version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      'future_version',
      `this archive is version ${header.version}, newer than this Carton reads (${ARCHIVE_VERSION}); update Carton to import it`,
      `${MANIFEST_NAME}: version`,
    );
  }
  checkVersionCounts(raw, limits);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(
      'invalid_manifest',
      issue?.message ?? 'invalid manifest',
      `${MANIFEST_NAME}: ${issue?.path.join('.') ?? ''}`,
    );
  }
  if (parsed.data.boards.length > limits.maxBoards) {
    throw new ArchiveError(
      'too_large',
      `a forum holds at most ${limits.maxBoards} boards`,
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
        `a board holds at most ${limits.maxVersionsPerBoard} saved versions`,
        where,
      );
    }
    total += versions.length;
    if (total > limits.maxVersions) {
      throw new ArchiveError(
        'too_large',
        `an archive holds at most ${limits.maxVersions} saved versions`,
        where,
      );
    }
  }
}

/** The manifest's board and version files: each entry named once (each read and parsed once). */
function listedFiles(manifest: ArchiveManifest): Set<string> {
  const listed = new Set<string>([MANIFEST_NAME]);
  for (const [i, board] of manifest.boards.entries()) {
    const paths = [board.json, ...(board.versions ?? []).map((version) => version.json)];
    for (const path of paths) {
      if (listed.has(path)) {
        throw new ArchiveError(
          'invalid_manifest',
          `${path} is listed twice`,
          `${MANIFEST_NAME}: boards.${i}`,
        );
      }
      listed.add(path);
    }
  }
  return listed;
}

/**
 * Checks a whole forum archive and everything in it, writing nothing: the zip's entries
 * (ZIP bombs), the manifest, every board file's checksum and content (board-file codes), and
 * every embedded image (sniffed). PNGs are not read: they are derived from the JSON.
 */
export function readForumArchive(
  zip: Uint8Array,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): ValidatedArchive {
  if (zip.byteLength > limits.maxArchiveBytes) {
    throw new ArchiveError(
      'too_large',
      `the archive is larger than ${limits.maxArchiveBytes} bytes`,
    );
  }
  const manifest = readManifest(zip, limits);
  checkFacilitation(manifest);
  const wanted = listedFiles(manifest);
  const present = checkEntries(listEntries(zip), wanted, limits);
  for (const path of wanted) {
    if (!present.has(path))
      throw new ArchiveError('missing_file', 'listed in the manifest but not in the archive', path);
  }
  const contents = inflate(zip, wanted);
  const checksums = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  const images = new Map<string, PreparedImage>();
  const boards: ValidatedBoard[] = [];
  for (const entry of manifest.boards) {
    // A version may show an image embedded by its board's file or an earlier version (under
    // a key that may not be its hash): one remap for the board and its versions.
    const remap = new Map<string, string>();
    const readFile = (json: string): ParsedBoardFile => {
      const file = readBoardFile(contents, checksums, json, entry.kind);
      const prepared = prepareImages(file.images, `${json}: `);
      for (const [blobId, image] of prepared.images) images.set(blobId, image);
      for (const [key, blobId] of prepared.remap) remap.set(key, blobId);
      return file;
    };
    const file = readFile(entry.json);
    const versions = (entry.versions ?? []).map((version) => ({
      entry: version,
      file: readFile(version.json),
    }));
    const resolved = (parsed: ParsedBoardFile): ParsedBoardFile => ({
      ...parsed,
      shapes: remapBlobIds(parsed.shapes, remap),
      images: {},
    });
    boards.push({
      entry,
      file: resolved(file),
      versions: versions.map((version) => ({ ...version, file: resolved(version.file) })),
    });
  }
  let imageBytes = 0;
  for (const image of images.values()) imageBytes += image.info.bytes;
  return { manifest, boards, images, imageBytes };
}

/** One board file of the archive: its checksum, its content (board-file codes) and its kind. */
function readBoardFile(
  contents: Readonly<Record<string, Uint8Array>>,
  checksums: ReadonlyMap<string, string>,
  json: string,
  kind: ArchiveBoardEntry['kind'],
): ParsedBoardFile {
  const bytes = contents[json] ?? new Uint8Array();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (checksums.get(json) !== sha256) {
    throw new ArchiveError(
      'checksum_mismatch',
      'the file does not match its SHA-256 in the manifest',
      json,
    );
  }
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
      `the manifest says ${kind}, the file ${file.meta.kind}`,
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
    first?.message ?? 'invalid board file',
    `${where}: ${first?.path ?? '(root)'}`,
    issues,
  );
}

import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
// zlib's own CRC-32 (Node ≥ 20.15): yauzl reads the CRC from the directory but never checks it.
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ArchiveError } from './errors.ts';

/**
 * A zip read by range through yauzl: an uploaded archive lies in a temporary file without a
 * name (its FileHandle), so an import holds the central directory and one entry at a time,
 * never the whole zip (a forum's archive may take gigabytes; `ARCHIVE_LIMITS`). Tests and
 * small archives pass the bytes. The source's owner closes it.
 */
export type ZipSource = Uint8Array | FileHandle;

/** Reads of the spooled file: 64 KiB ones cost a large import ~25 % more CPU (allocation, GC). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * yauzl's reader over a FileHandle rather than `fromFd`: a closed handle refuses to read, where
 * a closed descriptor's number may already name another file; and yauzl's own fd reader closes
 * the descriptor with the zip, which the upload's handle owns.
 */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly file: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // Not file.createReadStream: destroying it closes the handle, whatever autoClose says.
    const file = this.file;
    async function* range() {
      for (let at = start; at < end;) {
        const length = Math.min(CHUNK_BYTES, end - at);
        const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(length), 0, length, at);
        if (bytesRead === 0) return; // yauzl counts the bytes: a short file is its error
        at += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    }
    return Readable.from(range(), { objectMode: false });
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    this.file.read(buffer, offset, length, position).then(
      ({ bytesRead }) => callback(null, bytesRead),
      (error: Error) => callback(error),
    );
  }
}

export async function zipSize(source: ZipSource): Promise<number> {
  return source instanceof Uint8Array ? source.byteLength : (await source.stat()).size;
}

/** Central directory bytes: 46 + name + extra + comment per entry (names ≤ 255 here). */
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
/** After the directory: its end record (22 bytes, Zip64's 76 more) and a comment ≤ 64 KiB. */
const MAX_END_BYTES = 22 + 76 + 0xffff;
const ZIP64_EXTRA = 0x0001;
const ZIP64_LOCATOR = 0x07064b50;

const notZip = (message: string, path?: string) => new ArchiveError('not_zip', message, path);

/**
 * yauzl's refusals are plain errors (zlib's carry a `Z_…` code): the zip is damaged, `not_zip`.
 * The system's own (EIO, a handle closed) are the server's failure and stay as they are.
 */
function asArchiveError(error: unknown, path?: string): unknown {
  if (error instanceof ArchiveError || !(error instanceof Error) || 'syscall' in error) {
    return error;
  }
  return notZip(error.message, path);
}

/**
 * A name that could mean a place outside the archive if someone unpacked it (absolute,
 * `..`, backslashes, drive letters, control characters): refused even though an import never
 * writes entries to disk, so no tool that does is handed such a name by Carton. yauzl's own
 * check (decodeStrings) misses `.` and control characters and has no error codes: it is off.
 */
function checkName(name: string): void {
  const segments = name.split('/');
  const bad =
    name.length === 0 ||
    name.length > 255 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    [...name].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f') ||
    segments.some((segment) => segment === '..' || segment === '.');
  if (bad) {
    throw new ArchiveError(
      'unsafe_path',
      'an entry name must be a plain relative path (no "..", no leading "/", no "\\")',
      JSON.stringify(name).slice(0, 300),
    );
  }
}

/** A zip's directory, listed and checked; `read` brings one entry's bytes. */
export interface ZipDirectory {
  /** By name (UTF-8 if flagged so, else latin1). */
  readonly entries: ReadonlyMap<string, Entry>;
  read(name: string): Promise<Uint8Array>;
}

/**
 * Opens the zip (yauzl: end record, Zip64 records, multi-disk refused) and lists its entries,
 * inflating nothing. Refused here besides: more than `maxEntries` entries (before listing
 * them), a directory past MAX_DIRECTORY_BYTES, Zip64 (Carton writes none; a zip past 4 GiB is
 * past the limits anyway), encrypted entries, methods other than stored and deflate, unsafe
 * names, two entries of one name, entries whose data overlap or run into the directory
 * (overlapping entries make small zips inflate to huge totals).
 */
export async function listZip(source: ZipSource, maxEntries = Infinity): Promise<ZipDirectory> {
  // Sizes are checked below, by Carton's codes (too large: zip_bomb; too small: not_zip).
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false };
  let zip: ZipFile;
  try {
    zip =
      source instanceof Uint8Array
        ? await yauzl.fromBufferPromise(
            Buffer.from(source.buffer, source.byteOffset, source.byteLength),
            options,
          )
        : await yauzl.fromRandomAccessReaderPromise(
            new HandleReader(source),
            await zipSize(source),
            options,
          );
  } catch (error) {
    throw asArchiveError(error);
  }
  // yauzl starts listing where the directory starts (its typing says boolean).
  const directoryOffset = Number(zip.readEntryCursor);
  if (zip.entryCount === 0xffff || directoryOffset === 0xffffffff) {
    throw new ArchiveError('too_large', 'Zip64 archives are not read (Carton writes zips < 4 GiB)');
  }
  if (zip.entryCount > maxEntries) {
    throw new ArchiveError(
      'zip_bomb',
      `the archive holds ${zip.entryCount} entries (at most ${maxEntries})`,
    );
  }
  if (zip.fileSize - directoryOffset > MAX_DIRECTORY_BYTES + MAX_END_BYTES) {
    throw notZip('the central directory is damaged');
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileNameRaw;
      const name = raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
      checkName(name);
      if (entries.has(name)) {
        throw new ArchiveError(
          'invalid_manifest',
          'the archive holds two entries of this name',
          name,
        );
      }
      checkEntry(entry, name);
      entries.set(name, entry);
    }
  } catch (error) {
    throw asArchiveError(error);
  }
  // The directory ends where the end record starts, unless a Zip64 end record lies between
  // (yauzl reads it: Carton, which writes none, does not) or records past the count (damaged:
  // not_zip, as before yauzl, not a 413 for a small zip).
  const directoryEnd = Number(zip.readEntryCursor);
  const endRecord = zip.fileSize - 22 - zip.comment.length;
  if (endRecord !== directoryEnd) {
    if (await hasZip64Locator(source, endRecord)) {
      throw new ArchiveError(
        'too_large',
        'Zip64 archives are not read (Carton writes zips < 4 GiB)',
      );
    }
    throw notZip('the central directory is damaged');
  }
  checkRanges(entries, directoryOffset);
  return {
    entries,
    read: (name) => readEntry(source, zip, entries.get(name)!, name, directoryOffset),
  };
}

/** A Zip64 end-of-directory locator (20 bytes) just before the end record. */
async function hasZip64Locator(source: ZipSource, endRecord: number): Promise<boolean> {
  if (endRecord < 20) return false;
  const signature = new Uint8Array(4);
  if ((await readAt(source, signature, endRecord - 20)) !== 4) return false;
  return Buffer.from(signature).readUInt32LE(0) === ZIP64_LOCATOR;
}

function checkEntry(entry: Entry, name: string): void {
  const { compressedSize, uncompressedSize, relativeOffsetOfLocalHeader } = entry;
  if (
    entry.extraFields.some((field) => field.id === ZIP64_EXTRA) ||
    [compressedSize, uncompressedSize, relativeOffsetOfLocalHeader].includes(0xffffffff)
  ) {
    throw new ArchiveError('too_large', 'Zip64 entries are not read', name);
  }
  if (entry.isEncrypted()) throw notZip('encrypted entries are not read', name);
  const method = entry.compressionMethod;
  if (method !== 0 && method !== 8) throw notZip(`compression method ${method} is not read`, name);
  if (method === 0 && compressedSize !== uncompressedSize) {
    throw notZip('a stored entry with two sizes', name);
  }
}

/** Each entry's local header and data lie before the directory, and no two overlap. */
function checkRanges(entries: ReadonlyMap<string, Entry>, directoryOffset: number): void {
  const sorted = [...entries].sort(
    ([, a], [, b]) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
  );
  let free = 0;
  for (const [name, entry] of sorted) {
    // 30-byte local header + name at least; its extra field is read when the entry is.
    const start = entry.relativeOffsetOfLocalHeader;
    const end = start + 30 + entry.fileNameLength + entry.compressedSize;
    if (start < free || end > directoryOffset) {
      throw new ArchiveError('zip_bomb', 'entries overlap or run past the archive', name);
    }
    free = end;
  }
}

/**
 * One entry's bytes: inflated (streamed) never past its declared size, and checked against
 * that size and its CRC-32 (a zip whose directory lies about an entry is refused, whatever it
 * holds). The local header must name the entry as the directory does (yauzl ignores it).
 */
async function readEntry(
  source: ZipSource,
  zip: ZipFile,
  entry: Entry,
  name: string,
  directoryOffset: number,
): Promise<Uint8Array> {
  const data = new Uint8Array(entry.uncompressedSize);
  let filled = 0;
  try {
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!local.fileName.equals(entry.fileNameRaw)) {
      throw notZip('the entry is named differently in its local header', name);
    }
    const { fileDataStart } = local;
    if (fileDataStart + entry.compressedSize > directoryOffset) {
      throw new ArchiveError('zip_bomb', 'the entry runs past the archive', name);
    }
    if (entry.compressionMethod === 0) {
      // Its bytes as they lie, read into place: through yauzl's stream, an import of photos
      // took twice the CPU time (a stream of three stages per entry, each entry read 3 times).
      filled = await readAt(source, data, fileDataStart);
      return checked(data, filled, entry, name);
    }
    // Not openReadStreamLowLevelPromise: yauzl 3.4's calls openReadStream with these arguments.
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStreamLowLevel(
        fileDataStart,
        entry.compressedSize,
        0,
        entry.compressedSize,
        entry.compressionMethod === 8,
        null,
        (error, readable) => (error ? reject(error) : resolve(readable)),
      ),
    );
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (filled + chunk.byteLength > data.byteLength) {
          throw new ArchiveError('zip_bomb', 'the entry inflates past its declared size', name);
        }
        data.set(chunk, filled);
        filled += chunk.byteLength;
      }
    } finally {
      // Nothing more is read nor inflated: past the size, or bytes after the deflate stream.
      stream.destroy();
    }
  } catch (error) {
    const damaged = asArchiveError(error, name);
    if (damaged instanceof ArchiveError && damaged !== error) {
      throw notZip(`the entry is damaged: ${damaged.message}`, name);
    }
    throw damaged;
  }
  return checked(data, filled, entry, name);
}

/** Bytes at `at`, as many as `into` takes (fewer at the end of the zip). */
async function readAt(source: ZipSource, into: Uint8Array, at: number): Promise<number> {
  if (source instanceof Uint8Array) {
    const part = source.subarray(at, at + into.byteLength);
    into.set(part);
    return part.byteLength;
  }
  return (await source.read(into, 0, into.byteLength, at)).bytesRead;
}

function checked(data: Uint8Array, filled: number, entry: Entry, name: string): Uint8Array {
  if (filled !== data.byteLength) throw notZip('the entry does not hold its declared size', name);
  if (crc32(data) !== entry.crc32) throw notZip('the entry does not match its CRC-32', name);
  return data;
}

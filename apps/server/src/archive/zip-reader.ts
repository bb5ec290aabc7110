import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
// zlib's own CRC-32 (Node ≥ 20.15): yauzl reads the CRC from the directory but never checks it.
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ArchiveError } from './errors.ts';
import { checkDirectoryEnd, sizeWithoutPadding } from './zip-end.ts';

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
/** A size, an offset or a count this large needs Zip64's fields (4 GiB, 65 535 entries). */
const ZIP64_SIZE = 0xffffffff;
const ZIP64_COUNT = 0xffff;

const notZip = (message: string, path?: string) => new ArchiveError('not_zip', message, path);
const zip64TooLarge = (path?: string) =>
  new ArchiveError(
    'too_large',
    'The archive uses Zip64 sizes (4 GiB or more, or 65 535 entries): Carton imports archives under 4 GiB.',
    path,
  );

/**
 * yauzl's refusals are plain errors (zlib's carry a `Z_…` code): the zip is damaged, `not_zip`,
 * said in Carton's words (`message`; yauzl's English, with its byte counts, is no API text).
 * The system's own (EIO, a handle closed) are the server's failure and stay as they are.
 */
function asArchiveError(error: unknown, message: string, path?: string): unknown {
  if (error instanceof ArchiveError || !(error instanceof Error) || 'syscall' in error) {
    return error;
  }
  return notZip(message, path);
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
      'An entry’s name must be a plain relative path (no "..", no leading "/", no "\\").',
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
 * them), a directory past MAX_DIRECTORY_BYTES, Zip64 sizes (Carton writes no Zip64, and a zip
 * past 4 GiB is past the limits anyway; Zip64 fields repeating small values, as other tools
 * write them, are read), encrypted entries, methods other than stored and deflate, unsafe
 * names, two entries of one name, entries whose data overlap or run into the directory
 * (overlapping entries make small zips inflate to huge totals). A little padding after the end
 * record (`sizeWithoutPadding`) is left out of the zip.
 */
export async function listZip(source: ZipSource, maxEntries = Infinity): Promise<ZipDirectory> {
  // Sizes are checked below, by Carton's codes (too large: zip_bomb; too small: not_zip).
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false };
  const at = (into: Uint8Array, offset: number) => readAt(source, into, offset);
  let zip: ZipFile;
  try {
    const size = await sizeWithoutPadding(at, await zipSize(source));
    zip =
      source instanceof Uint8Array
        ? await yauzl.fromBufferPromise(
            Buffer.from(source.buffer, source.byteOffset, size),
            options,
          )
        : await yauzl.fromRandomAccessReaderPromise(new HandleReader(source), size, options);
  } catch (error) {
    throw asArchiveError(error, 'The file is not a zip archive, or it is damaged or cut short.');
  }
  // yauzl starts listing where the directory starts (its typing says boolean); both values
  // are the Zip64 end record's when there is one.
  const directoryOffset = Number(zip.readEntryCursor);
  if (zip.entryCount >= ZIP64_COUNT || directoryOffset >= ZIP64_SIZE) throw zip64TooLarge();
  if (zip.entryCount > maxEntries) {
    throw new ArchiveError(
      'zip_bomb',
      `The archive holds ${zip.entryCount} entries (at most ${maxEntries}).`,
    );
  }
  if (zip.fileSize - directoryOffset > MAX_DIRECTORY_BYTES + MAX_END_BYTES) {
    throw notZip('The archive’s directory is damaged.');
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
          'The archive holds two entries of this name.',
          name,
        );
      }
      checkEntry(entry, name);
      entries.set(name, entry);
    }
  } catch (error) {
    throw asArchiveError(error, 'The archive’s directory is damaged.');
  }
  // The directory ends where the end record starts, or where a Zip64 end record does; records
  // past the count are damage (not_zip, as before yauzl, not a 413 for a small zip).
  const endRecord = zip.fileSize - 22 - zip.comment.length;
  await checkDirectoryEnd(at, Number(zip.readEntryCursor), endRecord);
  checkRanges(entries, directoryOffset);
  return {
    entries,
    read: (name) => readEntry(source, zip, entries.get(name)!, name, directoryOffset),
  };
}

/**
 * An entry's sizes and offset are yauzl's: from its Zip64 extra field where the directory says
 * 0xffffffff (`zip -fz` and some Windows tools write one for every entry, repeating small
 * sizes). Only values that truly need Zip64 are refused.
 */
function checkEntry(entry: Entry, name: string): void {
  const { compressedSize, uncompressedSize, relativeOffsetOfLocalHeader } = entry;
  if (
    [compressedSize, uncompressedSize, relativeOffsetOfLocalHeader].some((n) => n >= ZIP64_SIZE)
  ) {
    throw zip64TooLarge(name);
  }
  if (entry.isEncrypted()) throw notZip('Encrypted entries are not read.', name);
  const method = entry.compressionMethod;
  if (method !== 0 && method !== 8) {
    throw notZip(`Compression method ${method} is not read (only stored and deflate).`, name);
  }
  if (method === 0 && compressedSize !== uncompressedSize) {
    throw notZip('A stored entry gives two different sizes.', name);
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
      throw new ArchiveError('zip_bomb', 'Entries overlap or run past the archive.', name);
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
      throw notZip('The entry is named differently in its local header.', name);
    }
    const { fileDataStart } = local;
    if (fileDataStart + entry.compressedSize > directoryOffset) {
      throw new ArchiveError('zip_bomb', 'The entry runs past the archive.', name);
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
          throw new ArchiveError('zip_bomb', 'The entry inflates past its declared size.', name);
        }
        data.set(chunk, filled);
        filled += chunk.byteLength;
      }
    } finally {
      // Nothing more is read nor inflated: past the size, or bytes after the deflate stream.
      stream.destroy();
    }
  } catch (error) {
    throw asArchiveError(error, 'The entry is damaged and cannot be read.', name);
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
  if (filled !== data.byteLength) throw notZip('The entry does not hold its declared size.', name);
  if (crc32(data) !== entry.crc32) throw notZip('The entry does not match its CRC-32.', name);
  return data;
}

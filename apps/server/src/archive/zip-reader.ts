import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
// zlib's own CRC-32 (Node ≥ 20.15): native, and the same checksum the inflater's zlib computes.
import { crc32, inflateRawSync } from 'node:zlib';
import { ArchiveError } from './errors.ts';

/**
 * The bytes of a zip, read by range: an uploaded archive lies in a temporary file, so an import
 * holds the central directory and one entry at a time, never the whole zip (a forum's archive
 * may take gigabytes; `ARCHIVE_LIMITS`).
 */
export interface ZipBytes {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

export function bytesZip(data: Uint8Array): ZipBytes {
  return {
    size: data.byteLength,
    read: (offset, length) => data.subarray(offset, offset + length),
    close: () => {},
  };
}

/** A zip file read by path (the CLI); `close` closes it. */
export function fileZip(path: string): ZipBytes {
  const fd = openSync(path, 'r');
  try {
    return descriptorZip(fd, fstatSync(fd).size, () => closeSync(fd));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * A zip of `size` bytes read through an open descriptor (a spooled upload, whose file has no
 * name); `close` runs `onClose` (by default nothing: the descriptor's owner closes it).
 */
export function descriptorZip(fd: number, size: number, onClose: () => void = () => {}): ZipBytes {
  return {
    size,
    read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.byteLength) {
        const n = readSync(fd, buffer, done, buffer.byteLength - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    },
    close: onClose,
  };
}

/** One entry as the central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** Compressed bytes. */
  readonly size: number;
  /** Inflated bytes (declared; inflating never writes past it). */
  readonly originalSize: number;
  readonly method: number;
  readonly crc: number;
  readonly offset: number;
  /** The name's raw bytes as latin1 (lossless), to compare with the local header's. */
  readonly rawName: string;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: every entry's data lies before it. */
  readonly directoryOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Central directory bytes: 46 + name + extra + comment per entry (names ≤ 255 here). */
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;

const notZip = (message: string, path?: string) => new ArchiveError('not_zip', message, path);

/**
 * A name that could mean a place outside the archive if someone unpacked it (absolute,
 * `..`, backslashes, drive letters, control characters): refused even though an import never
 * writes entries to disk, so no tool that does is handed such a name by Carton.
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

/**
 * Lists the zip's entries from its central directory, inflating nothing. Refused: no
 * end-of-directory record, Zip64 or multi-disk archives (Carton writes neither; a zip past
 * 4 GiB is past the limits anyway), encrypted entries, methods other than stored and deflate,
 * unsafe names, two entries of one name, entries whose data overlap or run into the directory
 * (overlapping entries make small zips inflate to huge totals).
 */
export function listZip(zip: ZipBytes): ZipDirectory {
  const tailLength = Math.min(zip.size, 22 + 0xffff);
  const tail = zip.read(zip.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw notZip('not a zip file: no end of central directory');
  const disk = view.getUint16(at + 4, true);
  const directoryDisk = view.getUint16(at + 6, true);
  const onDisk = view.getUint16(at + 8, true);
  const count = view.getUint16(at + 10, true);
  const directorySize = view.getUint32(at + 12, true);
  const directoryOffset = view.getUint32(at + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ArchiveError('too_large', 'Zip64 archives are not read (Carton writes zips < 4 GiB)');
  }
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) {
    throw notZip('multi-disk zips are not read');
  }
  const end = zip.size - tailLength + at;
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > end) {
    throw notZip('the central directory is damaged');
  }
  const directory = zip.read(directoryOffset, directorySize);
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.byteLength || dir.getUint32(p, true) !== CENTRAL) {
      throw notZip('the central directory is damaged');
    }
    const flags = dir.getUint16(p + 8, true);
    const method = dir.getUint16(p + 10, true);
    const crc = dir.getUint32(p + 16, true);
    const size = dir.getUint32(p + 20, true);
    const originalSize = dir.getUint32(p + 24, true);
    const nameLength = dir.getUint16(p + 28, true);
    const skip = dir.getUint16(p + 30, true) + dir.getUint16(p + 32, true);
    const offset = dir.getUint32(p + 42, true);
    if (p + 46 + nameLength > directory.byteLength)
      throw notZip('the central directory is damaged');
    const raw = directory.subarray(p + 46, p + 46 + nameLength);
    const name = Buffer.from(raw).toString(flags & 0x800 ? 'utf8' : 'latin1');
    p += 46 + nameLength + skip;
    checkName(name);
    if (names.has(name)) {
      throw new ArchiveError(
        'invalid_manifest',
        'the archive holds two entries of this name',
        name,
      );
    }
    names.add(name);
    if (size === 0xffffffff || originalSize === 0xffffffff || offset === 0xffffffff) {
      throw new ArchiveError('too_large', 'Zip64 entries are not read', name);
    }
    if (flags & 0x1) throw notZip('encrypted entries are not read', name);
    if (method !== 0 && method !== 8)
      throw notZip(`compression method ${method} is not read`, name);
    if (method === 0 && size !== originalSize) throw notZip('a stored entry with two sizes', name);
    const rawName = Buffer.from(raw).toString('latin1');
    entries.push({ name, size, originalSize, method, crc, offset, rawName });
  }
  checkRanges(entries, directoryOffset);
  return { entries, directoryOffset };
}

/** Each entry's local header and data lie before the directory, and no two overlap. */
function checkRanges(entries: readonly ZipEntry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let free = 0;
  for (const entry of sorted) {
    // 30-byte local header + name at least; its extra field is read when the entry is.
    const end = entry.offset + 30 + entry.rawName.length + entry.size;
    if (entry.offset < free || end > directoryOffset) {
      throw new ArchiveError('zip_bomb', 'entries overlap or run past the archive', entry.name);
    }
    free = end;
  }
}

/**
 * One entry's bytes: read from its local header, inflated never past its declared size, and
 * checked against that size and its CRC-32 (a zip whose directory lies about an entry is
 * refused, whatever it holds).
 */
export function readEntry(zip: ZipBytes, entry: ZipEntry, directoryOffset: number): Uint8Array {
  const head = zip.read(entry.offset, 30);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.byteLength < 30 || view.getUint32(0, true) !== LOCAL) {
    throw notZip('an entry has no local header', entry.name);
  }
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const localName = Buffer.from(zip.read(entry.offset + 30, nameLength)).toString('latin1');
  if (localName !== entry.rawName) {
    throw notZip('the entry is named differently in its local header', entry.name);
  }
  const start = entry.offset + 30 + nameLength + extraLength;
  if (start + entry.size > directoryOffset) {
    throw new ArchiveError('zip_bomb', 'the entry runs past the archive', entry.name);
  }
  const compressed = zip.read(start, entry.size);
  if (compressed.byteLength !== entry.size) throw notZip('the archive is cut short', entry.name);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = compressed;
  } else {
    try {
      const inflated = inflateRawSync(compressed, {
        maxOutputLength: Math.max(1, entry.originalSize),
      });
      data = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    } catch (error) {
      const past = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw past
        ? new ArchiveError('zip_bomb', 'the entry inflates past its declared size', entry.name)
        : notZip(`the entry is damaged: ${(error as Error).message}`, entry.name);
    }
  }
  if (data.byteLength !== entry.originalSize) {
    throw notZip('the entry does not hold its declared size', entry.name);
  }
  if (crc32(data) !== entry.crc) throw notZip('the entry does not match its CRC-32', entry.name);
  return data;
}

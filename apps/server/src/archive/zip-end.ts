// Where a zip ends, as the tools that carry an archive between two Cartons leave it: its end
// record, a Zip64 end record that only repeats small values, and a little padding after it.
import { ArchiveError } from './errors.ts';

/** Reads bytes at an offset of the zip, as many as `into` takes (fewer at its end). */
export type ReadAt = (into: Uint8Array, at: number) => Promise<number>;

const END_RECORD = 0x06054b50;
const END_RECORD_BYTES = 22;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;

/**
 * Bytes some download tools and mail gateways leave after a file (a newline, a CRLF, NULs up to
 * a 512-byte or 4 KiB block). Only these, and only this many: anything else after the end
 * record may be a second archive or a cut one, and stays refused.
 */
export const MAX_PADDING_BYTES = 4096;
const isPadding = (byte: number) => byte === 0 || byte === 0x0a || byte === 0x0d || byte === 0x20;

/**
 * The zip's size without the padding after its end record (yauzl wants the record last and
 * refuses the archive otherwise: it is then told this size). The zip's own size when its end
 * record is last, or when no end record is followed by padding alone (yauzl's refusal stands).
 */
export async function sizeWithoutPadding(readAt: ReadAt, size: number): Promise<number> {
  const window = Math.min(size, END_RECORD_BYTES + 0xffff + MAX_PADDING_BYTES);
  const tail = new Uint8Array(window);
  const read = await readAt(tail, size - window);
  const view = new DataView(tail.buffer, 0, read);
  for (let at = read - END_RECORD_BYTES; at >= 0; at--) {
    if (view.getUint32(at, true) !== END_RECORD) continue;
    const end = at + END_RECORD_BYTES + view.getUint16(at + 20, true);
    if (end === read) return size;
    if (
      end < read &&
      read - end <= MAX_PADDING_BYTES &&
      tail.subarray(end, read).every(isPadding)
    ) {
      return size - (read - end);
    }
  }
  return size;
}

const damaged = () => new ArchiveError('not_zip', 'The archive’s directory is damaged.');

/**
 * Between the directory's last record and the end record there is nothing, or a Zip64 end
 * record and its locator (zip -fz, 7-Zip, Windows past some sizes): yauzl has read that record
 * (its entry count and directory offset, which listZip checks are small); here it must start
 * where the directory ends and reach the locator, or the directory is damaged.
 */
export async function checkDirectoryEnd(
  readAt: ReadAt,
  directoryEnd: number,
  endRecord: number,
): Promise<void> {
  if (directoryEnd === endRecord) return;
  const locatorAt = endRecord - ZIP64_LOCATOR_BYTES;
  if (locatorAt < directoryEnd) throw damaged();
  const locator = new Uint8Array(ZIP64_LOCATOR_BYTES);
  if ((await readAt(locator, locatorAt)) !== locator.byteLength) throw damaged();
  const locatorView = new DataView(locator.buffer);
  if (locatorView.getUint32(0, true) !== ZIP64_LOCATOR) throw damaged();
  const recordAt = Number(locatorView.getBigUint64(8, true));
  const record = new Uint8Array(12);
  if (recordAt !== directoryEnd || (await readAt(record, recordAt)) !== record.byteLength) {
    throw damaged();
  }
  const recordView = new DataView(record.buffer);
  // Its size counts the bytes after its first 12 (signature and the size itself).
  const recordEnd = recordAt + 12 + Number(recordView.getBigUint64(4, true));
  if (recordView.getUint32(0, true) !== ZIP64_END_RECORD || recordEnd !== locatorAt) {
    throw damaged();
  }
}

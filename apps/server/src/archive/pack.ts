import { crc32, deflateRawSync } from 'node:zlib';
import type { Zip, ZipInputFile } from 'fflate';
import type { ArchiveLimits } from './limits.ts';
import { sha256 } from './zip-entries.ts';

/** One zip entry, compressed before it is added, so its size in the zip is known. */
export interface PackedEntry {
  readonly path: string;
  /** Bytes it adds to the zip: local header, data, data descriptor, directory record. */
  readonly zipBytes: number;
  /** Its bytes once inflated (what an import reads). */
  readonly bytes: number;
  readonly sha256: string;
  add(zip: Zip): void;
}

/**
 * An entry as an import will accept it: deflated when that helps, but stored as is when
 * deflating would pass the import's ratio limit (a board of repeated text deflates 200 times,
 * which an import takes for a zip bomb) — bigger, and always importable.
 */
export function packEntry(
  path: string,
  data: Uint8Array,
  options: { compress: boolean; mtime: Date; limits: Pick<ArchiveLimits, 'maxRatio'> },
): PackedEntry {
  let body = data;
  let compression = 0;
  if (options.compress) {
    const deflated = deflateRawSync(data, { level: 6 });
    const ratio = data.byteLength / Math.max(1, deflated.byteLength);
    const bomb = data.byteLength > 1024 * 1024 && ratio > options.limits.maxRatio;
    if (!bomb && deflated.byteLength < data.byteLength) {
      body = deflated;
      compression = 8;
    }
  }
  const name = Buffer.byteLength(path);
  return {
    path,
    zipBytes: 30 + name + body.byteLength + 16 + 46 + name,
    bytes: data.byteLength,
    sha256: sha256(data),
    add(zip) {
      const file: ZipInputFile = {
        filename: path,
        size: data.byteLength,
        crc: crc32(data),
        compression,
        mtime: options.mtime,
      };
      zip.add(file);
      // fflate set `ondata` when adding: the compressed bytes, all at once.
      file.ondata?.(null, body as Uint8Array<ArrayBuffer>, true);
    },
  };
}

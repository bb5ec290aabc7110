import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, statfs, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An uploaded archive waiting in a temporary file that has no name: it is read through its
 * open handle (which refuses to read once disposed: a closed descriptor's number may already
 * name another file), and `dispose` (or the process's end, even a crash) frees its space.
 */
export interface SpooledUpload {
  /** A `ZipSource`. */
  readonly zip: FileHandle;
  readonly bytes: number;
  dispose(): Promise<void>;
}

export class UploadTooLarge extends Error {
  override readonly name = 'UploadTooLarge';
}

/** The disk would keep less than the reserve free: the upload stops (507). */
export class UploadDiskFull extends Error {
  override readonly name = 'UploadDiskFull';
}

/** The client sent nothing for the stall time (408 upload_stalled). */
export class UploadStalled extends Error {
  override readonly name = 'UploadStalled';
}

const MiB = 1024 * 1024;
/** How long an upload may send nothing before it stops. */
export const UPLOAD_STALL_MS = 60_000;
/** Free space an upload leaves on its disk (the database and the logs may share it). */
export const UPLOAD_DISK_RESERVE = 1024 * MiB;
/** Free space is measured again after this many bytes written (overshoot per upload). */
const DISK_CHECK_EVERY = 64 * MiB;

export interface SpoolOptions {
  /** Where the temporary file goes (the system's by default). */
  root?: string;
  /** The body's announced length, if any: refused at once if the disk cannot take it. */
  expectedBytes?: number;
  /** Free bytes the upload must leave on the disk. */
  reserveBytes?: number;
  /** No byte for this long: UploadStalled (its import place is not held by a silent client). */
  stallMs?: number;
}

/**
 * The next chunk, or UploadStalled once nothing came for `stallMs`. The stream is left as it
 * is (not cancelled): cancelling would close the socket before the 408 is sent.
 */
async function readWithin<T>(reader: ReadableStreamDefaultReader<T>, stallMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UploadStalled(`The upload sent nothing for ${stallMs} ms.`)),
      stallMs,
    );
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes a request body to a temporary file, chunk by chunk: an archive of gigabytes never
 * sits in memory. It stops past `maxBytes` (UploadTooLarge) or when the disk would keep less
 * than the reserve free (UploadDiskFull), counting the other uploads writing meanwhile, since
 * the free space is read from the disk itself. The file's name is removed as soon as it is
 * opened, so no path of this process — a client gone, an error, a crash or a kill — leaves it
 * behind: the kernel frees it when its descriptor closes. A client that sends nothing for
 * `stallMs` stops it too (UploadStalled).
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  options: SpoolOptions = {},
): Promise<SpooledUpload> {
  const root = options.root ?? tmpdir();
  const reserve = options.reserveBytes ?? UPLOAD_DISK_RESERVE;
  const stallMs = options.stallMs ?? UPLOAD_STALL_MS;
  const freeBytes = async () => {
    const stats = await statfs(root);
    return stats.bavail * stats.bsize;
  };
  if ((await freeBytes()) - (options.expectedBytes ?? 0) < reserve) {
    await body?.cancel().catch(() => {});
    throw new UploadDiskFull('The server has no room left for this archive.');
  }
  // O_EXCL: a name someone placed in a shared temporary folder is never followed.
  const path = join(root, `carton-import-${randomBytes(12).toString('hex')}.zip`);
  const file: FileHandle = await open(path, 'wx+', 0o600);
  try {
    await unlink(path);
  } catch (error) {
    await file.close();
    throw error;
  }
  let closed = false;
  const dispose = async () => {
    if (closed) return;
    closed = true;
    await file.close();
  };
  let bytes = 0;
  let checkAt = DISK_CHECK_EVERY;
  try {
    const reader = body?.getReader();
    for (;;) {
      const next = reader
        ? await readWithin(reader, stallMs)
        : { done: true as const, value: undefined };
      if (next.done) break;
      const chunk = next.value;
      if (bytes + chunk.byteLength > maxBytes) {
        await reader?.cancel();
        throw new UploadTooLarge(`The archive must be at most ${maxBytes} bytes.`);
      }
      if (bytes + chunk.byteLength >= checkAt) {
        checkAt += DISK_CHECK_EVERY;
        if ((await freeBytes()) - chunk.byteLength < reserve) {
          await reader?.cancel();
          throw new UploadDiskFull('The server has no room left for this archive.');
        }
      }
      let written = 0;
      while (written < chunk.byteLength) {
        const { bytesWritten } = await file.write(
          chunk,
          written,
          chunk.byteLength - written,
          bytes + written,
        );
        written += bytesWritten;
      }
      bytes += chunk.byteLength;
    }
    return { zip: file, bytes, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

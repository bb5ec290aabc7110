// ARCHIVE: an uploaded archive goes to a temporary file as it arrives, and stops at the limit;
// the file has no name once opened, so nothing is left behind on any path, a crash included.
import { mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spoolUpload, UploadDiskFull, UploadStalled, UploadTooLarge } from './upload.ts';

function body(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const [i, size] of chunks.entries())
        controller.enqueue(new Uint8Array(size).fill(i + 1));
      controller.close();
    },
  });
}

/** A body that never ends: `pulled` counts the chunks read from it. */
function endless(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(4));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('spoolUpload', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'carton-upload-test-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ARCHIVE: writes the body to a file with no name, read by range until dispose', async () => {
    const upload = await spoolUpload(body([3, 4]), 7, { root, reserveBytes: 0 });
    // Nothing named in the folder while the upload is read: a crash now leaves nothing.
    expect(readdirSync(root)).toEqual([]);
    expect(upload.bytes).toBe(7);
    const read = async (offset: number, length: number) => {
      const { buffer, bytesRead } = await upload.zip.read(Buffer.alloc(length), 0, length, offset);
      return [...buffer.subarray(0, bytesRead)];
    };
    expect((await upload.zip.stat()).size).toBe(7);
    expect(await read(0, 7)).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(await read(5, 10)).toEqual([2, 2]);
    await upload.dispose();
    await upload.dispose(); // twice is harmless (the route's finally, an error path)
    await expect(read(0, 1)).rejects.toThrow();
  });

  it('ARCHIVE: past the limit it stops reading and leaves no file', async () => {
    const { stream, pulled } = endless();
    await expect(spoolUpload(stream, 7, { root, reserveBytes: 0 })).rejects.toBeInstanceOf(
      UploadTooLarge,
    );
    expect(pulled()).toBeLessThan(5);
    expect(readdirSync(root)).toEqual([]);
  });

  it('ARCHIVE: an upload the disk cannot take with its reserve left free is refused before a byte is written', async () => {
    const stats = statfsSync(root);
    const free = stats.bavail * stats.bsize;
    // An announced length past what the disk has free beyond the reserve: twice the free space,
    // as other tests free files meanwhile (announcing exactly `free` was taken once, and the
    // endless body then read until the test's time ran out).
    const { stream, pulled } = endless();
    await expect(
      spoolUpload(stream, 4 * free, { root, reserveBytes: 1024, expectedBytes: 2 * free }),
    ).rejects.toBeInstanceOf(UploadDiskFull);
    expect(pulled()).toBeLessThan(2);
    // A reserve larger than the free space: even a small body without a length is refused.
    await expect(
      spoolUpload(body([3]), 7, { root, reserveBytes: free + 1024 ** 3 }),
    ).rejects.toBeInstanceOf(UploadDiskFull);
    expect(readdirSync(root)).toEqual([]);
  });

  it('ARCHIVE: a sender silent for the stall time stops the upload (its place and file freed)', async () => {
    // Two chunks, then nothing more: the client went quiet without ending its body.
    const silent = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3).fill(1));
        controller.enqueue(new Uint8Array(4).fill(2));
      },
    });
    await expect(
      spoolUpload(silent, 1024, { root, reserveBytes: 0, stallMs: 50 }),
    ).rejects.toBeInstanceOf(UploadStalled);
    expect(readdirSync(root)).toEqual([]);
  });
});

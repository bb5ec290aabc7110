// ARCHIVE: an uploaded archive goes to a temporary file as it arrives, and stops at the limit.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoolUpload, UploadTooLarge } from './upload.ts';

function body(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const [i, size] of chunks.entries())
        controller.enqueue(new Uint8Array(size).fill(i + 1));
      controller.close();
    },
  });
}

describe('spoolUpload', () => {
  it('ARCHIVE: writes the body to a temporary file, removed by dispose', async () => {
    const upload = await spoolUpload(body([3, 4]), 7);
    expect(upload.bytes).toBe(7);
    expect([...readFileSync(upload.path)]).toEqual([1, 1, 1, 2, 2, 2, 2]);
    await upload.dispose();
    expect(existsSync(dirname(upload.path))).toBe(false);
  });

  it('ARCHIVE: past the limit it stops reading and leaves no file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'carton-upload-test-'));
    let pulled = 0;
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
      },
    });
    await expect(spoolUpload(chunks, 7, root)).rejects.toBeInstanceOf(UploadTooLarge);
    // An endless body: reading stopped at the limit, and the temporary folder is gone.
    expect(pulled).toBeLessThan(5);
    expect(readdirSync(root)).toEqual([]);
    rmSync(root, { recursive: true });
  });
});

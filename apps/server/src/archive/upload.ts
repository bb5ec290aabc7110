import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

/** An uploaded archive waiting in a temporary file; `dispose` removes it. */
export interface SpooledUpload {
  readonly path: string;
  readonly bytes: number;
  dispose(): Promise<void>;
}

export class UploadTooLarge extends Error {
  override readonly name = 'UploadTooLarge';
}

/**
 * Writes a request body to a temporary file, chunk by chunk, and stops past `maxBytes`
 * (UploadTooLarge, the file removed): an archive of gigabytes never sits in memory.
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  /** Where the temporary folder goes (the system's by default). */
  root: string = tmpdir(),
): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(root, 'carton-import-'));
  const path = join(dir, 'archive.zip');
  const dispose = () => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    const reader = body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        await reader?.cancel();
        throw new UploadTooLarge(`The archive must be at most ${maxBytes} bytes.`);
      }
      if (!out.write(next.value)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    return { path, bytes, dispose };
  } catch (error) {
    out.destroy();
    await dispose();
    throw error;
  }
}

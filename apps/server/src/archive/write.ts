import { createHash } from 'node:crypto';
import type { BoardFile } from '@carton/board';
import { BOARD_FILE_VERSION, imageBlobIds, serializeBoardFile, withImages } from '@carton/board';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { slug } from '../http/board-routes.ts';
import type { ArchiveBoardEntry, ArchiveManifest } from './manifest.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME } from './manifest.ts';
import { renderBoardPng } from './png.ts';
import type { StoredBlob } from '../blobs/blob-store.ts';
import type { ArchiveSource } from './source.ts';

const encoder = new TextEncoder();

export interface ArchiveOptions {
  /** Leave PNGs out (faster backups); default true. */
  readonly png?: boolean;
  readonly now?: Date;
}

/** The board's file with every image it shows embedded as base64 (self-contained). */
export async function embedImages(
  file: BoardFile,
  forumId: string,
  blobs: ArchiveSource['blobs'],
): Promise<BoardFile> {
  // The store may answer asynchronously; withImages looks up synchronously: fetch first.
  const found = new Map<string, StoredBlob>();
  for (const blobId of imageBlobIds(file)) {
    const blob = await blobs.get(forumId, blobId);
    if (blob) found.set(blobId, blob);
  }
  return withImages(file, (blobId) => {
    const blob = found.get(blobId);
    return blob ? { mime: blob.mime, data: Buffer.from(blob.data).toString('base64') } : null;
  });
}

/**
 * A forum as a zip, streamed entry by entry: one JSON (images embedded) and one PNG per board,
 * the incontournables when compilation exists, and manifest.json last with every file's
 * SHA-256. Null if there is no such forum.
 */
export async function streamForumArchive(
  source: ArchiveSource,
  forumId: string,
  options: ArchiveOptions = {},
): Promise<ReadableStream<Uint8Array> | null> {
  const forum = await source.forum(forumId);
  if (!forum) return null;
  const boards = await source.boards(forumId);
  const now = options.now ?? new Date();
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const files: ArchiveManifest['files'] = [];
      const add = (path: string, data: Uint8Array, compress: boolean) => {
        const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
        entry.mtime = now;
        zip.add(entry);
        entry.push(data, true);
        files.push({
          path,
          sha256: createHash('sha256').update(data).digest('hex'),
          bytes: data.byteLength,
        });
      };
      try {
        const entries: ArchiveBoardEntry[] = [];
        for (const [i, board] of boards.entries()) {
          const base = `boards/${String(i + 1).padStart(2, '0')}-${slug(board.title) || 'tableau'}`;
          const file = await embedImages(await source.boardFile(board.id), forumId, source.blobs);
          add(`${base}.json`, encoder.encode(serializeBoardFile(file)), true);
          const png = options.png === false ? null : `${base}.png`;
          if (png) add(png, await renderBoardPng(file), false);
          entries.push({
            id: board.id,
            position: board.position,
            kind: board.kind,
            title: board.title,
            territory: board.territory,
            json: `${base}.json`,
            png,
            shapes: file.shapes.length,
          });
          // Let the event loop breathe between boards (rendering is CPU work).
          await new Promise((resolve) => setImmediate(resolve));
        }
        const compiled = await source.compilation(forumId);
        if (compiled) {
          add('incontournables.md', encoder.encode(compiled.markdown), true);
          add('incontournables.csv', encoder.encode(compiled.csv), true);
        }
        const facilitation = await source.facilitation(forumId);
        const manifest: ArchiveManifest = {
          format: ARCHIVE_FORMAT,
          version: ARCHIVE_VERSION,
          exportedAt: now.toISOString(),
          boardFileVersion: BOARD_FILE_VERSION,
          forum: { id: forum.id, title: forum.title, date: forum.date ?? null },
          boards: entries,
          files,
          ...(compiled
            ? { compilation: { markdown: 'incontournables.md', csv: 'incontournables.csv' } }
            : {}),
          ...(facilitation ? { facilitation } : {}),
        };
        const text = `${JSON.stringify(manifest, null, 2)}\n`;
        const entry = new ZipDeflate(MANIFEST_NAME, { level: 6 });
        entry.mtime = now;
        zip.add(entry);
        entry.push(encoder.encode(text), true);
        zip.end();
      } catch (error) {
        zip.terminate();
        controller.error(error);
      }
    },
    cancel() {
      zip?.terminate();
    },
  });
}

/** The whole archive in memory (tests, the CLI). */
export async function collectStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

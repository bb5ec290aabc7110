import { createHash } from 'node:crypto';
import type { BoardFile } from '@carton/board';
import { BOARD_FILE_VERSION, imageBlobIds, serializeBoardFile, withImages } from '@carton/board';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { slug } from '../http/board-routes.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import type { ArchiveBoardEntry, ArchiveManifest, ArchiveVersionEntry } from './manifest.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME } from './manifest.ts';
import { renderBoardPng } from './png.ts';
import type { StoredBlob } from '../blobs/blob-store.ts';
import type { ArchiveSource } from './source.ts';
import type { SnapshotInfo } from '../storage/board-storage.ts';

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
 * The versions an archive keeps of one board, at most `max` (an import takes no more): all of
 * them when they fit, else the newest named ones first, then the newest auto ones; oldest first.
 */
export function keptVersions(versions: readonly SnapshotInfo[], max: number): SnapshotInfo[] {
  const ordered = [...versions].sort((a, b) => a.id - b.id);
  if (ordered.length <= max) return ordered;
  const newestFirst = [...ordered].reverse();
  const kept = [
    ...newestFirst.filter((v) => v.kind === 'named'),
    ...newestFirst.filter((v) => v.kind === 'auto'),
  ].slice(0, Math.max(0, max));
  return kept.sort((a, b) => a.id - b.id);
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
  const archivedForum = { id: forum.id, title: forum.title, date: forum.date ?? null };
  const boards = await source.boards(forumId);
  const now = options.now ?? new Date();
  let zip: Zip;
  let cancelled = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  return new ReadableStream<Uint8Array>({
    // Not awaited: the stream asks for more (pull) only once start has returned.
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      /**
       * Waits until the reader wants more: the archive is made as fast as it is downloaded, so
       * a slow or stalled download holds an entry or two in memory, not every board with up to
       * 2 000 versions; a download given up (cancel) stops reading the forum.
       */
      const demand = async (): Promise<void> => {
        while (!cancelled && controller.desiredSize !== null && controller.desiredSize <= 0) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (cancelled || controller.desiredSize === null) throw new Error('archive not read');
      };
      void produce(controller, demand);
    },
    pull() {
      wakeUp();
    },
    cancel() {
      cancelled = true;
      wakeUp();
      zip?.terminate();
    },
  });

  async function produce(
    controller: ReadableStreamDefaultController<Uint8Array>,
    demand: () => Promise<void>,
  ): Promise<void> {
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
      let versionBudget: number = ARCHIVE_LIMITS.maxVersions;
      for (const [i, board] of boards.entries()) {
        await demand();
        const base = `boards/${String(i + 1).padStart(2, '0')}-${slug(board.title) || 'tableau'}`;
        const file = await embedImages(await source.boardFile(board.id), forumId, source.blobs);
        add(`${base}.json`, encoder.encode(serializeBoardFile(file)), true);
        const png = options.png === false ? null : `${base}.png`;
        if (png) add(png, await renderBoardPng(file), false);
        // Each photo once per board: a version embeds only the images the board's file and
        // its earlier versions do not (fifty auto versions would otherwise hold it fifty times).
        const embedded = new Set(Object.keys(file.images ?? {}));
        const versions: ArchiveVersionEntry[] = [];
        const kept = keptVersions(
          await source.versions(board.id),
          Math.min(ARCHIVE_LIMITS.maxVersionsPerBoard, versionBudget),
        );
        for (const info of kept) {
          await demand();
          const stored = await source.versionFile(board.id, info.id);
          if (!stored) continue;
          const full = await embedImages(stored, forumId, source.blobs);
          const images = Object.entries(full.images ?? {}).filter(([id]) => !embedded.has(id));
          for (const [id] of images) embedded.add(id);
          const { images: _all, ...rest } = full;
          const versionFile =
            images.length > 0 ? { ...rest, images: Object.fromEntries(images) } : rest;
          const n = String(versions.length + 1).padStart(3, '0');
          const json = `${base}/versions/${n}-${slug(info.name ?? '') || info.kind}.json`;
          add(json, encoder.encode(serializeBoardFile(versionFile)), true);
          versions.push({
            kind: info.kind,
            name: info.name,
            createdAt: info.createdAt,
            json,
            shapes: versionFile.shapes.length,
          });
        }
        versionBudget -= versions.length;
        entries.push({
          id: board.id,
          position: board.position,
          kind: board.kind,
          title: board.title,
          territory: board.territory,
          json: `${base}.json`,
          png,
          shapes: file.shapes.length,
          ...(versions.length > 0 ? { versions } : {}),
        });
        // Let the event loop breathe between boards (rendering is CPU work).
        await new Promise((resolve) => setImmediate(resolve));
      }
      await demand();
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
        forum: archivedForum,
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
      // Given up by the reader: nobody is left to tell.
      if (!cancelled) controller.error(error);
    }
  }
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

import type { BoardFile } from '@carton/board';
import { BOARD_FILE_VERSION, imageBlobIds, withImages } from '@carton/board';
import { Zip } from 'fflate';
import { costOf } from './budget.ts';
import type { ArchiveLimits } from './limits.ts';
import { ARCHIVE_LIMITS, MAX_ARCHIVE_PNG_BYTES } from './limits.ts';
import type { ArchiveBoardEntry, ArchiveManifest } from './manifest.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME } from './manifest.ts';
import { drawBoardWithPhotos, drawnVoteDots } from './board-drawing.ts';
import { renderArchivePng } from './png.ts';
import { ArchiveWriter, boardBase, withoutImages } from './produce.ts';
import type { StoredBlob } from '../blobs/blob-store.ts';
import type { ArchiveSource } from './source.ts';
import { writeVersions } from './versions.ts';

const encoder = new TextEncoder();

export interface ArchiveOptions {
  /** Leave PNGs out (faster backups); default true. */
  readonly png?: boolean;
  /** Most pixels of a board's PNG; MAX_PNG_PIXELS by default. */
  readonly pngMaxPixels?: number;
  readonly now?: Date;
  /** What the import that will read it takes (tests lower them). */
  readonly limits?: ArchiveLimits;
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

export { keptVersions } from './versions.ts';

/**
 * A forum as a zip (manifest version 2), streamed entry by entry: each board's JSON with its
 * images (once per archive, `images/<sha256>.<ext>`) and its PNG, then saved versions, the
 * incontournables when compilation exists, and manifest.json last with every file's SHA-256.
 * Everything it writes fits what an import takes (`limits`): boards and images are measured
 * first and, if they alone do not fit, the export is refused before its first byte
 * (`archive_too_large`); PNGs and versions go while there is room. Null if there is no such
 * forum.
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
  const writer = new ArchiveWriter(source, forumId, options.limits ?? ARCHIVE_LIMITS, now);
  const plans = await writer.plan(boards);
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
    try {
      const entries: ArchiveBoardEntry[] = [];
      // The votes' dots, drawn on each board's PNG as the board shows them after the vote.
      const votes =
        options.png === false ? [] : ((await source.facilitation(forumId))?.votes ?? []);
      for (const [i, { board, cost }] of plans.entries()) {
        await demand();
        const base = boardBase(i, board);
        const full = await source.boardFile(board.id);
        const file = withoutImages(full);
        const json = writer.json(`${base}.json`, file);
        writer.budget.release(cost);
        // The board grew since it was measured, past the room left: cut short, not broken.
        if (!(await writer.writeWithImages(zip, json, file, demand))) {
          throw writer.budget.refusal();
        }
        let png: string | null = null;
        if (options.png !== false) {
          // The photos go into the SVG one at a time, as bytes (board-drawing.ts).
          const drawn = await renderArchivePng(
            await drawBoardWithPhotos(
              full,
              forumId,
              source.blobs,
              undefined,
              drawnVoteDots(votes, board.id),
            ),
            MAX_ARCHIVE_PNG_BYTES,
            options.pngMaxPixels,
          );
          const entry = drawn && writer.pack(`${base}.png`, drawn, false);
          // Derived from the JSON, never read by an import: left out when there is no room.
          if (entry && writer.budget.fits(costOf([entry], { read: false }))) {
            writer.write(zip, [entry], [], { read: false });
            png = entry.path;
          }
        }
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
      await writeVersions(source, writer, zip, entries, demand);
      await demand();
      const compiled = await source.compilation(forumId);
      if (compiled) {
        writer.write(zip, [
          writer.pack('incontournables.md', encoder.encode(compiled.markdown), true),
          writer.pack('incontournables.csv', encoder.encode(compiled.csv), true),
        ]);
      }
      const facilitation = await source.facilitation(forumId);
      const manifest: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        exportedAt: now.toISOString(),
        boardFileVersion: BOARD_FILE_VERSION,
        forum: archivedForum,
        boards: entries,
        files: writer.files,
        images: writer.images,
        ...(compiled
          ? { compilation: { markdown: 'incontournables.md', csv: 'incontournables.csv' } }
          : {}),
        ...(facilitation ? { facilitation } : {}),
      };
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      writer.pack(MANIFEST_NAME, encoder.encode(text), true).add(zip);
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

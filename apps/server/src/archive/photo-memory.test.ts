// ARCHIVE: a forum archive reads a board's photos one at a time — for its `images/` entries and
// for its PNG — and lets each go before reading the next, so a board of many photos never holds
// them all in memory at once. Asserted structurally, not as a byte budget: the blob store hands
// out fresh bytes on each read (as SQLite does), the test keeps only weak references to them,
// and at each read, after a full garbage collection, no photo read before may still be alive.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createForum } from '../forums/create-forum.ts';
import type { ArchiveSource } from './source.ts';
import { storageSource } from './source.ts';
import { noisePng } from './test-archives.ts';
import { dataDir, editStoredBoard, ME, type DataDir } from './test-support.ts';
import { streamForumArchive } from './write.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let data: DataDir;
beforeEach(() => {
  data = dataDir();
});
afterEach(() => data.dispose());

/** A forum whose Kamouraska board shows `count` photos (noise: they do not deflate). */
async function forumWithPhotos(count: number): Promise<string> {
  const created = await createForum(
    { title: 'Forum régional de l’Alliance 2023', territories: ['Kamouraska'], templates: false },
    { forums: data.forums, boards: data.boards, baseUrl: 'http://carton.local' },
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = noisePng(200, 150, i + 1);
    const blobId = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    const info = { blobId, mime: 'image/png' as const, width: 200, height: 150 };
    data.blobs.put(
      created.forum.id,
      [{ info: { ...info, bytes: bytes.byteLength }, data: bytes }],
      Number.MAX_SAFE_INTEGER,
    );
    ids.push(blobId);
  }
  const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
  editStoredBoard(data, board.id, (edit) =>
    edit.run((tx) => {
      for (const [i, blobId] of ids.entries()) {
        tx.create('image', {
          x: (i % 4) * 220,
          y: Math.floor(i / 4) * 170,
          w: 200,
          h: 150,
          blobId,
          mime: 'image/png',
          naturalWidth: 200,
          naturalHeight: 150,
        });
      }
    }, ME),
  );
  return created.forum.id;
}

/**
 * The store's source, its photo reads watched: `mostAlive` is the largest number of photos
 * alive at once at a read (the one being read included).
 */
function watchedSource(): { source: ArchiveSource; reads: () => number; mostAlive: () => number } {
  const inner = storageSource(data);
  const read: Array<WeakRef<Uint8Array>> = [];
  let mostAlive = 0;
  const blobs: ArchiveSource['blobs'] = {
    info: (forumId, blobId) => inner.blobs.info(forumId, blobId),
    async get(forumId, blobId) {
      // A later task, as a database answers: what the archive let go can be collected.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      const alive = read.filter((ref) => ref.deref() !== undefined).length;
      mostAlive = Math.max(mostAlive, alive + 1);
      const blob = await inner.blobs.get(forumId, blobId);
      if (blob) read.push(new WeakRef(blob.data));
      return blob;
    },
  };
  return { source: { ...inner, blobs }, reads: () => read.length, mostAlive: () => mostAlive };
}

/** Reads the archive as a download does, keeping nothing (only its size). */
async function download(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const size = await reader.read().then(({ done, value }) => (done ? null : value.byteLength));
    if (size === null) return bytes;
    bytes += size;
  }
}

describe('ARCHIVE: photos one at a time', () => {
  it('ARCHIVE: the images/ entries read each photo after letting the one before go', async () => {
    const forumId = await forumWithPhotos(8);
    const watched = watchedSource();
    const stream = await streamForumArchive(watched.source, forumId, { png: false });
    expect(await download(stream!)).toBeGreaterThan(8 * 200 * 150 * 3);
    expect(watched.reads()).toBe(8);
    expect(watched.mostAlive()).toBe(1);
  });

  it('ARCHIVE: the board’s PNG puts each photo into its drawing after letting the one before go', async () => {
    const forumId = await forumWithPhotos(8);
    const watched = watchedSource();
    const stream = await streamForumArchive(watched.source, forumId, { png: true });
    expect(await download(stream!)).toBeGreaterThan(8 * 200 * 150 * 3);
    // Eight for the images/ entries, eight more for the PNG.
    expect(watched.reads()).toBe(16);
    expect(watched.mostAlive()).toBe(1);
  });
});

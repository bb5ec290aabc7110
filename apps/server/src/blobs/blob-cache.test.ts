// The photos last read are answered from memory (blob-cache.ts): read from storage once, let
// go when removed, when the budget is full (least recently read first) and when nobody reads
// them any more.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { CachedBlobStore, type BlobCacheOptions } from './blob-cache.ts';
import { SqliteBlobStore, type BlobStore, type NewBlob } from './blob-store.ts';

const FORUM = 'forum-bsl';
const QUOTA = 10_000_000;

/** A photo of `bytes` bytes, its content from `seed`. */
function photo(seed: string, bytes = 1_000): NewBlob {
  const data = new Uint8Array(bytes).fill(seed.charCodeAt(0));
  data.set(new TextEncoder().encode(seed));
  const blobId = createHash('sha256').update(data).digest('hex');
  return { info: { blobId, mime: 'image/jpeg', width: 2560, height: 1920, bytes }, data };
}

describe('photos read lately, from memory', () => {
  let dir: string;
  let db: SqliteDatabase;
  let stored: SqliteBlobStore;
  let reads: string[];
  let clock: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carton-blob-cache-'));
    db = openDatabase(dir);
    new SqliteForumStore(db).createForum(
      { id: FORUM, title: 'Rêvons ensemble notre future Alliance', createdAt: 1, date: null },
      [],
      [],
    );
    stored = new SqliteBlobStore(db);
    reads = [];
    const get = stored.get.bind(stored);
    stored.get = (forumId, blobId) => {
      reads.push(blobId);
      return get(forumId, blobId);
    };
    clock = 0;
  });

  afterEach(() => {
    vi.useRealTimers();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cached = (options: Partial<BlobCacheOptions> = {}, store: BlobStore = stored) =>
    new CachedBlobStore(store, {
      maxBytes: 10_000,
      maxEntryBytes: 5_000,
      idleMs: 60_000,
      now: () => clock,
      ...options,
    });

  it('reads a photo from storage once, however many phones ask for it', async () => {
    const flyer = photo('Dépliant de la Table de concertation');
    const blobs = cached();
    await blobs.put(FORUM, [flyer], QUOTA);
    for (let i = 0; i < 30; i++) {
      const blob = await blobs.get(FORUM, flyer.info.blobId);
      expect(blob?.data).toEqual(flyer.data);
    }
    expect(reads).toEqual([flyer.info.blobId]);
    expect(blobs.keptBytes).toBe(1_000);
    // Another forum's photo of the same bytes is that forum's to have or not.
    expect(await blobs.get('forum-other', flyer.info.blobId)).toBeNull();
  });

  it('lets go of the least recently read when the budget is full; never keeps one too large', async () => {
    const [a, b, c] = ['Affiche', 'Bannière', 'Carte postale'].map((seed) => photo(seed, 4_000));
    const poster = photo('Photo du carton de La Mitis', 6_000);
    const blobs = cached();
    await blobs.put(FORUM, [a!, b!, c!, poster], QUOTA);
    for (const blob of [a, b, a, c, a, b, poster, poster])
      await blobs.get(FORUM, blob!.info.blobId);
    // a, b kept (8,000 bytes); a read again; c pushed out b (the least recently read); a read
    // again; b pushed out c; the poster (over 5,000 bytes) read from storage each time.
    const id = (blob: NewBlob | undefined) => blob!.info.blobId;
    expect(reads).toEqual([id(a), id(b), id(c), id(b), id(poster), id(poster)]);
    expect(blobs.keptBytes).toBe(8_000);
  });

  it("one forum cycling large photos through the budget keeps to its share: another's stay", async () => {
    const OTHER = 'forum-hostile';
    new SqliteForumStore(db).createForum(
      { id: OTHER, title: 'Un autre forum', createdAt: 1, date: null },
      [],
      [],
    );
    const flyers = ['Dépliant', 'Affiche'].map((seed) => photo(seed, 2_000));
    const floods = Array.from({ length: 8 }, (_, i) => photo(`Bruit ${i}`, 3_000));
    const blobs = cached();
    await blobs.put(FORUM, flyers, QUOTA);
    await blobs.put(OTHER, floods, QUOTA);
    for (const flyer of flyers) await blobs.get(FORUM, flyer.info.blobId);
    for (let round = 0; round < 3; round++)
      for (const flood of floods) await blobs.get(OTHER, flood.info.blobId);
    reads = [];
    for (const flyer of flyers) await blobs.get(FORUM, flyer.info.blobId);
    expect(reads).toEqual([]);
    expect(blobs.keptBytes).toBe(10_000);
  });

  it('lets go of a removed photo: it is not answered again', async () => {
    const refused = photo('Photo d’un tableau refusé');
    const blobs = cached();
    await blobs.put(FORUM, [refused], QUOTA, 'board-refused');
    expect(await blobs.get(FORUM, refused.info.blobId)).not.toBeNull();
    await blobs.remove(FORUM, [refused.info.blobId], 'board-refused');
    expect(await blobs.get(FORUM, refused.info.blobId)).toBeNull();
    expect(blobs.keptBytes).toBe(0);
  });

  it('gives the memory back once nobody has read a photo for a while', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const [early, late] = [photo('Accueil'), photo('Plénière')];
    const blobs = cached();
    await blobs.put(FORUM, [early, late], QUOTA);
    await blobs.get(FORUM, early.info.blobId);
    clock = 40_000;
    await blobs.get(FORUM, late.info.blobId);
    clock = 70_000;
    vi.advanceTimersByTime(30_000);
    expect(blobs.keptBytes).toBe(1_000); // the early one, unread for 70 s, is let go
    clock = 110_000;
    vi.advanceTimersByTime(30_000);
    expect(blobs.keptBytes).toBe(0);
    expect(vi.getTimerCount()).toBe(0); // nothing kept, no timer left
  });

  it('answers a photo asked for again while storage reads it (PostgreSQL) with that one read', async () => {
    const later: BlobStore = {
      put: (...args) => stored.put(...args),
      info: (...args) => stored.info(...args),
      forumBytes: (...args) => stored.forumBytes(...args),
      remove: (...args) => stored.remove(...args),
      get: async (forumId, blobId) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return stored.get(forumId, blobId);
      },
    };
    const [flyer, refused] = [photo('Dépliant'), photo('Refusé')];
    const blobs = cached({}, later);
    await blobs.put(FORUM, [flyer, refused], QUOTA, 'board-refused');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => blobs.get(FORUM, flyer.info.blobId)),
    );
    expect(answers.every((blob) => blob?.blobId === flyer.info.blobId)).toBe(true);
    expect(reads).toEqual([flyer.info.blobId]);
    // Removed while it was being read: answered to whoever asked, not kept.
    const reading = blobs.get(FORUM, refused.info.blobId);
    await blobs.remove(FORUM, [refused.info.blobId], 'board-refused');
    await reading;
    expect(blobs.keptBytes).toBe(1_000);
    expect(await blobs.get(FORUM, refused.info.blobId)).toBeNull();
  });
});

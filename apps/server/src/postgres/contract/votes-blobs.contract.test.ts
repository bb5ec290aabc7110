// One behaviour suite for the dot store (V2–V4) and the image store (R35), run against SQLite
// and PostgreSQL.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BlobInfo, NewBlob } from '../../blobs/blob-store.ts';
import { voterHash } from '../../facilitation/vote-store.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';
import { blobStoreOn, forumStoreOn, voteStoreOn } from './stores.ts';

function image(text: string): NewBlob {
  const data = new TextEncoder().encode(`PNG… ${text}`);
  const info: BlobInfo = {
    blobId: createHash('sha256').update(data).digest('hex'),
    mime: 'image/png',
    width: 640,
    height: 480,
    bytes: data.byteLength,
  };
  return { info, data };
}

for (const makeBackend of BACKENDS) {
  const backend = makeBackend();
  describe(`VoteStore and BlobStore contract on ${backend.name}`, () => {
    let db: TestDatabase;

    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    beforeEach(async () => {
      db = await backend.open();
      const forums = forumStoreOn(db);
      await forums.createForum({ id: 'f1', title: 'Forum', createdAt: 1, date: null }, [], []);
      await forums.createForum({ id: 'f2', title: 'Autre', createdAt: 2, date: null }, [], []);
    });
    afterEach(() => db.close());

    it('V2: at most N dots per voter, several on one note, removal one at a time', async () => {
      const votes = voteStoreOn(db);
      const voter = voterHash('f1', 'v1', 'device-123456');
      const note = { boardId: 'b1', shapeId: 'shape:transport' };
      const other = { boardId: 'b1', shapeId: 'shape:logement' };
      expect(await votes.add('f1', 'v1', voter, note, 2)).toBe(true);
      expect(await votes.add('f1', 'v1', voter, note, 2)).toBe(true);
      expect(await votes.add('f1', 'v1', voter, other, 2)).toBe(false);
      expect(await votes.countOf('v1', note)).toBe(2);
      expect(await votes.remove('v1', voter, note)).toBe(true);
      expect(await votes.dotsOf('v1', voter)).toEqual([note]);
      expect(await votes.remove('v1', voter, other)).toBe(false);
      expect(await votes.counts('v1')).toEqual([{ ...note, count: 1 }]);
      expect(await votes.counts('v2')).toEqual([]);
    });

    it('V4: dots placed at once from two processes never pass the limit', async () => {
      const stores = [voteStoreOn(db), voteStoreOn(await db.openSecond())];
      const voter = voterHash('f1', 'v1', 'device-654321');
      const placed = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          stores[i % 2]!.add('f1', 'v1', voter, { boardId: 'b1', shapeId: `shape:${i}` }, 3),
        ),
      );
      expect(placed.filter(Boolean)).toHaveLength(3);
      expect(await stores[0]!.dotsOf('v1', voter)).toHaveLength(3);
    });

    it('restores an archive’s totals as dots nobody owns', async () => {
      const votes = voteStoreOn(db);
      await votes.restoreDots('f1', [
        { voteId: 'v1', boardId: 'b1', shapeId: 'shape:a', count: 3 },
        { voteId: 'v1', boardId: 'b2', shapeId: 'shape:b', count: 1 },
      ]);
      await votes.restoreDots('f1', []);
      const counts = await votes.counts('v1');
      expect(counts.sort((a, b) => a.boardId.localeCompare(b.boardId))).toEqual([
        { boardId: 'b1', shapeId: 'shape:a', count: 3 },
        { boardId: 'b2', shapeId: 'shape:b', count: 1 },
      ]);
      expect(await votes.remove('v1', 'archive-voter', { boardId: 'b1', shapeId: 'shape:a' })).toBe(
        false,
      );
    });

    it('ARCHIVE: ballots list each voter’s dots; restored dots keep their archive alias', async () => {
      const votes = voteStoreOn(db);
      const amelie = voterHash('f1', 'v1', 'device-amelie');
      const bruno = voterHash('f1', 'v1', 'device-bruno');
      const a = { boardId: 'b1', shapeId: 'shape:a' };
      const b = { boardId: 'b1', shapeId: 'shape:b' };
      await votes.add('f1', 'v1', amelie, a, 3);
      await votes.add('f1', 'v1', bruno, b, 3);
      await votes.add('f1', 'v1', amelie, b, 3);
      expect(await votes.ballots('v1')).toEqual([
        { voter: amelie, dots: [a, b] },
        { voter: bruno, dots: [b] },
      ]);
      await votes.restoreDots('f1', [
        { voteId: 'v2', ...a, count: 2, voter: 'archive:v1' },
        { voteId: 'v2', ...b, count: 1 },
      ]);
      expect(await votes.ballots('v2')).toEqual([
        { voter: 'archive:v1', dots: [a, a] },
        { voter: 'archive', dots: [b] },
      ]);
    });

    it('R54: images a refused board stored are removed, in that forum only', async () => {
      const blobs = blobStoreOn(db);
      const flyer = image('Affiche du forum');
      const kept = image('Photo du carton');
      await blobs.put('f1', [flyer, kept], 1_000_000);
      await blobs.put('f2', [flyer], 1_000_000);
      await blobs.remove('f1', [flyer.info.blobId, 'absent']);
      await blobs.remove('f1', []);
      expect(await blobs.info('f1', flyer.info.blobId)).toBeNull();
      expect(await blobs.forumBytes('f1')).toBe(kept.info.bytes);
      expect(await blobs.info('f2', flyer.info.blobId)).toEqual(flyer.info);
    });

    it('R35: an image is stored once per forum, read back, and never from another forum', async () => {
      const blobs = blobStoreOn(db);
      const flyer = image('Dépliant de la Table de concertation');
      expect(await blobs.put('f1', [flyer], 1_000_000)).toEqual([flyer.info]);
      expect(await blobs.put('f1', [flyer], 1_000_000)).toEqual([flyer.info]);
      expect(await blobs.forumBytes('f1')).toBe(flyer.info.bytes);
      expect(await blobs.info('f1', flyer.info.blobId)).toEqual(flyer.info);
      const stored = await blobs.get('f1', flyer.info.blobId);
      expect(stored?.mime).toBe('image/png');
      expect(Buffer.from(stored!.data).equals(Buffer.from(flyer.data))).toBe(true);
      expect(await blobs.get('f2', flyer.info.blobId)).toBeNull();
      expect(await blobs.info('f2', flyer.info.blobId)).toBeNull();
      expect(await blobs.forumBytes('f2')).toBe(0);
    });

    it('R35: the quota refuses all of a batch or none; images already there cost nothing', async () => {
      const blobs = blobStoreOn(db);
      const a = image('a');
      const b = image('b');
      const quota = a.info.bytes + b.info.bytes - 1;
      expect(await blobs.put('f1', [a], quota)).toEqual([a.info]);
      expect(await blobs.put('f1', [a, b], quota)).toBeNull();
      expect(await blobs.info('f1', b.info.blobId)).toBeNull();
      expect(await blobs.put('f1', [a], a.info.bytes)).toEqual([a.info]);
    });

    it('R35: uploads at once from two processes never pass the quota', async () => {
      const stores = [blobStoreOn(db), blobStoreOn(await db.openSecond())];
      const images = Array.from({ length: 10 }, (_, i) => image(`photo ${i}`));
      const quota = images[0]!.info.bytes * 4;
      const results = await Promise.all(
        images.map((img, i) => stores[i % 2]!.put('f1', [img], quota)),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(4);
      expect(await stores[0]!.forumBytes('f1')).toBe(quota);
    });
  });
}

// R54: the image store remembers which request put an image last, so a refused board removes
// only what its own request inserted and no other request named since — on SQLite and on
// PostgreSQL (the same suite on both, like src/postgres/contract).
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../postgres/contract/backends.ts';
import { blobStoreOn, forumStoreOn } from '../postgres/contract/stores.ts';
import type { BlobInfo, NewBlob } from './blob-store.ts';

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

const FORUM = 'forum-bsl';
const QUOTA = 1_000_000;

for (const makeBackend of BACKENDS) {
  const backend = makeBackend();
  describe(`BlobStore put marks on ${backend.name}`, () => {
    let db: TestDatabase;

    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    beforeEach(async () => {
      db = await backend.open();
      await forumStoreOn(db).createForum(
        { id: FORUM, title: 'Forum des Alliances', createdAt: 1, date: null },
        [],
        [],
      );
    });
    afterEach(() => db.close());

    it('R54: removes what the refused request inserted, never what another put named since', async () => {
      const blobs = blobStoreOn(db);
      const poster = image('Affiche « Rêvons ensemble notre future Alliance »');
      const flyer = image('Dépliant de la Table de concertation');
      await blobs.put(FORUM, [poster, flyer], QUOTA, 'board-refused');
      // Another request (an upload, unmarked) wants the flyer too.
      await blobs.put(FORUM, [flyer], QUOTA);
      await blobs.remove(FORUM, [poster.info.blobId, flyer.info.blobId], 'board-refused');
      expect(await blobs.info(FORUM, poster.info.blobId)).toBeNull();
      expect(await blobs.info(FORUM, flyer.info.blobId)).toEqual(flyer.info);
      expect(await blobs.forumBytes(FORUM)).toBe(flyer.info.bytes);
    });

    it('R54: an image another request inserted first is not the refused request’s to remove', async () => {
      const blobs = blobStoreOn(db);
      const photo = image('Photo du carton de La Mitis');
      await blobs.put(FORUM, [photo], QUOTA); // uploaded just before
      await blobs.put(FORUM, [photo], QUOTA, 'board-refused'); // found it there
      await blobs.remove(FORUM, [photo.info.blobId], 'board-refused');
      expect(await blobs.info(FORUM, photo.info.blobId)).toEqual(photo.info);
      // Another new board's images are its own to remove, not this one's.
      const other = image('Carte postale de Rimouski');
      await blobs.put(FORUM, [other], QUOTA, 'board-accepted');
      await blobs.remove(FORUM, [other.info.blobId], 'board-refused');
      expect(await blobs.info(FORUM, other.info.blobId)).toEqual(other.info);
    });
  });
}

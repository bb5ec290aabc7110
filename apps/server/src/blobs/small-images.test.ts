// R71: the small copies kept in memory — made once for requests that meet, a bounded number at
// a time, within a budget, and let go when their image is removed (R54, R70).
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../log.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';
import type { SmallImage } from './small-image.ts';
import { SmallImages, type SmallImagesOptions } from './small-images.ts';

const blob = (blobId: string, bytes = 1000): StoredBlob => ({
  blobId,
  mime: 'image/jpeg',
  width: 4000,
  height: 3000,
  bytes,
  data: new Uint8Array(bytes).fill(1),
});

/** A maker whose copies are finished by the test, one by one, in the order asked. */
function heldMaker(copyBytes = 100) {
  const asked: Array<{ blobId: string; finish: () => void }> = [];
  const make = (stored: StoredBlob) =>
    new Promise<SmallImage>((resolve) => {
      asked.push({
        blobId: stored.blobId,
        finish: () =>
          resolve({ kind: 'made', data: new Uint8Array(copyBytes).fill(2), mime: 'image/jpeg' }),
      });
    });
  return { asked, make };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function smallImages(options: Partial<SmallImagesOptions> & Pick<SmallImagesOptions, 'make'>) {
  return new SmallImages(silentLogger, {
    maxBytes: 1_000_000,
    idleMs: 60_000,
    concurrency: 1,
    ...options,
  });
}

describe('R71: small copies in memory', () => {
  it('requests for the same photo that meet wait for one copy', async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    const read = () => blob('a');
    const answers = Array.from({ length: 4 }, () => small.get('forum', 'a', read));
    await settle();
    expect(maker.asked).toHaveLength(1);
    maker.asked[0]!.finish();
    const done = await Promise.all(answers);
    expect(done.map((answer) => answer?.kind)).toEqual(['made', 'made', 'made', 'made']);
    // Asked again later: kept.
    expect((await small.get('forum', 'a', read))?.data.byteLength).toBe(100);
    expect(small.made).toBe(1);
  });

  it('copies of different photos are made one at a time', async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    const answers = ['a', 'b', 'c'].map((id) => small.get('forum', id, () => blob(id)));
    await settle();
    expect(maker.asked.map((asked) => asked.blobId)).toEqual(['a']);
    maker.asked[0]!.finish();
    await settle();
    expect(maker.asked.map((asked) => asked.blobId)).toEqual(['a', 'b']);
    maker.asked[1]!.finish();
    await settle();
    maker.asked[2]!.finish();
    expect((await Promise.all(answers)).every((answer) => answer?.kind === 'made')).toBe(true);
  });

  it('reads a stored image at its turn, not while its copy waits', async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    const read: string[] = [];
    const answers = ['a', 'b', 'c'].map((id) =>
      small.get('forum', id, () => (read.push(id), blob(id, 10 * 1024 * 1024))),
    );
    await settle();
    // Asked at once for 30 photos of 10 MiB, the process held them all (+300 MB) while waiting.
    expect(read).toEqual(['a']);
    maker.asked[0]!.finish();
    await settle();
    expect(read).toEqual(['a', 'b']);
    maker.asked[1]!.finish();
    await settle();
    maker.asked[2]!.finish();
    expect((await Promise.all(answers)).every((answer) => answer?.kind === 'made')).toBe(true);
    // An image the forum does not have, waiting its turn too, answers null.
    expect(await small.get('forum', 'none', () => (read.push('none'), null))).toBeNull();
    expect(read).toEqual(['a', 'b', 'c', 'none']);
  });

  it("forums take turns: one forum's many copies do not hold another's back", async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    const many = ['a1', 'a2', 'a3', 'a4'].map((id) => small.get('hostile', id, () => blob(id)));
    await settle();
    const other = small.get('forum', 'b1', () => blob('b1'));
    const later = small.get('forum', 'b2', () => blob('b2'));
    for (let i = 0; i < 6; i++) {
      await settle();
      expect(maker.asked).toHaveLength(i + 1);
      maker.asked[i]!.finish();
    }
    await Promise.all([...many, other, later]);
    // One at a time still; each forum's own in the order asked.
    expect(maker.asked.map((asked) => asked.blobId)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('an image the forum does not have answers null; another forum has its own copy', async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    expect(await small.get('forum', 'a', () => null)).toBeNull();
    const mine = small.get('forum', 'a', () => blob('a'));
    await settle();
    maker.asked[0]!.finish();
    await mine;
    // The same bytes in another forum: not answered from this forum's copy.
    expect(await small.get('other', 'a', () => null)).toBeNull();
  });

  it('a photo that cannot be decoded answers its full bytes, tried and said once', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('debug', (line) => lines.push(JSON.parse(line)));
    let tries = 0;
    const small = new SmallImages(log, {
      maxBytes: 1_000_000,
      idleMs: 60_000,
      concurrency: 1,
      make: async () => {
        tries++;
        return { kind: 'failed', error: 'VipsJpeg: premature end of JPEG image' };
      },
    });
    const stored = blob('a', 5000);
    for (let i = 0; i < 3; i++) {
      const answer = await small.get('forum', 'a', () => stored);
      expect(answer).toEqual({ kind: 'full', data: stored.data, mime: 'image/jpeg' });
    }
    expect(tries).toBe(1);
    expect(lines.filter((line) => line['event'] === 'small_image_failed')).toHaveLength(1);
  });

  it('keeps at most its budget, the least recently read going first', async () => {
    const small = smallImages({
      maxBytes: 250,
      make: async () => ({ kind: 'made', data: new Uint8Array(100), mime: 'image/jpeg' }),
    });
    for (const id of ['a', 'b', 'c']) await small.get('forum', id, () => blob(id));
    expect(small.keptBytes).toBe(200);
    expect(small.made).toBe(3);
    await small.get('forum', 'c', () => blob('c'));
    expect(small.made).toBe(3);
    await small.get('forum', 'a', () => blob('a'));
    expect(small.made).toBe(4);
  });

  it("one forum cycling big copies through the budget keeps to its share: another's stay", async () => {
    const made: string[] = [];
    const small = smallImages({
      maxBytes: 1000,
      make: async (stored) => {
        made.push(stored.blobId);
        return { kind: 'made', data: new Uint8Array(100), mime: 'image/png' };
      },
    });
    const calm = ['c1', 'c2', 'c3'];
    for (const id of calm) await small.get('calm', id, () => blob(id));
    // Transparent noise: 20 photos whose copies fill the budget twice, asked round after round.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) await small.get('hostile', `h${i}`, () => blob(`h${i}`));
    }
    expect(small.keptBytes).toBe(1000);
    made.length = 0;
    for (const id of calm) await small.get('calm', id, () => blob(id));
    expect(made).toEqual([]);
    // The hostile forum's own copies went instead: its least recently read first.
    await small.get('hostile', 'h19', () => blob('h19'));
    await small.get('hostile', 'h0', () => blob('h0'));
    expect(made).toEqual(['h0']);
  });

  it('removing an image (R54) or erasing its forum (R70) lets its copy go', async () => {
    const small = smallImages({
      make: async () => ({ kind: 'made', data: new Uint8Array(100), mime: 'image/jpeg' }),
    });
    const removed: string[][] = [];
    const store = small.forgettingRemoved({
      remove: (_forumId: string, blobIds: readonly string[]) => void removed.push([...blobIds]),
    } as unknown as BlobStore);
    for (const id of ['a', 'b']) await small.get('forum', id, () => blob(id));
    await small.get('other', 'a', () => blob('a'));
    expect(small.keptBytes).toBe(300);
    await store.remove('forum', ['a']);
    expect(removed).toEqual([['a']]);
    expect(small.keptBytes).toBe(200);
    small.forgetForum('forum');
    expect(small.keptBytes).toBe(100);
    // Made again when asked again (the image put back by another upload).
    await small.get('forum', 'a', () => blob('a'));
    expect(small.made).toBe(4);
  });

  it('an image removed while its copy is made is answered, not kept', async () => {
    const maker = heldMaker();
    const small = smallImages({ make: maker.make });
    const answer = small.get('forum', 'a', () => blob('a'));
    await settle();
    small.forget('forum', ['a']);
    maker.asked[0]!.finish();
    expect((await answer)?.kind).toBe('made');
    expect(small.keptBytes).toBe(0);
  });
});

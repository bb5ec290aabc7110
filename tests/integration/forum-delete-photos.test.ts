// R70 and the photos kept in memory: a forum deleted for good leaves none of its photos in the
// server's memory — neither the photos read lately (blob-cache.ts, up to 32 MiB held up to 60 s)
// nor their small copies (R71) — in the process that deleted it and, with several processes on
// one bus (R63), in the others, which hear of the deletion on the bus. Another forum's photos
// stay kept. Read through GET /metrics (loopback): photosKeptBytes, smallImagesKeptBytes.
import { afterAll, describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { startServer } from '../support/server.ts';
import { startCluster, type Cluster } from './cluster-support.ts';
import { png } from './fixtures/images.ts';
import { authFetch, territoryBoard, type CreatedForum } from './helpers.ts';
import { api, createSeedForum, metrics } from './forum-support.ts';

let single: CartonServer | null = null;
let cluster: Cluster | null = null;
afterAll(async () => {
  await single?.dispose();
  await cluster?.dispose();
});

async function upload(server: CartonServer, forum: CreatedForum, bytes: Buffer): Promise<string> {
  const board = territoryBoard(forum, 'Kamouraska');
  const response = await authFetch(server, `/api/boards/${board.id}/images`, board.edit.token, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png' },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { blobId: string }).blobId;
}

/** A phone on the board reads the photo and its small copy: both are kept in memory. */
async function view(server: CartonServer, forum: CreatedForum, blobId: string): Promise<void> {
  const board = territoryBoard(forum, 'Kamouraska');
  for (const path of [blobId, `${blobId}/small`]) {
    const image = await authFetch(
      server,
      `/api/boards/${board.id}/images/${path}`,
      board.view.token,
    );
    expect(image.status).toBe(200);
    await image.arrayBuffer();
  }
}

const kept = async (server: CartonServer) => {
  const numbers = await metrics(server);
  return { photos: numbers.photosKeptBytes, copies: numbers.smallImagesKeptBytes };
};

describe('a deleted forum’s photos leave memory', () => {
  it('R70: in the process that deleted it, at once; another forum’s stay', async () => {
    single = await startServer();
    const doomed = await createSeedForum(single, ['Kamouraska', 'La Mitis']);
    const other = await createSeedForum(single, ['Kamouraska', 'Rimouski-Neigette']);
    const face = png(61, 43);
    const map = png(64, 48);
    await view(single, other, await upload(single, other, map));
    const otherKept = await kept(single);
    expect(otherKept.photos).toBe(map.byteLength);
    expect(otherKept.copies).toBeGreaterThan(0);
    await view(single, doomed, await upload(single, doomed, face));
    expect((await kept(single)).photos).toBe(map.byteLength + face.byteLength);

    const deleted = await api(
      single,
      'DELETE',
      `/api/forums/${doomed.forum.id}`,
      doomed.facilitator.token,
    );
    expect(deleted.status).toBe(200);
    // The delete has answered: nothing of the doomed forum is held, the other forum's is.
    expect(await kept(single)).toEqual(otherKept);
  });

  it(
    'R70, R63: in another process on the bus, once it hears of the deletion',
    { timeout: 60_000 },
    async () => {
      cluster = await startCluster(2);
      const [a, b] = cluster.servers as [CartonServer, CartonServer];
      const doomed = await createSeedForum(a, ['Kamouraska', 'La Mitis']);
      const photo = png(59, 41);
      const blobId = await upload(a, doomed, photo);
      // Read on B: B keeps the photo and its copy; A never read it.
      await view(b, doomed, blobId);
      expect((await kept(b)).photos).toBe(photo.byteLength);
      expect((await kept(b)).copies).toBeGreaterThan(0);

      const deleted = await api(
        a,
        'DELETE',
        `/api/forums/${doomed.forum.id}`,
        doomed.facilitator.token,
      );
      expect(deleted.status).toBe(200);
      // B hears of it on the bus; its photos would otherwise stay until read no more for 60 s.
      const until = Date.now() + 20_000;
      let now = await kept(b);
      while ((now.photos !== 0 || now.copies !== 0) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await kept(b);
      }
      expect(now).toEqual({ photos: 0, copies: 0 });
    },
  );
});

// R71: GET /api/boards/:id/images/:blobId/small — the photo upright, at most 512 px on a side,
// for the phones that draw it at ~120 × 90 px over a venue's bad wifi. A real server on port 0
// with its SQLite file; the photos are made here with sharp.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_IMAGE_SIDE } from '../blobs/small-image.ts';
import { zeroPng } from '../blobs/test-images.ts';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import type { RunningServer } from './server.ts';

interface Board {
  id: string;
  edit: string;
  view: string;
  forumId: string;
  facilitator: string;
}

let running: LoggedServer;
let server: RunningServer;
let board: Board;
let otherForumBoard: Board;

async function createBoard(title: string, territory: string): Promise<Board> {
  const created = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, territories: [territory] }),
  });
  const forum = (await created.json()) as {
    forum: { id: string };
    facilitator: { token: string };
    boards: Array<{ id: string; kind: string; edit: { token: string }; view: { token: string } }>;
  };
  const found = forum.boards.find((b) => b.kind === 'territory')!;
  return {
    id: found.id,
    edit: found.edit.token,
    view: found.view.token,
    forumId: forum.forum.id,
    facilitator: forum.facilitator.token,
  };
}

beforeAll(async () => {
  running = await startLoggedServer('small-image');
  server = running.server;
  board = await createBoard('Forum du Bas-Saint-Laurent', 'Rimouski-Neigette');
  otherForumBoard = await createBoard('Forum de la Gaspésie', 'La Haute-Gaspésie');
});
afterAll(() => running.close());

async function upload(bytes: Uint8Array, to: Board = board): Promise<string> {
  const response = await fetch(`${server.url}/api/boards/${to.id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${to.edit}`, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { blobId: string }).blobId;
}

function get(
  blobId: string,
  token: string | null,
  { small = true, boardId = board.id, headers = {} as Record<string, string> } = {},
): Promise<Response> {
  const path = `/api/boards/${boardId}/images/${blobId}${small ? '/small' : ''}`;
  return fetch(`${server.url}${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

async function smallOf(blobId: string, token = board.edit) {
  const response = await get(blobId, token);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, meta: await sharp(bytes).metadata() };
}

async function metrics(): Promise<Record<string, number>> {
  return (await (await fetch(`${server.url}/metrics`)).json()) as Record<string, number>;
}

/** A `width` × `height` photo in `background`, its left `band` columns red. */
function photo(width: number, height: number, band: number, background = '#3a6') {
  return sharp({ create: { width, height, channels: 3, background } }).composite([
    {
      input: { create: { width: band, height, channels: 3, background: '#e00' } },
      left: 0,
      top: 0,
    },
  ]);
}

/** The RGB(A) of the copy's pixel at (x, y). */
async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;

describe('R71: a small copy of a board photo', () => {
  it('a 4000 × 3000 phone photo comes back as a JPEG of 512 × 384, far smaller', async () => {
    const full = await photo(4000, 3000, 1000).jpeg({ quality: 92 }).toBuffer();
    const blobId = await upload(full);
    const { response, bytes, meta } = await smallOf(blobId);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([SMALL_IMAGE_SIDE, 384]);
    expect(bytes.byteLength).toBeLessThan(full.byteLength / 4);
    // The red quarter on the left stays on the left.
    expect(isRed(await pixel(bytes, 20, 200))).toBe(true);
    expect(isRed(await pixel(bytes, 400, 200))).toBe(false);
  });

  it("R36's headers, its own ETag, and 304 on If-None-Match", async () => {
    const blobId = await upload(await photo(1600, 1200, 100).jpeg().toBuffer());
    const full = await get(blobId, board.view, { small: false });
    const { response } = await smallOf(blobId, board.view);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(etag).not.toBe(full.headers.get('etag'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename=".+\.jpg"$/);
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const again = await get(blobId, board.view, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('a photo stored sideways (EXIF orientation 6) comes back upright, without EXIF', async () => {
    // The sensor's 800 × 600, its left edge red: turned a quarter clockwise, that edge is the
    // top of the 600 × 800 photo the phone showed.
    const sideways = await photo(800, 600, 100, '#36a')
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const { bytes, meta } = await smallOf(await upload(sideways));
    expect([meta.width, meta.height]).toEqual([384, SMALL_IMAGE_SIDE]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(isRed(await pixel(bytes, 192, 20))).toBe(true);
    expect(isRed(await pixel(bytes, 192, 480))).toBe(false);
    expect(isRed(await pixel(bytes, 20, 256))).toBe(false);
  });

  it('a PNG or WebP saying EXIF orientation 6 keeps the size its upload answered', async () => {
    // R35 turns a JPEG's size only (uprightSize); Chromium draws such a WebP unturned. Turned,
    // the copy was portrait in the photo's landscape box, squashed on every phone.
    for (const format of ['png', 'webp'] as const) {
      const stored = await photo(1600, 800, 100, '#36a')
        .withMetadata({ orientation: 6 })
        .toFormat(format)
        .toBuffer();
      expect((await sharp(stored).metadata()).orientation).toBe(6);
      const response = await fetch(`${server.url}/api/boards/${board.id}/images`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.edit}` },
        body: new Uint8Array(stored),
      });
      const answered = (await response.json()) as { blobId: string; width: number; height: number };
      expect([answered.width, answered.height]).toEqual([1600, 800]);
      const { bytes, meta } = await smallOf(answered.blobId);
      expect([meta.width, meta.height]).toEqual([SMALL_IMAGE_SIDE, 256]);
      expect(meta.orientation).toBeUndefined();
      // The red band stays on the left.
      expect(isRed(await pixel(bytes, 10, 128))).toBe(true);
    }
  });

  it('a PNG with an alpha channel stays a PNG with its transparency', async () => {
    // A cut-out: its right half transparent.
    const cutOut = await sharp({
      create: { width: 1200, height: 900, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: { create: { width: 600, height: 900, channels: 4, background: '#e00' } },
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const { response, bytes, meta } = await smallOf(await upload(cutOut));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(meta.format).toBe('png');
    expect(meta.hasAlpha).toBe(true);
    expect([meta.width, meta.height]).toEqual([SMALL_IMAGE_SIDE, 384]);
    expect((await pixel(bytes, 100, 200))[3]).toBe(255);
    expect((await pixel(bytes, 400, 200))[3]).toBe(0);
  });

  it('a screenshot: a PNG whose alpha channel is opaque everywhere comes back as a JPEG', async () => {
    const screenshot = await photo(1080, 2340, 100, '#fafafa').ensureAlpha(1).png().toBuffer();
    expect((await sharp(screenshot).metadata()).hasAlpha).toBe(true);
    const { response, meta, bytes } = await smallOf(await upload(screenshot));
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(meta.hasAlpha).toBe(false);
    expect([meta.width, meta.height]).toEqual([236, SMALL_IMAGE_SIDE]);
    expect(isRed(await pixel(bytes, 5, 256))).toBe(true);
  });

  it('an image already small, upright and lighter than a copy comes back byte for byte', async () => {
    const small = await photo(200, 150, 20).jpeg({ quality: 50 }).toBuffer();
    const { response, bytes } = await smallOf(await upload(small));
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(bytes.equals(small)).toBe(true);
  });

  it("R36's access: a view link reads it; another forum's board never does", async () => {
    const blobId = await upload(await photo(900, 600, 90).jpeg().toBuffer());
    expect((await get(blobId, board.view)).status).toBe(200);
    // Another forum's board, with its own valid token: as if the photo did not exist.
    const elsewhere = await get(blobId, otherForumBoard.view, { boardId: otherForumBoard.id });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe(
      'image_not_found',
    );
    // No token, a wrong one, a token of another board: what R36 answers, the same here.
    for (const [token, boardId] of [
      [null, board.id],
      ['not-a-token', board.id],
      [otherForumBoard.view, board.id],
    ] as const) {
      const full = await get(blobId, token, { small: false, boardId });
      const small = await get(blobId, token, { boardId });
      expect(full.status).toBeGreaterThanOrEqual(401);
      expect({ status: small.status, body: await small.json() }).toEqual({
        status: full.status,
        body: await full.json(),
      });
    }
    const unknown = await get('0'.repeat(64), board.edit);
    expect(unknown.status).toBe(404);
  });

  it('a truncated JPEG that passed the sniffing answers its full bytes, said once in the log', async () => {
    const whole = await photo(2000, 1500, 200).jpeg().toBuffer();
    const truncated = whole.subarray(0, Math.floor(whole.byteLength / 2));
    const blobId = await upload(truncated);
    for (let i = 0; i < 2; i++) {
      const { response, bytes } = await (async () => {
        const answer = await get(blobId, board.edit);
        return { response: answer, bytes: Buffer.from(await answer.arrayBuffer()) };
      })();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(bytes.equals(truncated)).toBe(true);
    }
    const said = running.records.filter((r) => r.event === 'small_image_failed');
    expect(said).toHaveLength(1);
    expect(said[0]!.level).toBe('warn');
    expect(said[0]!['blob']).toBe(blobId);
    const line = JSON.stringify(said[0]);
    for (const token of [board.edit, board.view]) expect(line).not.toContain(token);
  });

  it('a photo whose decoder would hold it whole past 128 MiB answers its full bytes', async () => {
    // Within R35's 50 MP, 381 kB: decoded whole (interlaced), it took the server +449 MB.
    const bomb = await zeroPng(7_000, 7_000, { rgba16: true, interlaced: true });
    const blobId = await upload(bomb);
    const response = await get(blobId, board.view);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(bomb)).toBe(true);
    const said = running.records.filter(
      (r) => r.event === 'small_image_failed' && r['blob'] === blobId,
    );
    expect(said).toHaveLength(1);
    expect(String(said[0]!['error'])).toMatch(/392 MB at once/);
    // A 12 MP camera's progressive JPEG (72 MB of coefficients) still has its copy.
    const progressive = await photo(4000, 3000, 1000)
      .jpeg({ progressive: true, chromaSubsampling: '4:4:4' })
      .toBuffer();
    const { meta } = await smallOf(await upload(progressive), board.view);
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', SMALL_IMAGE_SIDE, 384]);
  });

  it('phones asking for the same photo at once make one copy', async () => {
    const blobId = await upload(await photo(4000, 3000, 400, '#a63').jpeg().toBuffer());
    const before = (await metrics()).smallImagesMade!;
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const response = await get(blobId, board.view);
        expect(response.status).toBe(200);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    expect((await metrics()).smallImagesMade).toBe(before + 1);
    for (const answer of answers) expect(answer.equals(answers[0]!)).toBe(true);
  });

  it('R70: erasing the forum lets its copies go at once', async () => {
    const erased = await createBoard('Forum de Charlevoix', 'Charlevoix-Est');
    const blobId = await upload(await photo(1600, 1200, 160).jpeg().toBuffer(), erased);
    expect((await get(blobId, erased.view, { boardId: erased.id })).status).toBe(200);
    const before = (await metrics()).smallImagesKeptBytes!;
    expect(before).toBeGreaterThan(0);
    const deleted = await fetch(`${server.url}/api/forums/${erased.forumId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${erased.facilitator}` },
    });
    expect(deleted.status).toBe(200);
    expect((await metrics()).smallImagesKeptBytes).toBeLessThan(before);
    expect((await get(blobId, erased.view, { boardId: erased.id })).status).toBe(410);
  });
});

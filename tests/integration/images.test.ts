// Image uploads for image shapes (SPEC R35, R36): the type comes from the bytes, the size from
// the header; only tokens of the board (its forum) read them; errors are JSON.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  JPEG_37x21,
  png,
  WEBP_LOSSLESS_29x13,
  WEBP_LOSSY_33x17,
  withOrientation,
} from './fixtures/images.ts';
import { createForum, territoryBoard, type CreatedBoard, type CreatedForum } from './helpers.ts';

const MAX_IMAGE_BYTES = 200 * 1024;
let server: CartonServer;
let forum: CreatedForum;
let board: CreatedBoard;

beforeAll(async () => {
  server = await startServer({ env: { CARTON_MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES) } });
  forum = await createForum(server);
  board = territoryBoard(forum, 'Rimouski-Neigette');
});

afterAll(async () => {
  await server?.dispose();
});

function upload(
  bytes: Uint8Array,
  token: string | null,
  contentType = 'image/png',
  boardId = board.id,
): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/images`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: new Uint8Array(bytes),
  });
}

function download(blobId: string, token: string | null, boardId = board.id): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/images/${blobId}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return { status: response.status, code: body.error.code };
}

describe('image uploads', () => {
  it('R35: PNG, JPEG and WebP are stored with their real type and size, by SHA-256', async () => {
    const cases: Array<[string, Uint8Array, string, number, number]> = [
      ['png', png(64, 48), 'image/png', 64, 48],
      ['jpeg', JPEG_37x21, 'image/jpeg', 37, 21],
      ['webp lossy', WEBP_LOSSY_33x17, 'image/webp', 33, 17],
      ['webp lossless', WEBP_LOSSLESS_29x13, 'image/webp', 29, 13],
    ];
    for (const [name, bytes, mime, width, height] of cases) {
      // The declared type is ignored: the bytes decide.
      const response = await upload(bytes, board.edit.token, 'application/octet-stream');
      expect({ name, status: response.status }).toEqual({ name, status: 201 });
      const body = (await response.json()) as Record<string, unknown>;
      const sha = createHash('sha256').update(bytes).digest();
      expect(body).toEqual({
        blobId: Buffer.from(sha).toString('hex'),
        mime,
        width,
        height,
      });
      const served = await download(body['blobId'] as string, board.view.token);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(mime);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-disposition')).toMatch(/^inline/);
      expect(served.headers.get('cache-control')).toMatch(/max-age=31536000/);
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('R35: a JPEG stored sideways (EXIF orientation 5–8) answers its upright size', async () => {
    // A phone held upright, its photo uploaded as is (a script, another client): every browser
    // draws it turned, 21 × 37, so that is the size a client must place it at.
    const cases: Array<[number, number, number]> = [
      [1, 37, 21],
      [3, 37, 21],
      [5, 21, 37],
      [6, 21, 37],
      [8, 21, 37],
    ];
    for (const [orientation, width, height] of cases) {
      const response = await upload(withOrientation(JPEG_37x21, orientation), board.edit.token);
      expect({ orientation, status: response.status }).toEqual({ orientation, status: 201 });
      expect({ orientation, ...((await response.json()) as object) }).toMatchObject({
        orientation,
        mime: 'image/jpeg',
        width,
        height,
      });
    }
  });

  it('R35: the same image twice is one blob; the facilitator may upload too', async () => {
    const bytes = png(10, 10);
    const first = (await (await upload(bytes, board.edit.token)).json()) as { blobId: string };
    const again = await upload(bytes, forum.facilitator.token);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { blobId: string }).blobId).toBe(first.blobId);
  });

  it('R35: SVG, HTML, garbage behind a PNG signature and oversize bodies are refused with JSON', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await errorOf(await upload(svg, board.edit.token, 'image/svg+xml'))).toEqual({
      status: 415,
      code: 'unsupported_image_type',
    });
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    expect(await errorOf(await upload(html, board.edit.token, 'image/png'))).toEqual({
      status: 415,
      code: 'unsupported_image_type',
    });
    const garbage = Buffer.concat([png(4, 4).subarray(0, 8), Buffer.alloc(200, 0x41)]);
    expect(await errorOf(await upload(garbage, board.edit.token))).toEqual({
      status: 400,
      code: 'broken_image',
    });
    const truncated = JPEG_37x21.subarray(0, 40);
    expect(await errorOf(await upload(truncated, board.edit.token, 'image/jpeg'))).toEqual({
      status: 400,
      code: 'broken_image',
    });
    expect(await errorOf(await upload(new Uint8Array(0), board.edit.token))).toEqual({
      status: 400,
      code: 'broken_image',
    });
    const huge = png(400, 400); // raw rows of zeros compress well: pad to pass the limit
    const oversize = Buffer.concat([huge, Buffer.alloc(MAX_IMAGE_BYTES, 1)]);
    expect(await errorOf(await upload(oversize, board.edit.token))).toEqual({
      status: 413,
      code: 'image_too_large',
    });
  });

  it('R36: a view token cannot upload; reading needs a token of that board (or its forum)', async () => {
    expect(await errorOf(await upload(png(3, 3), board.view.token))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(await errorOf(await upload(png(3, 3), null))).toEqual({
      status: 401,
      code: 'missing_token',
    });
    const stored = (await (await upload(png(5, 7), board.edit.token)).json()) as {
      blobId: string;
    };
    expect((await download(stored.blobId, null)).status).toBe(401);
    const other = territoryBoard(forum, 'La Mitis');
    // Another board's token does not open this board's route.
    expect(await errorOf(await download(stored.blobId, other.edit.token))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    // Through its own board, a board of the same forum sees the forum's images (paste across
    // boards keeps photos); another forum never does.
    expect((await download(stored.blobId, other.view.token, other.id)).status).toBe(200);
    const elsewhere = await createForum(server, { title: 'Autre forum' });
    const foreign = elsewhere.boards[0]!;
    expect(await errorOf(await download(stored.blobId, foreign.edit.token, foreign.id))).toEqual({
      status: 404,
      code: 'image_not_found',
    });
    expect(await errorOf(await download('not-a-hash', board.edit.token))).toEqual({
      status: 404,
      code: 'image_not_found',
    });
  });
});

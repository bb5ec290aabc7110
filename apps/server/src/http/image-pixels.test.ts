// R35: an uploaded photo may have at most MAX_UPLOAD_PIXELS pixels, not only 16 384 on a side.
// A 261 kB PNG of 16 384 × 16 384 zeros was stored and placed on a board: every browser
// showing the board decoded a gigabyte of pixels (Chromium took 3.5 GB), phones and the
// plenary's mosaic alike. A real server on port 0 with its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import { zeroPng } from '../blobs/test-images.ts';
import { MAX_UPLOAD_PIXELS } from './image-routes.ts';
import type { RunningServer } from './server.ts';

let running: LoggedServer;
let server: RunningServer;
let board: { id: string; token: string };

beforeAll(async () => {
  running = await startLoggedServer('image-pixels');
  server = running.server;
  const created = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Forum des Basques', territories: ['Les Basques'] }),
  });
  const forum = (await created.json()) as {
    boards: Array<{ id: string; kind: string; edit: { token: string } }>;
  };
  const territory = forum.boards.find((b) => b.kind === 'territory')!;
  board = { id: territory.id, token: territory.edit.token };
});
afterAll(() => running.close());

const upload = async (png: Buffer) => {
  const response = await fetch(`${server.url}/api/boards/${board.id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.token}`, 'Content-Type': 'image/png' },
    body: new Uint8Array(png),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('R35: pixels of an uploaded photo', () => {
  it('a PNG of 16 384 × 16 384 (sides allowed) is refused in JSON', async () => {
    const bomb = await zeroPng(16_384, 16_384);
    expect(bomb.byteLength).toBeLessThan(300_000);
    const refused = await upload(bomb);
    expect(refused).toEqual({
      status: 400,
      body: {
        error: {
          code: 'broken_image',
          message: `The image has more than ${MAX_UPLOAD_PIXELS} pixels.`,
        },
      },
    });
  });

  it('a full 48 Mpx camera photo still goes in; one pixel row past the limit does not', async () => {
    expect((await upload(await zeroPng(8_000, 6_000))).status).toBe(201);
    const height = Math.floor(MAX_UPLOAD_PIXELS / 7_000);
    expect((await upload(await zeroPng(7_000, height))).status).toBe(201);
    expect((await upload(await zeroPng(7_000, height + 1))).status).toBe(400);
  });
});

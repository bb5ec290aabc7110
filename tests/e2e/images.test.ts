// Photos: a PNG chosen from the device is uploaded, placed as an image shape, and shown to
// another participant (fetched with their own token); unsupported files change nothing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import {
  createTerritoryBoard,
  openBoard,
  shapes,
  waitForShapes,
  type BoardLinks,
} from './fixtures';

describe('images', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let a: Participant;
  let b: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'Rivière-du-Loup');
    a = await newParticipant(browser, 'Émilie');
    b = await newParticipant(browser, 'Pierre');
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.view.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('uploads a PNG and places it; a viewer sees it too', async () => {
    // A real PNG: a picture of the empty board's header.
    const png = await a.page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
    await a.page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: png });
    const [image] = await waitForShapes(a.page, '(s) => s.some((x) => x.type === "image")');
    expect(image?.type).toBe('image');
    if (image?.type !== 'image') return;
    expect([image.naturalWidth, image.naturalHeight]).toEqual([320, 200]);
    expect(image.w / image.h).toBeCloseTo(1.6, 2);

    await waitForShapes(b.page, '(s) => s.some((x) => x.type === "image")');
    await b.page.waitForLoadState('networkidle');
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
    await b.page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/image-view-fr.png'),
    });
    const response = await fetch(`${server.url}/api/boards/${board.id}/images/${image.blobId}`, {
      headers: { Authorization: `Bearer ${board.view.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('refuses a file that is not a photo, with a message', async () => {
    const before = (await shapes(a.page)).length;
    await a.page.locator('input[type="file"]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Conditions présentes'),
    });
    await a.page.getByRole('alert').filter({ hasText: 'PNG, JPEG ou WebP' }).waitFor();
    expect((await shapes(a.page)).length).toBe(before);
  });
});

// The status says when the server is gone, the page reconnects by itself, and work done
// offline reaches the others afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createTerritoryBoard, openBoard, waitForShapes, type BoardLinks } from './fixtures';

describe('connection status and reconnection', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let a: Participant;
  let b: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'La Matapédia');
    a = await newParticipant(browser, 'Émilie');
    b = await newParticipant(browser, 'Pierre');
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows « hors ligne », reconnects, and syncs a note made offline', async () => {
    await server.kill('SIGTERM');
    await a.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    expect(await a.page.locator('[data-testid="status"]').textContent()).toContain('hors ligne');

    await a.page.bringToFront();
    await a.page.keyboard.press('n');
    await a.page.mouse.click(500, 400);
    await waitForShapes(a.page, '(s) => s.length === 1');

    await server.restart();
    await a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await b.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    const seen = await waitForShapes(b.page, '(s) => s.length === 1', 20_000);
    expect(seen[0]?.type).toBe('note');
  });
});

// A page closed by the server for a limit (4429: too many updates, R28) says so in plain
// French, does not reconnect by itself, keeps the work, and « Reconnecter » brings it back.
import { beforeAll, describe, expect, it } from 'vitest';
import { boardSuite, openBoard, shapes, type BoardLinks } from './fixtures';

const SHOTS = 'test-results/screenshots';
/** Longer than the stock client's first four backoff steps (0.2 + 0.4 + 0.8 + 1.6 s). */
const QUIET_MS = 3500;

// One server and one laptop for the file's two describes.
const suite = boardSuite({
  // One document update per second, no burst: a few quick notes are a flood.
  server: { env: { CARTON_UPDATES_PER_SECOND: '1', CARTON_UPDATE_BURST: '1' } },
  territory: 'La Matanie',
  participants: { a: { name: 'Émilie', opens: false } },
});

describe('limits', () => {
  let sockets = 0;

  beforeAll(async () => {
    suite.a.page.on('websocket', (ws) => {
      if (ws.url().includes('/sync/')) sockets++;
    });
    await openBoard(suite.a.page, suite.board.edit.url);
  });

  it('explains a 4429 in French, stays closed, and reconnects only when asked', async () => {
    const page = suite.a.page;
    const before = (await shapes(page)).length;
    await page.bringToFront();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('n');
      await page.mouse.click(250 + i * 120, 420);
    }
    const banner = page.locator('[data-testid="limit-banner"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getAttribute('data-code')).toBe('4429');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Trop de changements d’un coup');
    expect(text).toContain('Vos modifications restent gardées sur cet appareil');
    expect(await page.evaluate(() => window.__carton!.status())).toBe('closed');
    expect(await page.locator('[data-testid="status"]').textContent()).toContain(
      'connexion fermée',
    );
    await page.screenshot({ path: `${SHOTS}/limit-4429.png` });

    // Work goes on locally, and nothing knocks on the server's door.
    expect((await shapes(page)).length).toBe(before + 6);
    const opened = sockets;
    await page.waitForTimeout(QUIET_MS);
    expect(sockets).toBe(opened);
    expect(await page.evaluate(() => window.__carton!.status())).toBe('closed');

    // « Reconnecter »: one new socket, the budget has refilled, every note reaches the server.
    await page.getByRole('button', { name: 'Reconnecter' }).click();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await banner.count()).toBe(0);
    expect(sockets).toBe(opened + 1);
    const response = await fetch(`${suite.server.url}/api/boards/${suite.board.id}/export.json`, {
      headers: { Authorization: `Bearer ${suite.board.edit.token}` },
    });
    const file = (await response.json()) as { shapes: unknown[] };
    expect(file.shapes.length).toBe(before + 6);
  });
});

describe('revoked links', () => {
  // Émilie's laptop of the case above (suite.a) for both cases, each on its own forum's board:
  // the same server (its limit of one update per second is far from what opening a board sends)
  // and no context to create (~1 s, 3–5 s on a loaded CI machine).

  async function forumWithBoard(): Promise<{
    forumId: string;
    facilitator: string;
    board: BoardLinks;
  }> {
    const response = await fetch(`${suite.server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum de l’Alliance', territories: ['Kamouraska'] }),
    });
    const body = (await response.json()) as {
      forum: { id: string };
      facilitator: { token: string };
      boards: (BoardLinks & { kind: string })[];
    };
    return {
      forumId: body.forum.id,
      facilitator: body.facilitator.token,
      board: body.boards.find((b) => b.kind === 'territory')!,
    };
  }

  async function rotateEditLink(forumId: string, facilitator: string, boardId: string) {
    const response = await fetch(
      `${suite.server.url}/api/forums/${forumId}/boards/${boardId}/links/edit/rotate`,
      { method: 'POST', headers: { Authorization: `Bearer ${facilitator}` } },
    );
    expect(response.status).toBe(200);
  }

  it('an open page whose link is rotated (4403) says so and offers no reconnection', async () => {
    const { forumId, facilitator, board } = await forumWithBoard();
    const a = suite.a;
    await openBoard(a.page, board.edit.url);
    await rotateEditLink(forumId, facilitator, board.id);
    const banner = a.page.locator('[data-testid="limit-banner"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getAttribute('data-code')).toBe('4403');
    expect(await banner.textContent()).toContain('Ce lien ne donne plus accès à ce tableau');
    expect(await banner.getByRole('button').count()).toBe(0);
    await a.page.screenshot({ path: `${SHOTS}/limit-4403.png` });
  });

  it('a page that comes back online with a revoked link stops knocking', async () => {
    const { forumId, facilitator, board } = await forumWithBoard();
    const a = suite.a;
    let attempts = 0;
    a.page.on('websocket', () => attempts++);
    await openBoard(a.page, board.edit.url);
    await a.context.setOffline(true);
    await a.page.locator('[data-testid="status"][data-status="offline"]').waitFor();
    await rotateEditLink(forumId, facilitator, board.id);
    await a.context.setOffline(false);
    // Refused upgrades look like network failures; after a few the page asks the API.
    const banner = a.page.locator('[data-testid="limit-banner"][data-code="4403"]');
    await banner.waitFor({ timeout: 15_000 });
    const seen = attempts;
    await a.page.waitForTimeout(QUIET_MS);
    expect(attempts).toBe(seen);
    expect(await a.page.evaluate(() => window.__carton!.status())).toBe('closed');
  });
});

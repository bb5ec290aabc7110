// The venue's wifi on a phone, one server and one board for all (each was its own file: a server,
// a Chromium and a first page each). Ginette's phone lives through the first three cases:
// - a silent link: the wifi stays « connected » but forwards nothing (the server frozen by
//   SIGSTOP, so the sockets stay open and silent). A phone that adds a note, or wakes up, must say
//   « hors ligne » with its change kept within seconds — the stock client waited 30 s of silence,
//   showing « connecté » over a note going nowhere — and everything arrives once, when the link
//   is back;
// - a new link (the plenary's) handed out while the wifi is down: the page cannot know that board
//   yet. It said « Erreur : Failed to fetch » — a browser's words, in English — and stayed so
//   after the wifi came back. It must say, in plain French, that the board will open when the
//   network returns, and then open by itself;
// - a view link loses the wifi: it has no changes to keep, so the status must not promise
//   « modifications gardées » (viewers wondered what they had changed); it says the board shown
//   is the last one received, still opens from the device after a reload, and catches up;
// - the venue's address: the phones reach Carton at the laptop's plain-http LAN address, where
//   browsers refuse service workers: a reload offline cannot open the page (the browser's « no
//   internet » page), though the notes stay in IndexedDB. The page must say so calmly — keep it
//   open, nothing is lost — and the browser must ask before leaving it while offline;
// - a perfect link and someone writing steadily: the page's confirmation queries stay within the
//   relay's budget, so it never drops a live socket as dead (« hors ligne » every 20–30 s).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import {
  addNote,
  boardSuite,
  createForum,
  createTerritoryBoard,
  newPhone,
  openBoard,
  waitForShapes,
} from './fixtures';

/** Well under the stock client's 30 s of silence plus its 3 s check. */
const NOTICED_WITHIN_MS = 20_000;

function waitForStatus(page: Page, status: string, timeout: number): Promise<unknown> {
  return page.waitForFunction((s) => window.__carton?.status() === s, status, { timeout });
}

// A name is needed for the venue's address (an IP literal of this machine is a secure context),
// so the server is told to answer it (R33b refuses names it was not given).
const suite = boardSuite({
  territory: 'La Mitis',
  participants: { other: 'Pierre' },
  server: { env: { CARTON_ALLOWED_HOSTS: 'carton.venue' } },
});

/** Ginette's phone, on the suite's board: opened by the first test that needs it. */
let ginette: { context: BrowserContext; page: Page } | undefined;
async function ginettePhone(): Promise<{ context: BrowserContext; page: Page }> {
  if (ginette === undefined) {
    ginette = await newPhone(suite.browser, 'Ginette');
    await openBoard(ginette.page, suite.board.edit.url);
  }
  return ginette;
}
afterAll(async () => {
  await ginette?.context.close();
});

describe('a silent link on a phone', () => {
  afterEach(() => {
    // Never leave the server frozen for the next test (SIGCONT on a running process is a no-op).
    void suite.server.kill('SIGCONT');
  });

  it('says « hors ligne » with the note kept, then delivers it once', async () => {
    const { page } = await ginettePhone();
    void suite.server.kill('SIGSTOP');

    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 420);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 1');
    await waitForStatus(page, 'offline', NOTICED_WITHIN_MS);
    await expect(page.locator('.status-detail').textContent()).resolves.toMatch(
      /^1\s+modification gardée sur cet appareil$/u,
    );

    void suite.server.kill('SIGCONT');
    await waitForStatus(page, 'connected', 20_000);
    // Its confirmation answered: the next silence is again noticed at the first wait, not double.
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    const seen = await waitForShapes(
      suite.other.page,
      '(s) => s.some((x) => x.type === "note")',
      20_000,
    );
    expect(seen.filter((s) => s.type === 'note')).toHaveLength(1);
  });

  it('notices a dead link on waking up, and reconnects when it is back', async () => {
    const { page } = await ginettePhone();
    void suite.server.kill('SIGSTOP');
    // The screen comes back on (headless pages are always visible: the event is what counts).
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await waitForStatus(page, 'offline', NOTICED_WITHIN_MS);

    void suite.server.kill('SIGCONT');
    await waitForStatus(page, 'connected', 20_000);
  });
});

describe('a link never opened on this device, offline', () => {
  it('waits calmly for the network, then opens the board by itself', async () => {
    const forum = await createForum(suite.server, { territories: ['Kamouraska'] });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    // Ginette's phone has opened a board (the suite's), so the app shell is on the device and
    // the new link's page itself can open offline.
    const { context, page } = await ginettePhone();
    await page
      .locator('html[data-offline-ready="true"]')
      .waitFor({ state: 'attached', timeout: 15_000 });

    await context.setOffline(true);
    await page.goto(plenary.edit.url);
    const waiting = page.locator('[data-testid="board-waiting"]');
    await waiting.waitFor({ timeout: 15_000 });
    await expect(waiting.textContent()).resolves.toMatch(
      /^Hors ligne\u00a0: ce tableau n’a pas encore été ouvert sur cet appareil\. Il s’ouvrira dès le retour du réseau\.$/u,
    );

    await context.setOffline(false);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => document.title)).toContain('Plénière');
  });
});

describe('a view link offline', () => {
  it('says it shows the last version received, and catches up afterwards', async () => {
    const { context, page } = await newPhone(suite.browser, 'Lucien');
    try {
      await page.goto(suite.board.view.url);
      await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      await page
        .locator('html[data-offline-ready="true"]')
        .waitFor({ state: 'attached', timeout: 15_000 });
      await context.setOffline(true);
      await page.locator('[data-testid="status"][data-status="offline"]').waitFor();
      const detail = page.locator('.status-detail');
      await expect(detail.textContent()).resolves.toBe('vous voyez la dernière version reçue');

      // Pierre edits the board meanwhile (it holds Ginette's note from above).
      await suite.other.page.bringToFront();
      await addNote(suite.other.page, 500, 350, 'Entraide alimentaire');
      await page.reload();
      await page.waitForFunction(() => window.__carton?.status() === 'offline', null, {
        timeout: 15_000,
      });
      await expect(detail.textContent()).resolves.toBe('vous voyez la dernière version reçue');

      await context.setOffline(false);
      await waitForShapes(
        page,
        `(s) => s.some((x) => x.type === 'note' && x.text === 'Entraide alimentaire')`,
        20_000,
      );
    } finally {
      await context.close();
    }
  });
});

describe('offline at a venue address', () => {
  let venue: Browser;

  beforeAll(async () => {
    // Not localhost, so not a secure context: like http://192.168.1.10:8787 at the venue.
    venue = await launchBrowser(['--host-resolver-rules=MAP carton.venue localhost']);
  });
  afterAll(async () => {
    await venue?.close();
  });

  it('asks to keep the page open, guards a reload, and syncs when the wifi is back', async () => {
    // A blank board of its own: the note tapped offline is the only one.
    const board = await createTerritoryBoard(suite.server, 'Témiscouata');
    const { context, page } = await newPhone(venue, 'Ginette');
    await page.goto(board.edit.url.replace('//localhost:', '//carton.venue:'));
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const notice = page.locator('[data-testid="keep-page-open"]');
    expect(await notice.count()).toBe(0);

    await context.setOffline(true);
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Gardez cette page ouverte');
    await expect(notice.textContent()).resolves.toContain('rien n’est perdu');
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 500);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');

    // Leaving the page (a reload, a closed tab) is asked first; staying keeps everything.
    const asked = page.waitForEvent('dialog', { timeout: 5_000 });
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    await page.getByRole('button', { name: 'Compris' }).tap();
    await notice.waitFor({ state: 'detached' });

    await context.setOffline(false);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    await context.close();
  });
});

describe('a perfect link, someone writing steadily', () => {
  it('stays « connecté »: its confirmation queries keep within the relay’s budget', async () => {
    // The page asks the relay what it holds after its changes; the relay answers 6 such
    // queries a minute per socket (R29b) and drops the rest unanswered, and an unanswered query
    // made the page drop its socket as dead: « hors ligne » every 20–30 s on a perfect network,
    // and the others saw the writer leave and come back.
    const { page } = suite.other;
    await page.bringToFront();
    const board = await createTerritoryBoard(suite.server, 'Rimouski-Neigette');
    await openBoard(page, board.edit.url);
    const id = await addNote(page, 640, 400, 'Mobilité durable');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __statuses: string[] }).__statuses = seen;
      const read = () =>
        document.querySelector('[data-testid="status"]')?.getAttribute('data-status');
      seen.push(read() ?? '');
      new MutationObserver(() => {
        const now = read();
        if (now && now !== seen.at(-1)) seen.push(now);
      }).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-status'],
      });
    });
    // The note chosen, moved a step every 0.6 s for 18 s: 30 changes, each confirmed (the page
    // asking without a budget was dropped ~14 s in).
    await page.waitForFunction((noteId) => window.__carton!.selection().includes(noteId), id);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(600);
    }
    const seen = await page.evaluate(
      () => (window as unknown as { __statuses: string[] }).__statuses,
    );
    expect(seen).toEqual(['connected']);
    // Everything confirmed in the end.
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 30_000 });
  });
});

// « Aide » for participants new to whiteboards, on a blank Témiscouata board of the 2023 forum:
// « ? » opens the help in French with the keyboard's real shortcuts and Escape gives the focus
// back; the first visit's hint stands above the toolbar, clear of it and of the header, on a
// 360×640 and a 390×844 phone, and once dismissed (« Compris ») or once a note is placed it
// never comes back, nor shows on the plenary board; a view link's help says the board is
// read-only and has no « Ajouter ».
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HINT_STORAGE } from '../../apps/web/src/help/firstVisit.ts';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import {
  createForum,
  createTerritoryBoard,
  openBoard,
  waitForShapes,
  type BoardLinks,
} from './fixtures';
import { boxes, offScreen, overlapsBetween } from './layout-boxes';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

describe('« Aide »', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'Témiscouata');
  });

  // One laptop and one phone for the five cases (a context each was ~1 s, 3–5 s on a loaded
  // CI machine). Each case starts as a first visit: the device's record of the hint seen
  // through is wiped, so a hint that should not show cannot be missing for that reason.
  let laptop: Promise<Participant> | undefined;
  let phoneParticipant: Promise<Participant> | undefined;

  afterAll(async () => {
    for (const device of [laptop, phoneParticipant]) await (await device)?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  /** A blank page of the device at `size`, as on a first visit (the hint not seen through). */
  async function firstVisit(
    device: Promise<Participant>,
    size?: { width: number; height: number },
  ) {
    const { page } = await device;
    if (page.url().startsWith(server.url)) {
      await page.evaluate((key) => localStorage.removeItem(key), HINT_STORAGE);
    }
    await page.goto('about:blank'); // the same board's URL again would only move to its #hash
    if (size) await page.setViewportSize(size);
    return page;
  }

  function phone(size: { width: number; height: number }) {
    phoneParticipant ??= newParticipant(browser, 'Émilie Bérubé', {
      viewport: size,
      hasTouch: true,
      isMobile: true,
    });
    return firstVisit(phoneParticipant, size);
  }

  function onLaptop() {
    laptop ??= newParticipant(browser, 'Émilie Bérubé');
    return firstVisit(laptop);
  }

  /** The hint's box, clear of the header, the toolbar, the people and « Aide », on screen. */
  async function checkHint(page: Page, size: { width: number; height: number }): Promise<void> {
    const hint = page.getByRole('complementary', { name: 'Premiers pas' });
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Première visite\u202f? ');
    const [box] = await boxes(page, '.help-hint');
    const chrome = await boxes(page, '.editor-header, .toolbar, .help-button, .people');
    expect(overlapsBetween([box!], chrome)).toEqual([]);
    expect(offScreen([box!], size.width, size.height)).toEqual([]);
  }

  it('« ? » opens it in French with the real shortcuts; Escape gives the focus back', async () => {
    const page = await onLaptop();
    await openBoard(page, board.edit.url);
    await checkHint(page, { width: 1280, height: 800 });
    await page.locator('.canvas').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Comment ça marche' });
    await dialog.waitFor();
    for (const heading of ['Ajouter', 'Se déplacer', 'Modifier', 'Raccourcis clavier']) {
      expect(await dialog.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    }
    // The keys the keyboard listens to, beside the toolbar's names.
    const keyOf = (id: string) => dialog.locator(`tr[data-shortcut="${id}"] kbd`).textContent();
    expect(await dialog.locator('tr[data-shortcut="note"] th').textContent()).toBe(
      'Papillon adhésif',
    );
    expect(await keyOf('note')).toBe('N');
    expect(await keyOf('pen')).toBe('P');
    expect(await keyOf('undo')).toBe('Ctrl+Z');
    expect(await keyOf('redo')).toBe('Ctrl+Maj+Z');
    // The « Ajouter » list draws the toolbar's own icons.
    const drawn = (selector: string) => page.locator(selector).first().innerHTML();
    expect(await drawn('[data-help-add="note"] svg')).toBe(
      await drawn('.toolbar [data-tool="note"] svg'),
    );
    // Every tool that adds something is told, the carton and the shapes too.
    for (const tool of ['carton', 'rect', 'ellipse']) {
      expect(await drawn(`[data-help-add="${tool}"] svg`)).toBe(
        await drawn(`.toolbar [data-tool="${tool}"] svg`),
      );
    }
    expect(await dialog.locator('[data-help-add="carton"]').textContent()).toContain(
      'regrouper les idées',
    );
    // A laptop has a keyboard: its shortcuts show unfolded.
    expect(await dialog.locator('.help-keys-folded').count()).toBe(0);
    // Mouse first on a laptop.
    expect(await dialog.locator('[data-help-part]').first().getAttribute('data-help-part')).toBe(
      'mouse',
    );
    await page.screenshot({ path: join(SHOTS, 'help-1280-fr-CA.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('canvas'))).toBe(
      true,
    );
    // From the header's button too, which gets the focus back.
    const button = page.getByRole('button', { name: 'Aide', exact: true });
    await button.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('360×640: the first visit’s hint shows once, and not after « Compris » and a reload', async () => {
    const size = { width: 360, height: 640 };
    const page = await phone(size);
    await openBoard(page, board.edit.url);
    await checkHint(page, size);
    expect(await page.locator('.help-hint').textContent()).toContain('Touchez Papillon');
    await page.screenshot({ path: join(SHOTS, 'help-hint-360x640-fr-CA.png') });
    // « Voir l'aide » opens the help, touch first; the hint waits behind it.
    await page.getByRole('button', { name: 'Voir l’aide' }).tap();
    const dialog = page.getByRole('dialog', { name: 'Comment ça marche' });
    await dialog.waitFor();
    expect(await dialog.locator('[data-help-part]').first().getAttribute('data-help-part')).toBe(
      'touch',
    );
    // No keyboard on a phone: the shortcuts' tables are folded under one line, which opens them.
    const keys = dialog.locator('[data-help-keys="tools"]');
    expect(await keys.isVisible()).toBe(false);
    await dialog.getByText('Afficher les raccourcis clavier').tap();
    await expect.poll(() => keys.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'help-dialog-360x640-fr-CA.png') });
    await dialog.getByRole('button', { name: 'Fermer' }).tap();
    await page.getByRole('button', { name: 'Compris' }).tap();
    await expect.poll(() => page.locator('.help-hint').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(() => window.__carton?.status() === 'connected');
    await page.getByRole('button', { name: 'Aide', exact: true }).waitFor();
    expect(await page.locator('.help-hint').count()).toBe(0);
  });

  it('390×844: the hint goes for good once a note is placed', async () => {
    const size = { width: 390, height: 844 };
    const page = await phone(size);
    await openBoard(page, board.edit.url);
    await checkHint(page, size);
    await page.locator('.toolbar [data-tool="note"]').tap();
    await page.locator('.canvas').tap({ position: { x: 120, y: 260 } });
    await waitForShapes(page, '(s) => s.some((shape) => shape.type === "note")');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForFunction(() => window.__carton?.status() === 'connected');
    await page.getByRole('button', { name: 'Aide', exact: true }).waitFor();
    expect(await page.locator('.help-hint').count()).toBe(0);
  });

  it('the plenary board: no hint (it is the room’s, projected and facilitated)', async () => {
    const forum = await createForum(server, { territories: ['Témiscouata'], templates: false });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const page = await onLaptop();
    await openBoard(page, plenary.edit.url);
    await page.getByRole('button', { name: 'Aide', exact: true }).waitFor();
    expect(await page.locator('.toolbar').count()).toBe(1);
    expect(await page.locator('.help-hint').count()).toBe(0);
  });

  it('a facilitator’s board at 1280 and 1366 px: « Aide »’s icon whole (20 × 20) beside « Versions »', async () => {
    const forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const territory = forum.boards.find((b) => b.kind === 'territory')!;
    const page = await onLaptop();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await openBoard(
        page,
        territory.edit.url.replace(/#.*/u, `#token=${forum.facilitator.token}`),
      );
      await page.getByRole('button', { name: 'Versions' }).waitFor();
      // The header squeezed the button's flex items: the icon was drawn 10 × 20.
      const icon = (await page.locator('.help-in-header svg').boundingBox())!;
      expect([icon.width, icon.height], `${size.width}`).toEqual([20, 20]);
      await page.goto('about:blank');
    }
  });

  it('a view link: read-only said, no « Ajouter », no hint', async () => {
    const size = { width: 390, height: 844 };
    const page = await phone(size);
    await openBoard(page, board.view.url);
    await page.getByRole('button', { name: 'Aide', exact: true }).tap();
    const dialog = page.getByRole('dialog', { name: 'Comment ça marche' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('lecture seule');
    expect(await dialog.getByRole('heading', { name: 'Ajouter' }).count()).toBe(0);
    expect(await dialog.getByRole('heading', { name: 'Modifier' }).count()).toBe(0);
    expect(await dialog.getByRole('heading', { name: 'Se déplacer' }).count()).toBe(1);
    expect(await dialog.locator('tr[data-shortcut="note"]').count()).toBe(0);
    expect(await page.locator('.help-hint').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'help-view-390x844-fr-CA.png') });
  });
});

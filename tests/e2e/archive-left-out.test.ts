// « Importer un forum (.zip) » on the home page, with an archive that does not hold the whole
// forum day: a facilitator's socket wrote more pairs « Non, elles sont différentes » than an
// import takes (F2), so the export left 3 of them out (facilitation.leftOut). The import used to
// open the new forum at once and say nothing of it; the home page now says what was left out,
// per kind, keeps the forum among « Vos forums » and offers the way on (« Ouvrir le forum »).
import { forumRoomName, localOrigin, readCompilation, updateCompilation } from '@carton/board';
import { beforeAll, describe, expect, it } from 'vitest';
import { createForum, type CreatedForum, serverAndBrowser } from './fixtures';
import { connectSeedClient } from './seed';

/** One pair more than a forum archive takes (ARCHIVE_SIZES), and two more. */
const PAIRS = 5_003;

const suite = serverAndBrowser();

describe('a forum archive that left part of the day out', () => {
  let forum: CreatedForum;
  let archive: Buffer;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    const socket = (token: string) =>
      connectSeedClient(
        `${suite.server.url.replace('http', 'ws')}/sync`,
        forumRoomName(forum.forum.id),
        token,
      );
    const [writer, watcher] = await Promise.all([
      socket(forum.facilitator.token),
      socket(forum.facilitator.token),
    ]);
    // The server has them once it relayed them all to the other socket.
    const relayed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the pairs never reached the suite.server')),
        15_000,
      );
      const check = () => {
        if (readCompilation(watcher.board.doc)?.distinct.length !== PAIRS) return;
        clearTimeout(timer);
        watcher.board.doc.off('update', check);
        resolve();
      };
      watcher.board.doc.on('update', check);
    });
    const pairs = Array.from({ length: PAIRS }, (_, i) => [`idee-${i}|autre-${i}`, true]);
    updateCompilation(
      writer.board.doc,
      { distinct: Object.fromEntries(pairs) },
      Date.now(),
      localOrigin('facilitator-socket'),
    );
    await relayed;
    writer.close();
    watcher.close();
    const zip = await fetch(`${suite.server.url}/api/forums/${forum.forum.id}/archive.zip`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(zip.status).toBe(200);
    archive = Buffer.from(await zip.arrayBuffer());
  });

  it('says what it left out before the forum opens, in French', async () => {
    const context = await suite.browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel('Choisir l’archive du forum (.zip)').setInputFiles({
      name: 'forum.zip',
      mimeType: 'application/zip',
      buffer: archive,
    });
    const status = page.locator('.home-import [role="status"]');
    await status.locator('li').first().waitFor({ timeout: 15_000 });
    expect(await status.locator('p').textContent()).toBe(
      'Le forum est importé, mais pas tout entier\u00a0: il dépassait ce qu’un import accepte, ' +
        'et ceci a été laissé de côté\u00a0:',
    );
    expect(await status.locator('li').allTextContents()).toEqual([
      '3 paires d’idées dites différentes',
    ]);
    // The way on has the focus (the file field lost it while the archive was sent).
    const open = page.getByRole('link', { name: 'Ouvrir le forum' });
    expect(await open.evaluate((link) => link === document.activeElement)).toBe(true);
    const href = (await open.getAttribute('href'))!;
    expect(href).toMatch(/\/f\/[^/#]+#token=/);
    expect(href).not.toContain(forum.forum.id);
    expect(new URL(page.url()).pathname).toBe('/');
    // Kept on this device as a forum made here, and opened by the link.
    const created = href.split('#')[0]!.split('/f/')[1]!;
    const saved = await page.evaluate(() => JSON.stringify(localStorage));
    expect(saved).toContain(created);
    // And listed in « Vos forums » on the page, without a reload.
    expect(
      await page.locator(`.home-boards li[data-forum-id="${created}"] a`).getAttribute('href'),
    ).toBe(href);
    await open.click();
    await page.waitForURL(/\/f\//);
    await context.close();
  });

  it('in English too', async () => {
    const context = await suite.browser.newContext({ locale: 'en' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel('Choose the forum archive (.zip)').setInputFiles({
      name: 'forum.zip',
      mimeType: 'application/zip',
      buffer: archive,
    });
    const items = page.locator('.home-import [role="status"] li');
    await items.first().waitFor({ timeout: 15_000 });
    expect(await items.allTextContents()).toEqual(['3 pairs of ideas marked different']);
    await context.close();
  });
});

// The morning of the forum, the facilitator link was lost: the server's operator gave a new one
// (`carton facilitator-link`, L4). Every board link was sealed under the old one, so the forum
// page shows none of them (L1 `null`): printing would give sheets without QR codes. One action,
// after one confirmation, creates them all; the printed sheets then carry every code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { facilitatorLink } from '../support/cli';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, type CreatedForum } from './fixtures';

// The eight MRCs of Bas-Saint-Laurent, with the plenary and the postcard wall: 10 boards.
const TERRITORIES = [
  'Kamouraska',
  'Rivière-du-Loup',
  'Témiscouata',
  'Les Basques',
  'Rimouski-Neigette',
  'La Mitis',
  'La Matapédia',
  'La Matanie',
];
const LINKS = (TERRITORIES.length + 2) * 2;

/** Replaces `window.print` (a blocking browser dialog) with a counter the test reads. */
async function countPrints(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { cartonPrints: number };
    counted.cartonPrints = 0;
    window.print = () => {
      counted.cartonPrints += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { cartonPrints: number }).cartonPrints);
}

/** The rendered height and width of each of `buttons`, in CSS pixels. */
async function sizes(buttons: Locator): Promise<{ height: number; width: number }[]> {
  return buttons.evaluateAll((list) =>
    list.map((b) => ({
      height: b.getBoundingClientRect().height,
      width: b.getBoundingClientRect().width,
    })),
  );
}

describe('the forum page’s missing links', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let forum: CreatedForum;
  let newToken = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: TERRITORIES, templates: false });
    const issued = await facilitatorLink(server.dataDir, forum.forum.id, server.url);
    const match = new RegExp(`/f/${forum.forum.id}#token=([\\w-]{43})`).exec(issued.stdout);
    if (!match) throw new Error(`no new facilitator link in: ${issued.stdout}`);
    newToken = match[1]!;
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('creates every unavailable link after one confirmation, and only then prints', async () => {
    const page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${newToken}`);
    const rows = page.locator('.forum-links tr[data-board-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(TERRITORIES.length + 2);
    // L4: sealed under the lost facilitator link, no link can be shown.
    expect(await page.locator('.link-cell').count()).toBe(LINKS);
    expect(await page.locator('.link-cell img.qr').count()).toBe(0);
    const prints = await countPrints(page);

    // Printing now would give sheets without codes: a warning first, which offers the action.
    await page.getByRole('button', { name: 'Imprimer les codes QR' }).click();
    const warning = page.getByRole('alertdialog');
    expect(await warning.textContent()).toContain(
      `${LINKS} liens ne sont pas affichés sur cette page\u00A0: leurs feuilles s’imprimeraient sans code QR.`,
    );
    await warning.getByRole('button', { name: 'Annuler' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await prints()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('print-links');

    // On a phone every choice is a finger target.
    await page.setViewportSize({ width: 390, height: 844 });
    const action = page.getByRole('button', { name: 'Créer les liens manquants' });
    expect(await action.count()).toBe(1);
    expect((await sizes(action))[0]!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('button', { name: 'Imprimer les codes QR' }).click();
    const choices = await sizes(warning.getByRole('button'));
    expect(choices).toHaveLength(3);
    for (const size of choices) {
      expect(size.height).toBeGreaterThanOrEqual(44);
      expect(size.width).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // From the warning to the action's one confirmation: how many, and what stops working.
    await warning.getByRole('button', { name: 'Créer les liens manquants' }).click();
    const confirm = page.getByRole('alertdialog');
    const said = (await confirm.textContent()) ?? '';
    expect(said).toContain(`Créer ${LINKS} nouveaux liens\u202F?`);
    expect(said).toContain('déjà imprimés');
    // Escape keeps everything as it was, and gives the focus back to the print button.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('print-links');
    expect(await page.locator('.link-cell img.qr').count()).toBe(0);

    await action.click();
    await confirm.getByRole('button', { name: `Créer les ${LINKS} liens` }).click();
    const status = page.locator('.missing-links-status[data-complete="true"]');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toBe(
      `${LINKS} liens créés. Chaque tableau a maintenant ses codes QR.`,
    );
    // The button pressed is gone: the focus is on what says the outcome.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe(
      'missing-links-status',
    );
    expect(await action.count()).toBe(0);
    for (const row of await rows.all()) {
      await row.locator('img.qr').nth(1).waitFor();
      expect(await row.locator('img.qr').count()).toBe(2);
      expect(await row.getByText('Lien non récupérable').count()).toBe(0);
    }

    // Now printing goes straight to the printer, every code on its sheet.
    await page.getByRole('button', { name: 'Imprimer les codes QR' }).click();
    expect(await prints()).toBe(1);
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    // The server sealed them under the new facilitator link: a reload still shows them all.
    await page.reload();
    await rows.first().waitFor();
    await page
      .locator('.link-cell img.qr')
      .nth(LINKS - 1)
      .waitFor();
    expect(await page.locator('.link-cell img.qr').count()).toBe(LINKS);
    expect(await page.getByRole('button', { name: 'Créer les liens manquants' }).count()).toBe(0);
  });

  it('gives participants a link that opens their board; the old sheets stop working', async () => {
    const page = facilitator.page;
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    const field = page.locator(
      `tr[data-board-id="${kamouraska.id}"] td[data-role="edit"] input.link-url`,
    );
    const url = await field.inputValue();
    expect(url).toContain(`/b/${kamouraska.id}#token=`);
    expect(url).not.toBe(kamouraska.edit.url);

    const participant = await newParticipant(browser, 'Émilie');
    try {
      await openBoard(participant.page, url);
      expect(await participant.page.evaluate(() => window.__carton!.role())).toBe('edit');
      // The same link damaged on its way (the sentence's period, a mail client's escaping, a
      // token moved to the query, « /B/ » copied by hand): opened as meant, the address mended.
      for (const damaged of [
        `${url}.`,
        `${url} »`,
        url.replace('#', '%23'),
        url.replace('#token=', '?token='),
        url.replace('/b/', '/B/'),
      ]) {
        await participant.page.goto('about:blank');
        await openBoard(participant.page, damaged);
        expect(await participant.page.evaluate(() => window.__carton!.role())).toBe('edit');
        expect(participant.page.url()).toBe(url);
      }
      // The link cut at « # » in a text message, then an old sheet's link: what happened in
      // plain words, what to do, and the way home.
      const shown = participant.page.getByRole('alert');
      await participant.page.goto(`${server.url}/b/${kamouraska.id}`);
      await shown.getByText('Ce lien est incomplet').waitFor();
      await participant.page.goto(kamouraska.edit.url);
      await shown.getByText('Ce lien n’ouvre plus ce tableau').waitFor();
      expect(await shown.textContent()).toContain('scannez de nouveau le code QR');
      expect(await shown.textContent()).not.toMatch(/jeton/u);
      const home = shown.getByRole('link', { name: 'Retour à l’accueil de Carton' });
      expect(await home.getAttribute('href')).toBe('/');
      // Projector mode opened with that old link: the same words, the facilitators' help (they
      // open it), the way home.
      await participant.page.goto(kamouraska.edit.url.replace('/b/', '/p/'));
      await shown.getByText('Ce lien n’ouvre plus ce tableau').waitFor();
      expect(await shown.textContent()).toContain('copié en entier');
      expect(await shown.getByRole('link', { name: 'Retour à l’accueil de Carton' }).count()).toBe(
        1,
      );
    } finally {
      await participant.context.close();
    }
    // L2: the link sealed under the lost facilitator link was replaced, so it is refused.
    const old = await fetch(`${server.url}/api/boards/${kamouraska.id}`, {
      headers: { Authorization: `Bearer ${kamouraska.edit.token}` },
    });
    expect(old.status).toBe(401);
  });

  it('leaves out a board removed from another tab meanwhile, not counted as to try again', async () => {
    const small = await createForum(server, {
      territories: ['Les Basques', 'La Mitis'],
      templates: false,
    });
    const issued = await facilitatorLink(server.dataDir, small.forum.id, server.url);
    const token = new RegExp(`/f/${small.forum.id}#token=([\\w-]{43})`).exec(issued.stdout)![1]!;
    const page = facilitator.page;
    await page.goto(`${server.url}/f/${small.forum.id}#token=${token}`);
    const rows = page.locator('.forum-links tr[data-board-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);

    // R56 from another tab: « La Mitis » taken out while this page still lists it.
    const mitis = small.boards.find((b) => b.title.includes('La Mitis'))!;
    const removed = await fetch(`${server.url}/api/forums/${small.forum.id}/boards/${mitis.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(200);

    await page.getByRole('button', { name: 'Créer les liens manquants' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Créer les 8 liens' }).click();
    const status = page.locator('.missing-links-status[data-complete="true"]');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toBe(
      '6 liens créés. Chaque tableau a maintenant ses codes QR.',
    );
    await page.locator(`tr[data-board-id="${mitis.id}"]`).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(3);
    expect(await page.locator('.link-cell img.qr').count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Créer les liens manquants' }).count()).toBe(0);
  });
});

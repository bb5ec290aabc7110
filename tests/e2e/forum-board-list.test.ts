// The board list changing during the forum, on the facilitator's laptop (1280 × 800): a territory
// added on the forum page is ticked at once in the boards of the next dot vote and of « Les
// incontournables » (it was left out of the vote until the page was reloaded), while a board the
// facilitator unticked stays unticked; and « Tableau « … » ajouté… » goes once the board list
// changes otherwise (a rename, a removal, a board brought back), instead of naming a title gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';

describe('the board list changing on the forum page', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let forum: CreatedForum;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska', 'Les Basques', 'La Mitis'] });
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1280, height: 800 },
    });
    page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The checkbox of `territory` in the vote's (`#forum-votes`) or the compilation's choice. */
  const box = (section: string, territory: string): Locator =>
    page
      .locator(`${section} .board-choice label`)
      .filter({ hasText: new RegExp(`^${territory}$`, 'u') })
      .locator('input[type="checkbox"]');

  const add = async (territory: string) => {
    await page.getByLabel('Nom du territoire').fill(territory);
    await page.getByRole('button', { name: 'Ajouter le tableau' }).click();
    await page.locator('.forum-links tr').filter({ hasText: territory }).waitFor();
  };

  /** « Tableau « … » ajouté… ». */
  const added = (): Locator => page.locator('.add-territory [role="status"]');

  it('ticks a territory added during the forum in the vote and the compilation, and leaves an unticked one unticked', async () => {
    for (const section of ['#forum-votes', '#forum-compilation']) {
      expect(await box(section, 'La Mitis').isChecked(), section).toBe(true);
      await box(section, 'La Mitis').uncheck();
    }
    await add('Haute-Gaspésie');
    for (const section of ['#forum-votes', '#forum-compilation']) {
      await box(section, 'Haute-Gaspésie').waitFor();
      expect(await box(section, 'Haute-Gaspésie').isChecked(), section).toBe(true);
      expect(await box(section, 'Kamouraska').isChecked(), section).toBe(true);
      expect(await box(section, 'La Mitis').isChecked(), section).toBe(false);
    }
    // The vote opened at once covers the new territory, not La Mitis.
    await page.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await page.locator('#forum-votes li.vote').waitFor();
    const row = (name: string) =>
      page.locator('.forum-links tr').filter({ hasText: name }).getAttribute('data-board-id');
    const voted = await page.evaluate(() =>
      [...document.querySelectorAll('#forum-votes li.vote')].map((li) =>
        li.getAttribute('data-vote-id'),
      ),
    );
    expect(voted).toHaveLength(1);
    const answer = (await (
      await fetch(`${server.url}/api/forums/${forum.forum.id}/votes/${voted[0]}`, {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      })
    ).json()) as { vote: { boardIds: string[] } };
    expect(answer.vote.boardIds).toContain(await row('Haute-Gaspésie'));
    expect(answer.vote.boardIds).toContain(await row('Kamouraska'));
    expect(answer.vote.boardIds).not.toContain(await row('La Mitis'));
  });

  it('« … ajouté » goes once the added board is renamed, and after another board action', async () => {
    await expect.poll(() => added().innerText()).toContain('Haute-Gaspésie');
    const row = page.locator('.forum-links tr').filter({ hasText: 'Haute-Gaspésie' });
    await row.getByRole('button', { name: 'Renommer' }).click();
    const field = page.getByLabel('Nouveau nom de « Haute-Gaspésie »');
    await field.fill('Côte-de-Gaspé');
    await field.press('Enter');
    await page.locator('.forum-links .board-name', { hasText: 'Côte-de-Gaspé' }).waitFor();
    await added().waitFor({ state: 'detached' });

    // Added again, then another board removed and brought back: no longer the latest news.
    await add('La Matanie');
    await expect.poll(() => added().innerText()).toContain('La Matanie');
    const basques = page.locator('.forum-links tr').filter({ hasText: 'Les Basques' });
    await basques.getByRole('button', { name: 'Retirer' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Retirer le tableau' }).click();
    await basques.waitFor({ state: 'detached' });
    await added().waitFor({ state: 'detached' });
    const removed = page.locator('.removed-boards li').filter({ hasText: 'Les Basques' });
    await removed.getByRole('button', { name: 'Remettre' }).click();
    await page.getByRole('status').filter({ hasText: 'remis dans le forum' }).waitFor();
    // The list is as it was when La Matanie was added: the message stays gone.
    expect(await added().count()).toBe(0);
  });

  it('keeps a territory unticked in « Les incontournables » when the saved list comes after', async () => {
    // A venue's wifi: the forum page is up, the saved list not yet; the facilitator unticks.
    const other = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1280, height: 800 },
    });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let asked!: () => void;
      const held = new Promise<void>((resolve) => (asked = resolve));
      await other.page.route('**/api/forums/*/compilation', async (route) => {
        if (route.request().method() !== 'GET') return route.continue();
        asked();
        await released;
        await route.continue();
      });
      await other.page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      await held;
      const kamouraska = other.page
        .locator('#forum-compilation .board-choice label')
        .filter({ hasText: /^Kamouraska$/u })
        .locator('input[type="checkbox"]');
      await kamouraska.uncheck();
      const answered = other.page.waitForResponse(
        (r) => r.request().method() === 'GET' && r.url().endsWith('/compilation'),
      );
      release();
      await answered;
      await other.page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      expect(await kamouraska.isChecked()).toBe(false);
    } finally {
      await other.context.close();
    }
  });
});

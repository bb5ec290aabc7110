// « Mettre la liste sur la plénière » (server C10), the facilitator's whole flow at the forum's
// scale: sixty postcards compiled into « Les incontournables », the list put on the plenary as
// sticky notes (the facilitator's words, merged ideas once, the idea set aside left out), put
// there again without duplicates, the dot vote proposed on the plenary, three participants
// voting from their own pages, « Résultats du vote » ranking the list's ideas, and the forum
// archive restoring the placed notes. Errors are said in plain French.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import { newParticipant } from '../support/browser';
import type { CartonServer } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  shapes,
  toScreen,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { openCompiledList, sixtyPostcards } from './forum-notes';
import { SHOTS } from '../support/server';

/** The seed's « Les incontournables », as the postcards wrote them (some in two ways). */
const IDEAS = [
  'Participation Citoyenne',
  'Accompagnement',
  'Budget pour des activités informelles dans le plaisir.',
  'Bon leadership',
  'Faire mieux connaître l’Alliance.',
  'Processus légers et clairs',
  'Compréhension commune des enjeux.',
  'Accepter que les choses peuvent prendre du temps.',
  'Rémunération pour les personnes citoyennes.',
  'Implication citoyenne',
  'participation citoyenne',
  'Plaisir!',
  'C’est quoi ça???',
];
const WORDS = 'Implication des personnes citoyennes touchées';

type Note = Extract<Shape, { type: 'note' }>;

async function plenaryFile(server: CartonServer, forum: CreatedForum): Promise<Shape[]> {
  const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
  const response = await fetch(`${server.url}/api/boards/${plenary.id}/export.json`, {
    headers: { Authorization: `Bearer ${forum.facilitator.token}` },
  });
  return ((await response.json()) as { shapes: Shape[] }).shapes;
}
const listNotes = (all: Shape[]) => {
  const area = all.find((s) => s.type === 'carton' && s.title === 'Les incontournables');
  return all
    .filter((s): s is Note => s.type === 'note' && area !== undefined && s.parentId === area.id)
    .sort((a, b) => a.y - b.y || a.x - b.x);
};

const suite = serverAndBrowser();

describe('the list on the plenary, voted on by the room', () => {
  let forum: CreatedForum;
  let page: Page;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] });
    // Sixty postcards of three notes each on the wall.
    await sixtyPostcards(suite.server, forum, (card, n) => IDEAS[(card * 3 + n) % IDEAS.length]!);
    // The facilitator's words for one idea (C8) and the question set aside (C7).
    const changed = await forumRequest(suite.server, forum, '/compilation', {
      method: 'PUT',
      body: {
        wordings: { 'implication citoyenne': WORDS },
        setAside: { 'c est quoi ca': true },
      },
    });
    expect(changed.status).toBe(200);
    page = await openCompiledList(suite.browser, suite.server, forum);
  }, 60_000);

  it('puts the list on the plenary in its order and words, once, and proposes the vote there', async () => {
    // Each idea's words, without « (papillons : … ») said under a reworded one.
    const shown = await page
      .locator('.compilation-item .item-text')
      .evaluateAll((spans) => spans.map((span) => span.firstChild?.textContent ?? ''));
    expect(shown).toContain(WORDS);
    expect(shown).not.toContain('C’est quoi ça???');
    expect(shown.filter((text) => /participation citoyenne/i.test(text))).toHaveLength(1);
    const before = await plenaryFile(suite.server, forum);

    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    const status = page.locator('.list-on-plenary-status');
    await status
      .getByText(`La liste est sur la plénière\u00a0: ${shown.length} idées ajoutées.`)
      .waitFor();

    const all = await plenaryFile(suite.server, forum);
    expect(listNotes(all).map((n) => n.text)).toEqual(shown);
    // What the plenary held is still there, and nothing of it is under the area.
    expect(all.length).toBe(before.length + 1 + shown.length);
    const area = all.find((s) => s.type === 'carton' && s.title === 'Les incontournables')!;
    for (const old of before) expect(old.x).toBeLessThan(area.x);

    // « Vote par points » now proposes the plenary alone, and says why.
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const votes = page.locator('#forum-votes');
    await votes
      .getByText('La liste «\u00a0Les incontournables\u00a0» est sur la plénière')
      .waitFor();
    expect(await votes.locator('input[type="checkbox"]:checked').count()).toBe(1);
    expect(await votes.getByRole('checkbox', { name: plenary.title }).isChecked()).toBe(true);

    // Again: nothing is added twice.
    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    await status.getByText('La liste sur la plénière était déjà à jour.').waitFor();
    expect(await plenaryFile(suite.server, forum)).toHaveLength(all.length);
    await page.screenshot({ path: join(SHOTS, 'list-placed.png'), fullPage: true });
  });

  it('three participants vote on the list from their pages; the results rank its ideas', async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await page.locator('.vote-title').fill('Nos incontournables');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await page.locator('.vote-list li.vote[data-state="open"]').waitFor({ timeout: 10_000 });

    // Each gives her 3 dots: Participation citoyenne gets 5, the reworded idea 3, Accompagnement 1.
    const ballots: Record<string, string[]> = {
      Amélie: ['Participation Citoyenne', 'Participation Citoyenne', WORDS],
      Bruno: ['Participation Citoyenne', 'Participation Citoyenne', WORDS],
      Chantal: ['Participation Citoyenne', WORDS, 'Accompagnement'],
    };
    for (const [name, ideas] of Object.entries(ballots)) {
      const { page: voter } = await newParticipant(suite.browser, name);
      await openBoard(voter, plenary.edit.url);
      await voter.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
      await voter.bringToFront();
      const notes = await shapes(voter);
      let left = 3;
      for (const idea of ideas) {
        const note = notes.find((s): s is Note => s.type === 'note' && s.text === idea);
        expect(note, idea).toBeDefined();
        const spot = await toScreen(voter, note!.x + note!.w / 2, note!.y + note!.h / 2);
        expect(spot.x).toBeGreaterThan(0);
        expect(spot.y).toBeGreaterThan(0);
        await voter.mouse.click(spot.x, spot.y);
        left--;
        const said =
          left === 0
            ? 'Vous avez placé tous vos points'
            : `Il vous reste ${left} point${left > 1 ? 's' : ''}`;
        await voter.getByText(said, { exact: true }).waitFor();
      }
      if (name === 'Chantal') {
        await voter.screenshot({ path: join(SHOTS, 'plenary-voted.png') });
      }
      await voter.context().close();
    }

    await page.bringToFront();
    await page.getByRole('button', { name: 'Fermer le vote' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fermer le vote' }).click();
    const results = page.locator('.vote-results li');
    await results.first().waitFor({ timeout: 10_000 });
    const lines = await results.evaluateAll((items) =>
      items.map((li) => [
        li.querySelector('.result-count')?.textContent,
        li.querySelector('.result-text')?.textContent,
      ]),
    );
    expect(lines).toEqual([
      ['5 points', 'Participation Citoyenne'],
      ['3 points', WORDS],
      ['1 point', 'Accompagnement'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'vote-results.png'), fullPage: true });
  });

  it('the forum archive restores the placed notes, and placing again there adds nothing', async () => {
    const zip = await fetch(`${suite.server.url}/api/forums/${forum.forum.id}/archive.zip`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(zip.status).toBe(200);
    const imported = await fetch(`${suite.server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(await zip.arrayBuffer()),
    });
    expect(imported.status).toBe(201);
    const restored = (await imported.json()) as CreatedForum;
    const original = listNotes(await plenaryFile(suite.server, forum));
    const copy = listNotes(await plenaryFile(suite.server, restored));
    expect(copy.map((n) => [n.id, n.text])).toEqual(original.map((n) => [n.id, n.text]));
    const again = await forumRequest(suite.server, restored, '/compilation/plenary', { body: {} });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ added: 0, removed: 0 });
    expect(listNotes(await plenaryFile(suite.server, restored))).toHaveLength(copy.length);
  });

  it('says in plain French why the list was not placed', async () => {
    const button = page.getByRole('button', { name: 'Mettre la liste sur la plénière' });
    const alert = page.locator('.list-on-plenary [role="alert"]');
    const path = '**/compilation/plenary';
    await page.route(path, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'board_full', message: 'no room' } }),
      }),
    );
    await button.click();
    await alert.getByText('La plénière est pleine\u00a0: la liste n’y a pas été mise').waitFor();
    await page.unroute(path);
    await page.route(path, (route) => route.abort('connectionrefused'));
    await button.click();
    await alert.getByText('Le serveur ne répond pas', { exact: false }).waitFor();
    await page.unroute(path);
    // The forum deleted from another computer meanwhile.
    await page.route(path, (route) =>
      route.fulfill({
        status: 410,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'forum_deleted', message: 'gone' } }),
      }),
    );
    await button.click();
    await alert.getByText('Ce forum a été supprimé du serveur', { exact: false }).waitFor();
    await page.unroute(path);
  });
});

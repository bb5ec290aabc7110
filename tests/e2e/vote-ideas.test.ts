// « Résultats du vote » by idea (server V1 `ideas`): the same idea written on several notes —
// postcards and territories — is one line with its dots added up, as « Les incontournables »
// rank it; ties share a place and the top 10 keeps every idea tied with its 10th; on a 1080 p
// projector the list is set as large as the slide holds it whole. Before, the slide ranked notes:
// « Participation citoyenne » written on four postcards came below an idea written once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, type CreatedForum } from './fixtures';
import { postcardWall, writeNotes } from './forum-notes';

/** Ideas written once each, one long enough to wrap on the projector (Témiscouata's carton). */
const ONCE = [
  'Bon leadership',
  'Conditions qui permettent de combler des besoins de façon permanente (pas de projets qui tombent)',
  'Souplesse administrative',
  'Processus légers et clairs',
  'Compréhension commune des enjeux',
  'Accepter que les choses peuvent prendre du temps',
  'Rémunération pour les personnes citoyennes',
  'Faire mieux connaître l’Alliance',
  'Budget pour des activités informelles dans le plaisir',
  'Financement à la mission',
  'Lutte aux préjugés',
  'Culture d’entraide et de collaboration',
  'Un bon leadership',
];

describe('vote results by idea on the projector', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let projector: Page;
  const api = async (path: string, token: string, body?: unknown) => {
    const response = await forumRequest(server, forum, path, { token, body: body ?? {} });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { vote: { id: string } };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const wall = postcardWall(forum);
    const kamouraska = forum.boards.find((b) => b.kind === 'territory')!;
    const postcards = await writeNotes(server, wall, [
      'Participation citoyenne',
      'Participation citoyenne !',
      'participation citoyenne',
      ...ONCE,
    ]);
    const carton = await writeNotes(server, kamouraska, ['Participation citoyenne.']);
    const { vote } = await api('/votes', forum.facilitator.token, {
      title: 'Nos incontournables',
      boardIds: [wall.id, kamouraska.id],
      dotsPerParticipant: 5,
    });
    // Participation citoyenne: 1 + 1 + 1 + 1 = 4 dots over four notes; Bon leadership 3 on one;
    // the other twelve 1 each, all tied at the 3rd place.
    const dots = [
      postcards[0]!,
      postcards[1]!,
      postcards[2]!,
      carton[0]!,
      ...[postcards[3]!, postcards[3]!, postcards[3]!],
      ...postcards.slice(4),
    ];
    for (const [n, note] of dots.entries()) {
      await api(`/votes/${vote.id}/dots`, note.token, {
        boardId: note.boardId,
        shapeId: note.shapeId,
        voterId: `voter-${Math.floor(n / 5)}-abcdefgh`,
      });
    }
    await api(`/votes/${vote.id}/close`, forum.facilitator.token);
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    projector = await context.newPage();
    await projector.goto(`${server.url}/p/${plenary.id}#token=${plenary.view.token}`);
    await projector.locator('main.projector[data-results]').waitFor({ timeout: 15_000 });
    await projector.keyboard.press('End');
    await projector.locator('.projector-results li').first().waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('ranks ideas, their dots added up over the notes that say them, ties at one place', async () => {
    const lines = projector.locator('.projector-results li');
    const first = lines.first();
    // Its words are its first note's, board after board: Kamouraska's carton comes first.
    expect(await first.locator('.result-text').textContent()).toBe('Participation citoyenne.');
    expect(await first.locator('.result-count').textContent()).toBe('4 points');
    expect(await first.locator('.result-territory').textContent()).toBe(
      'Kamouraska, Cartes postales',
    );
    expect(await lines.nth(1).locator('.result-text').textContent()).toBe('Bon leadership');
    // The other twelve share the 3rd place, and none is cut at the 10th line.
    expect(await lines.count()).toBe(14);
    const places = await lines.evaluateAll((items) =>
      items.map((li) => (li as HTMLLIElement).value),
    );
    expect(places).toEqual([1, 2, ...Array<number>(12).fill(3)]);
  });

  it('sets the list as large as the 1080 p slide holds it whole', async () => {
    const size = await projector
      .locator('.projector-results ol')
      .evaluate((ol) => parseFloat(getComputedStyle(ol).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    const slide = (await projector.locator('.projector-results').boundingBox())!;
    const last = (await projector.locator('.projector-results li').last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(slide.y + slide.height);
    await projector.screenshot({
      path: `${REPO_ROOT}test-results/screenshots/vote-ideas-projector.png`,
    });
  });
  it('follows a merge made once the slide is up, without reloading the projector', async () => {
    const merged = await fetch(`${server.url}/api/forums/${forum.forum.id}/compilation`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ merges: { 'un bon leadership': 'bon leadership' } }),
    });
    expect(merged.status).toBe(200);
    const second = projector.locator('.projector-results li').nth(1);
    await second.locator('.result-count', { hasText: '4 points' }).waitFor({ timeout: 10_000 });
    expect(await second.locator('.result-text').textContent()).toBe('Bon leadership');
    // Tied with « Participation citoyenne » now: both at the 1st place.
    expect(await second.evaluate((li) => (li as HTMLLIElement).value)).toBe(1);
    expect(await projector.locator('.projector-results li').count()).toBe(13);
  });
});

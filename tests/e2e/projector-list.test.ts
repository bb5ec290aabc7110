// « Les incontournables » on the projector (ListSlide): opened from the forum page's « Projeter la
// liste », the compiled list as the room reads it — the facilitator's words (C8), ideas set aside
// left out, ranked by the closed vote's dots by idea (C6), ties at one place — in pages, with no
// link and no token on the page. Before, showing the list meant projecting the forum page, whose
// top holds the facilitator link in large type. A merge on the forum page shows without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ideaKey } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, type CreatedForum } from './fixtures';
import { postcardWall, writeNotes } from './forum-notes';

const SHOTS = `${REPO_ROOT}test-results/screenshots`;

/** The seed's postcards (forum of 2023): the alliance's « incontournables », as written. */
const POSTCARDS = [
  'Participation Citoyenne',
  'Accompagnement',
  'Budget pour des activités informelles dans le plaisir.',
  'Bon leadership',
  'Faire mieux connaître l’Alliance.',
  'Processus légers et clairs',
  'Bonne communication: franche, claire, respectueuse, écoute, langage universel communautaire',
  'Compréhension commune des enjeux.',
  'Accepter que les choses peuvent prendre du temps.',
  'Remunération pour les personnes citoyennes.',
  'Implication citoyenne',
  'Plaisir!',
  'Culture entraide et collaboration.',
  'Un bon leadership',
  'Participation citoyenne !',
];
const CARTON = ['Participation citoyenne', 'C’est quoi ça???'];
const WORDING = 'Bonne communication : franche, claire, respectueuse, écoute, langage universel';

describe('« Les incontournables » on the projector', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let forumPage: Page;
  let projector: Page;
  const request = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await forumRequest(server, forum, path, { method, token, body: body ?? {} });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { vote: { id: string } };
  };
  const texts = (page: Page) =>
    page
      .locator('.projector-list li .result-text')
      .evaluateAll((spans) => spans.map((span) => span.textContent));
  const places = (page: Page) =>
    page
      .locator('.projector-list ol li')
      .evaluateAll((items) => items.map((li) => (li as HTMLLIElement).value));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const wall = postcardWall(forum);
    const kamouraska = forum.boards.find((b) => b.kind === 'territory')!;
    const postcards = await writeNotes(server, wall, POSTCARDS);
    const carton = await writeNotes(server, kamouraska, CARTON);
    const facilitator = forum.facilitator.token;
    // Compiled, reworded, the facilitator's question set aside.
    await request('PUT', '/compilation', facilitator, {
      boardIds: [kamouraska.id, wall.id],
      wordings: { [ideaKey(POSTCARDS[6]!)]: WORDING },
      setAside: { [ideaKey(CARTON[1]!)]: true },
    });
    const { vote } = await request('POST', '/votes', facilitator, {
      title: 'Nos incontournables',
      boardIds: [wall.id, kamouraska.id],
      dotsPerParticipant: 5,
    });
    // Bonne communication 4; Participation citoyenne 1 + 1 + 1 over three notes; Bon leadership
    // 2 and « Un bon leadership » 2 (merged later on the forum page: 4, tied first).
    const dots = [
      ...Array(4).fill(postcards[6]!),
      postcards[0]!,
      postcards[14]!,
      carton[0]!,
      postcards[3]!,
      postcards[3]!,
      postcards[13]!,
      postcards[13]!,
    ] as (typeof postcards)[number][];
    for (const [n, note] of dots.entries()) {
      await request('POST', `/votes/${vote.id}/dots`, note.token, {
        boardId: note.boardId,
        shapeId: note.shapeId,
        voterId: `voter-${Math.floor(n / 5)}-abcdefgh`,
      });
    }
    await request('POST', `/votes/${vote.id}/close`, facilitator);

    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    forumPage = await context.newPage();
    await forumPage.goto(`${server.url}/f/${forum.forum.id}#token=${facilitator}`);
    const project = forumPage.getByRole('link', { name: 'Projeter la liste' });
    await project.waitFor({ timeout: 15_000 });
    [projector] = await Promise.all([context.waitForEvent('page'), project.click()]);
    await projector.locator('.projector-list li').first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('opens on the list: the facilitator’s words, ranked by the vote, ties at one place', async () => {
    expect(await projector.locator('.projector-list h2').textContent()).toBe(
      'Les incontournables — page 1 sur 2',
    );
    expect(await projector.locator('.list-ranked-by').textContent()).toBe(
      'Classées selon le vote «\u00a0Nos incontournables\u00a0»',
    );
    const shown = await texts(projector);
    expect(shown).toHaveLength(10);
    expect(shown[0]).toBe(WORDING);
    expect(shown[1]).toMatch(/^Participation citoyenne$/i);
    expect(shown.slice(2, 4)).toEqual(['Bon leadership', 'Un bon leadership']);
    // The ideas without a dot take no place (they were 5, 5, 5…): « sans point », after.
    expect(await places(projector)).toEqual([1, 2, 3, 3]);
    expect(await projector.locator('.projector-list .list-undotted li').count()).toBe(6);
    const second = projector.locator('.projector-list li').nth(1);
    expect(await second.locator('.result-count').textContent()).toBe('3 points');
    expect(await second.locator('.result-territory').textContent()).toBe(
      '3 fois · Kamouraska, Cartes postales',
    );
    // Ideas the vote gave no dot: « sans point » says so, no « 0 point » badge.
    const undotted = projector.locator('.projector-list li').nth(4);
    expect(await undotted.locator('.result-count').count()).toBe(0);
    expect(await undotted.locator('.result-territory').textContent()).toMatch(/ · sans point$/);
    expect(await projector.locator('.list-after').textContent()).toBe(
      // Page 1 of 2: one page follows (« aux pages suivantes » said two or more).
      'Et 4 autres idées à la page suivante\u202f→',
    );
  });

  it('is as large as the 1080 p slide holds it, and the clicker turns the pages', async () => {
    const size = await projector
      .locator('.projector-list ol')
      .evaluate((ol) => parseFloat(getComputedStyle(ol).fontSize));
    // The lines without a place are set as large.
    expect(
      await projector
        .locator('.projector-list .list-undotted')
        .evaluate((ul) => parseFloat(getComputedStyle(ul).fontSize)),
    ).toBe(size);
    expect(size).toBeGreaterThanOrEqual(36);
    const slide = (await projector.locator('.projector-list').boundingBox())!;
    const last = (await projector.locator('.projector-list li').last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(slide.y + slide.height);
    await projector.screenshot({ path: `${SHOTS}/list-page1-1080p.png` });
    await projector.keyboard.press('PageDown');
    await projector.locator('.projector-list[data-page="1"]').waitFor();
    expect(await texts(projector)).toHaveLength(4);
    expect(await projector.locator('.list-after').count()).toBe(0);
    await projector.keyboard.press('i');
    await projector.locator('.projector-list[data-page="0"]').waitFor();
  });

  it('shows no link or token, and leaves the set-aside question out', async () => {
    await projector.keyboard.press('End');
    await projector.locator('.projector-list[data-page="1"]').waitFor();
    const page2 = await projector.content();
    await projector.keyboard.press('i');
    await projector.locator('.projector-list[data-page="0"]').waitFor();
    const page1 = await projector.content();
    const tokens = [
      forum.facilitator.token,
      ...forum.boards.flatMap((b) => [b.edit.token, b.view.token]),
    ];
    for (const html of [page1, page2]) {
      for (const token of tokens) expect(html).not.toContain(token);
      expect(html).not.toContain('quoi ça');
    }
    const visible = await projector.evaluate(() => document.body.innerText);
    expect(visible).not.toMatch(/token|https?:|\/f\/|\/b\//);
    expect(await projector.locator('a[href], input').count()).toBe(0);
    // The address bar, seen on a window not full screen: the board's path alone.
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    expect(projector.url()).toBe(`${server.url}/p/${plenary.id}`);
  });

  it('keeps its link through a reload of the tab, still out of the address bar', async () => {
    await projector.reload();
    await projector.locator('main.projector[data-list]').waitFor({ timeout: 15_000 });
    await projector.keyboard.press('i');
    await projector.locator('.projector-list[data-page="0"]').waitFor();
    expect(projector.url()).not.toContain('#');
  });

  it('« Vote par points » says when the list holds postcard ideas its vote leaves out', async () => {
    const votes = forumPage.locator('#forum-votes');
    const hint = votes.locator('.vote-postcards-left-out');
    // The territories only, by default: the wall would show no vote and take no dot.
    await hint.waitFor();
    expect(await hint.textContent()).toBe(
      'Les incontournables comptent des idées des «\u00a0Cartes postales\u00a0», que ce vote ne ' +
        'couvre pas\u00a0: leur mur n’affichera pas le vote et personne ne pourra y mettre de ' +
        'points. Cochez «\u00a0Cartes postales\u00a0» pour voter aussi sur ces idées.',
    );
    const wall = votes.getByRole('checkbox', { name: 'Cartes postales' });
    await votes.screenshot({ path: `${SHOTS}/projector-list-vote-hint.png` });
    await wall.check();
    await hint.waitFor({ state: 'detached' });
    await wall.uncheck();
    await hint.waitFor();
  });

  it('follows a merge made on the forum page, without reloading the projector', async () => {
    await forumPage
      .getByLabel('Fusionner «\u00a0Un bon leadership\u00a0» avec…')
      .selectOption(ideaKey('Bon leadership'));
    await projector
      .locator('.projector-list li', { hasText: 'Bon leadership' })
      .locator('.result-count', { hasText: '4 points' })
      .waitFor({ timeout: 10_000 });
    const shown = await texts(projector);
    // Tied first with the reworded idea; more notes say it, so the list puts it first.
    expect(shown.slice(0, 3)).toEqual(['Bon leadership', WORDING, shown[2]]);
    expect(shown).not.toContain('Un bon leadership');
    expect((await places(projector)).slice(0, 3)).toEqual([1, 1, 3]);
    expect(await projector.locator('main.projector').getAttribute('data-list')).toBe('13');
    await projector.screenshot({ path: `${SHOTS}/list-after-merge-1080p.png` });
  });
});

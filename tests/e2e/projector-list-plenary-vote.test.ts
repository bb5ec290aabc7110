// « Projeter la liste » after the room voted on the list placed on the plenary (server C10):
// the projector's list slide is placed by that vote — the dots on each placed note counted for
// the idea it was placed for, a reworded idea's (C8) included, with one dot given on an
// original note in the same vote — and the ideas the vote gave no dot take no place (« sans
// point »), as the Markdown since fe7a6cc, rather than all sharing the last one (5, 5, 5…).
// The forum page's « Les incontournables », open as the vote closes, take the same places.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ideaKey, type Shape } from '@carton/board';
import { createForum, forumRequest, type CreatedForum, serverAndBrowser } from './fixtures';
import { writeNotes } from './forum-notes';
import { SHOTS } from '../support/server';

const IDEAS = [
  'participation citoyenne',
  'Participation citoyenne',
  'Participation citoyenne',
  'Transport collectif',
  'Bon leadership',
  'Plaisir',
  'Accompagnement',
  'Écoute',
];
const WORDING = 'Un transport collectif pour tous';

const suite = serverAndBrowser();

describe('« Les incontournables » projected after the vote on the plenary’s list', () => {
  let forum: CreatedForum;
  let projector: Page;
  let forumPage: Page;
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await forumRequest(suite.server, forum, path, { method, body: body ?? {} });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { vote: { id: string } };
  };

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = forum.boards.find((b) => b.kind === 'territory')!;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const notes = await writeNotes(suite.server, kamouraska, IDEAS);
    await request('PUT', '/compilation', {
      boardIds: [kamouraska.id],
      wordings: { [ideaKey('Transport collectif')]: WORDING },
    });
    await request('POST', '/compilation/plenary', {});
    const file = (await (
      await fetch(`${suite.server.url}/api/boards/${plenary.id}/export.json`, {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      })
    ).json()) as { shapes: Shape[] };
    const placed = (text: string) =>
      file.shapes.find((s) => s.type === 'note' && s.text === text && s.id.includes('incontour'))!
        .id;
    const { vote } = await request('POST', '/votes', {
      title: 'Les incontournables',
      boardIds: [plenary.id, kamouraska.id],
      dotsPerParticipant: 5,
    });
    // The reworded idea 3 dots on its placed note; Participation citoyenne 1 there and 1 on a
    // Kamouraska note (2); Bon leadership 2 (tied with it); the 4 others none.
    const dots: [string, string][] = [
      [plenary.id, placed(WORDING)],
      [plenary.id, placed(WORDING)],
      [plenary.id, placed(WORDING)],
      [plenary.id, placed('Participation citoyenne')],
      [kamouraska.id, notes[0]!.shapeId],
      [plenary.id, placed('Bon leadership')],
      [plenary.id, placed('Bon leadership')],
    ];
    for (const [n, [boardId, shapeId]] of dots.entries()) {
      await request('POST', `/votes/${vote.id}/dots`, {
        boardId,
        shapeId,
        voterId: `voter-${Math.floor(n / 4)}-abcdefgh`,
      });
    }
    const context = await suite.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    forumPage = await context.newPage();
    await forumPage.goto(
      `${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    // The forum page's list, read while the vote is open: in its own order, without dots.
    await forumPage.locator('.compilation-item').first().waitFor({ timeout: 15_000 });
    expect(await forumPage.locator('.compilation-item .item-votes').count()).toBe(0);
    await request('POST', `/votes/${vote.id}/close`);
    const project = forumPage.getByRole('link', { name: 'Projeter la liste' });
    await project.waitFor({ timeout: 15_000 });
    [projector] = await Promise.all([context.waitForEvent('page'), project.click()]);
    await projector.locator('.projector-list li').first().waitFor({ timeout: 15_000 });
  });

  it('places « Les incontournables » on the forum page as the vote closes, without a reload', async () => {
    const items = forumPage.locator('.compilation-item');
    await items
      .first()
      .locator('.item-votes', { hasText: '3 points' })
      .waitFor({ timeout: 10_000 });
    expect(
      await items.evaluateAll((lis) =>
        lis.map((li) => [
          li.querySelector('.item-text')?.firstChild?.textContent,
          li.querySelector('.item-votes')?.textContent ?? null,
        ]),
      ),
    ).toEqual([
      [WORDING, '3 points'],
      ['Participation citoyenne', '2 points'],
      ['Bon leadership', '2 points'],
      ['Plaisir', null],
      ['Accompagnement', null],
      ['Écoute', null],
    ]);
  });

  it('numbers only the ideas the vote placed on the forum page; the others say « sans point »', async () => {
    await forumPage
      .locator('.compilation-item .item-votes', { hasText: '3 points' })
      .waitFor({ timeout: 10_000 });
    // The number each idea's list gives it (its value, else its rank in an <ol>; none in a <ul>).
    const numbered = await forumPage.locator('.compilation-item').evaluateAll((lis) =>
      lis.map((li) => {
        const list = li.parentElement!;
        const place =
          list.tagName === 'OL'
            ? (li as HTMLLIElement).value || [...list.children].indexOf(li) + 1
            : null;
        return [
          li.querySelector('.item-text')?.firstChild?.textContent,
          place,
          getComputedStyle(li).listStyleType !== 'none' && list.tagName === 'OL',
          li.querySelector('.item-no-dot')?.textContent ?? null,
        ];
      }),
    );
    expect(numbered).toEqual([
      [WORDING, 1, true, null],
      ['Participation citoyenne', 2, true, null],
      ['Bon leadership', 2, true, null],
      ['Plaisir', null, false, 'sans point'],
      ['Accompagnement', null, false, 'sans point'],
      ['Écoute', null, false, 'sans point'],
    ]);
    await forumPage
      .locator('.compilation-list')
      .last()
      .evaluate((list) => list.parentElement!.scrollIntoView());
    await forumPage.screenshot({ path: join(SHOTS, 'forum-list-placed.png') });
  });

  it('shows each placed idea its place, ties alike, and says « 2e place » to a screen reader', async () => {
    // The cards are flex boxes: an <ol>'s number is not drawn, so the place is a badge of its own.
    const cards = await forumPage.locator('.compilation-item').evaluateAll((lis) =>
      lis.map((li) => {
        const badge = li.querySelector<HTMLElement>('.item-place [aria-hidden="true"]');
        const box = li.querySelector('.item-place')?.getBoundingClientRect();
        const words = li.querySelector('.item-text')!.getBoundingClientRect();
        return [
          badge?.textContent ?? null,
          // Drawn, before the idea's words.
          box ? box.width > 8 && box.height > 8 && box.right <= words.left : null,
          li.querySelector('.item-place .visually-hidden')?.textContent ?? null,
        ];
      }),
    );
    expect(cards).toEqual([
      ['1', true, '1re place'],
      ['2', true, '2e place'],
      ['2', true, '2e place'],
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    // What Chromium gives a screen reader: each place's words.
    const cdp = await forumPage.context().newCDPSession(forumPage);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value: string };
        name?: { value: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    const texts = nodes
      .filter((n) => n.role?.value === 'StaticText')
      .map((n) => n.name?.value ?? '');
    expect(texts.filter((text) => /place$/.test(text))).toEqual([
      '1re place',
      '2e place',
      '2e place',
    ]);
    await cdp.detach();
    // Its position in the list, as a screen reader says it (« 2 sur 3 » for both ties, not
    // « 3 sur 3 »; CDP's accessibility tree does not give it, so read from the attributes).
    const positions = await forumPage
      .locator('.compilation-item')
      .evaluateAll((lis) =>
        lis.map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')]),
      );
    expect(positions).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['2', '3'],
      [null, null],
      [null, null],
      [null, null],
    ]);
    await forumPage.screenshot({ path: join(SHOTS, 'forum-list-place-badges.png') });
  });

  it('ranks the list by the plenary’s vote; ideas without a dot take no place', async () => {
    expect(await projector.locator('.list-ranked-by').textContent()).toBe(
      'Classées selon le vote «\u00a0Les incontournables\u00a0»',
    );
    const ranked = projector.locator('.projector-list ol li');
    expect(
      await ranked.evaluateAll((items) =>
        items.map((li) => [
          (li as HTMLLIElement).value,
          li.querySelector('.result-text')?.textContent,
          li.querySelector('.result-count')?.textContent,
        ]),
      ),
    ).toEqual([
      [1, WORDING, '3 points'],
      // Most of its notes are capitalized: not the first note's lowercase.
      [2, 'Participation citoyenne', '2 points'],
      [2, 'Bon leadership', '2 points'],
    ]);
    const undotted = projector.locator('.projector-list .list-undotted li');
    expect(
      await undotted.evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('.result-text')?.textContent,
          li.querySelector('.result-count') === null,
          li.querySelector('.result-territory')?.textContent,
        ]),
      ),
    ).toEqual([
      ['Plaisir', true, '1 fois · Kamouraska · sans point'],
      ['Accompagnement', true, '1 fois · Kamouraska · sans point'],
      ['Écoute', true, '1 fois · Kamouraska · sans point'],
    ]);
    // Not numbered: no « 4. » read for each of them.
    expect(await undotted.first().evaluate((li) => getComputedStyle(li).listStyleType)).toBe(
      'none',
    );
    const slide = (await projector.locator('.projector-list').boundingBox())!;
    const last = (await undotted.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(slide.y + slide.height);
    await projector.screenshot({ path: join(SHOTS, 'list-after-plenary-vote-1080p.png') });
  });
});

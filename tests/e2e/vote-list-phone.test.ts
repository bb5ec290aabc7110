// « Voter en liste »: a dot vote on the postcard wall from three phones. Fitted to a 390 px screen
// the wall's 180 notes are ~10 px wide — a dot can be placed, an idea cannot be read. The list
// shows each note's words in readable type, in the board's reading order, with a button per note
// named by its idea. Three participants vote there (a finger, an English phone, a keyboard); the
// canvas's dots, the list's and the facilitator's results agree, and once the facilitator closes
// the vote the list says so and refuses.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { localOrigin } from '@carton/board';
import type { AxeResults } from 'axe-core';
import type { Page, Browser } from 'playwright-core';
import { newParticipant } from '../support/browser';
import {
  createForum,
  openBoard,
  PHONE,
  shapes,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { postcardWall, seedClientOn, votedWallOnPhone } from './forum-notes';
import { SHOTS } from '../support/server';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LONG_NOTE =
  'Mise en place d’un comité de travail et de réflexion sur la prochaine Alliance pour la solidarité au Bas-Saint-Laurent';
const q = (text: string) => `«\u00a0${text}\u00a0»`;

/** A phone on the wall, in `locale`, whose page lets axe's script run. */
async function phoneOnWall(
  browser: Browser,
  forum: CreatedForum,
  name: string,
  locale: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    locale,
    bypassCSP: true,
  });
  await context.addInitScript((n) => {
    try {
      localStorage.setItem('carton.name', n);
    } catch {
      // about:blank has no storage.
    }
  }, name);
  const page = await context.newPage();
  await openBoard(page, postcardWall(forum).edit.url);
  return page;
}

/** The list's notes: shape id, words, my dots, everyone's ('' while the vote hides them). */
function listed(page: Page) {
  return page.locator('.vote-list-note').evaluateAll((items) =>
    items.map((li) => {
      const el = li as HTMLElement;
      return {
        id: el.dataset['shapeId']!,
        text: el.querySelector('.vote-list-words')!.textContent!,
        mine: Number(el.dataset['mine']),
        total: el.dataset['total'] ?? '',
      };
    }),
  );
}

/** The dots left, as the list's live line says them once the server answered. */
async function remaining(page: Page, count: number): Promise<void> {
  await page.locator(`.vote-list-status[data-remaining="${count}"]`).waitFor({ timeout: 5_000 });
}

const suite = serverAndBrowser();

describe('a dot vote from a list, on three phones', () => {
  let forum: CreatedForum;
  let helene: Page;
  let pierre: Page;
  let emilie: Page;
  /** The wall's notes by id: their words. */
  let words: Map<string, string>;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    // Under the wall, a long note from the 2023 forum: last in the list, wrapped there.
    const { board, close } = await seedClientOn(suite.server, postcardWall(forum));
    board.run((tx) => {
      tx.create('note', { x: 40, y: 9500, w: 190, h: 190, text: LONG_NOTE });
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    close();
    helene = await votedWallOnPhone(suite.browser, suite.server, forum);
    pierre = await phoneOnWall(suite.browser, forum, 'Pierre', 'fr-CA');
    emilie = await phoneOnWall(suite.browser, forum, 'Emily', 'en');
    words = new Map(
      (await shapes(helene)).flatMap((s) => (s.type === 'note' ? [[s.id, s.text]] : [])),
    );
  });

  it('offers the list on a phone, in readable type and the board’s reading order', async () => {
    const offer = helene.getByRole('button', { name: 'Voter en liste', exact: true });
    // A finger target on the row of « Revenir aux outils », the rest of that row wide: the banner
    // stays a line or two over the wall (a bar of its own made it 156 px at 320 × 568).
    const bar = (await offer.boundingBox())!;
    const toggle = (await helene
      .getByRole('button', { name: 'Revenir aux outils' })
      .boundingBox())!;
    expect(bar.height).toBeGreaterThanOrEqual(44);
    expect(bar.width).toBeGreaterThan(PHONE.width * 0.4);
    expect(Math.abs(bar.y - toggle.y)).toBeLessThan(1);
    expect((await helene.locator('.vote-banner').boundingBox())!.height).toBeLessThanOrEqual(112);
    await helene.screenshot({ path: join(SHOTS, 'phone-wall-offer.png') });
    await offer.tap();
    const dialog = helene.getByRole('dialog', { name: 'Nos incontournables' });
    await dialog.waitFor();
    // The title has the focus: a screen reader starts at the vote's question.
    expect(await helene.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await remaining(helene, 5);

    const notes = await listed(helene);
    // Every note of the wall, in rows top to bottom, each left to right (« Contenu »'s order).
    const wall = (await shapes(helene))
      .filter((s) => s.type === 'note')
      .sort((a, b) => a.y - b.y || a.x - b.x);
    expect(notes.map((n) => n.id)).toEqual(wall.map((n) => n.id));
    const size = await helene
      .locator('.vote-list-words')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    // The long note reads whole, wrapped on three lines or more, none running off the phone.
    expect(notes.at(-1)!.text).toBe(LONG_NOTE);
    const long = await helene
      .locator('.vote-list-words')
      .last()
      .evaluate((el) => ({
        lines: el.clientHeight / parseFloat(getComputedStyle(el).lineHeight),
        fits: el.scrollWidth <= el.clientWidth,
      }));
    expect(long.lines).toBeGreaterThanOrEqual(3);
    expect(long.fits).toBe(true);
    // While the vote is open nobody's total shows, as on the canvas.
    expect(notes.every((n) => n.total === '')).toBe(true);
    await helene.screenshot({ path: join(SHOTS, 'phone-list-open.png') });
  });

  it('three participants vote from the list; the canvas shows the same dots', async () => {
    // Hélène, a finger: two dots on the first idea, one on the sixth, then one back.
    const row = (page: Page, n: number) => page.locator('.vote-list-note').nth(n);
    const give = (page: Page, n: number, name = 'Donner un point à') =>
      row(page, n).getByRole('button', { name });
    await give(helene, 0, `Donner un point à ${q('Participation citoyenne')}`).tap();
    await remaining(helene, 4);
    await give(helene, 0).tap();
    await remaining(helene, 3);
    await give(helene, 5).tap();
    await remaining(helene, 2);
    await row(helene, 0)
      .getByRole('button', { name: `Retirer un point de ${q('Participation citoyenne')}` })
      .tap();
    await remaining(helene, 3);
    expect((await listed(helene)).slice(0, 6).map((n) => n.mine)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(await row(helene, 0).locator('.vote-list-mine').textContent()).toContain('Votre point');

    // Pierre, a finger: three dots on three ideas of the second row of postcards.
    await pierre.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
    await remaining(pierre, 5);
    for (const [n, left] of [
      [18, 4],
      [19, 3],
      [0, 2],
    ] as const) {
      await give(pierre, n).tap();
      await remaining(pierre, left);
    }

    // Emily, in English, with the keyboard alone: Tab to a note's button, then Enter.
    await emilie.getByRole('button', { name: 'Vote from a list', exact: true }).focus();
    await emilie.keyboard.press('Enter');
    await remaining(emilie, 5);
    await emilie.keyboard.press('Tab'); // « Back to the board »
    await emilie.keyboard.press('Tab'); // the first note's « Take a dot back »
    await emilie.keyboard.press('Tab'); // its « Give a dot »
    expect(await emilie.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Give a dot to “Participation citoyenne”',
    );
    await emilie.keyboard.press('Enter');
    await remaining(emilie, 4);
    await emilie.keyboard.press('Enter');
    await remaining(emilie, 3);
    expect(await emilie.locator('.vote-list-status').textContent()).toBe('You have 3 dots left');
    expect(await row(emilie, 0).locator('.vote-list-mine').textContent()).toContain('Your 2 dots');
    // The list, the whole page even, has nothing for axe-core to say.
    await emilie.addScriptTag({ path: AXE_SOURCE });
    const violations = await emilie.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: string) => Promise<AxeResults> };
      };
      return (await axe.run('.vote-list-panel')).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await emilie.screenshot({ path: join(SHOTS, 'phone-list-english.png') });

    // Back on the board, Hélène's dots are the list's: drawn on the same two notes.
    await helene.getByRole('button', { name: 'Revenir au tableau' }).tap();
    await helene.getByRole('button', { name: 'Voter en liste', exact: true }).waitFor();
    const first = (await listedIds(helene))[0]!;
    expect(await helene.evaluate(() => document.activeElement?.textContent)).toBe('Voter en liste');
    const canvas = await helene
      .locator('.vote-dot.mine')
      .evaluateAll((dots) =>
        dots.map((d) => [
          (d as HTMLElement).dataset['shapeId'],
          (d as HTMLElement).dataset['count'],
        ]),
      );
    expect(canvas.length).toBe(2);
    expect(canvas).toContainEqual([first, '1']);
    await helene.getByText('Il vous reste 3 points').waitFor();
  });

  it('on a laptop the banner offers the list too; Escape goes back to the board', async () => {
    const { page: laptop } = await newParticipant(suite.browser, 'Lucie', {
      viewport: { width: 1366, height: 768 },
    });
    await openBoard(laptop, postcardWall(forum).edit.url);
    const offer = laptop.getByRole('button', { name: 'Voter en liste', exact: true });
    await offer.waitFor({ timeout: 10_000 });
    await laptop.screenshot({ path: join(SHOTS, 'laptop-banner.png') });
    await offer.click();
    await laptop.getByRole('dialog', { name: 'Nos incontournables' }).waitFor();
    await remaining(laptop, 5);
    await laptop.screenshot({ path: join(SHOTS, 'laptop-list.png') });
    await laptop.keyboard.press('Escape');
    await laptop.locator('.vote-list-panel').waitFor({ state: 'detached' });
    expect(await laptop.evaluate(() => document.activeElement?.textContent)).toBe('Voter en liste');
    await laptop.context().close();
  });

  it('a dot lost on a bad wifi is said, and not counted', async () => {
    await pierre.context().setOffline(true);
    await pierre
      .locator('.vote-list-note')
      .nth(30)
      .getByRole('button', { name: /^Donner/u })
      .tap();
    const alert = pierre.locator('.vote-list-alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('Le serveur ne répond pas.');
    expect(await pierre.locator('.vote-list-status').getAttribute('data-remaining')).toBe('2');
    expect(await pierre.locator('.vote-list-note').nth(30).getAttribute('data-mine')).toBe('0');
    await pierre.screenshot({ path: join(SHOTS, 'phone-list-offline.png') });
    await pierre.context().setOffline(false);
  });

  it('closed by the facilitator: the list says so, refuses, and agrees with the results', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
    });
    const facilitator = await context.newPage();
    await facilitator.goto(
      `${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    const vote = facilitator.locator('.vote-list li.vote', { hasText: 'Nos incontournables' });
    await vote.getByText('ouvert, 7 points placés').waitFor({ timeout: 10_000 });
    await vote.getByRole('button', { name: 'Fermer le vote' }).click();
    await facilitator
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Fermer le vote' })
      .click();
    await vote.locator('.vote-results li').first().waitFor({ timeout: 10_000 });
    const results = await vote
      .locator('.vote-results li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('.result-text')!.textContent!,
          li.querySelector('.result-count')!.textContent!,
        ]),
      );

    // Pierre's list, still open, says the vote is over and shows every note's total.
    const status = pierre.locator('.vote-list-status');
    await pierre.locator('.vote-list-panel[data-state="closed"]').waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toBe(
      'Ce vote est terminé\u00a0: les points ne changent plus.',
    );
    const give = pierre
      .locator('.vote-list-note')
      .nth(40)
      .getByRole('button', { name: /^Donner/u });
    expect(await give.getAttribute('aria-disabled')).toBe('true');
    // Pressed anyway (aria-disabled keeps it focusable), it says why.
    await give.tap({ force: true });
    await pierre.locator('.vote-list-alert').waitFor();
    expect(await pierre.locator('.vote-list-alert').textContent()).toBe(
      'Ce vote vient d’être fermé\u00a0: les points ne peuvent plus changer.',
    );
    expect(await pierre.locator('.vote-list-note').nth(40).getAttribute('data-mine')).toBe('0');
    await pierre.screenshot({ path: join(SHOTS, 'phone-list-closed.png') });

    // The list's totals by idea are the facilitator's results...
    const byIdea = new Map<string, number>();
    for (const note of await listed(pierre)) {
      if (Number(note.total) > 0)
        byIdea.set(note.text, (byIdea.get(note.text) ?? 0) + Number(note.total));
    }
    const said = (n: number) => `${n} point${n > 1 ? 's' : ''}`;
    expect(results.sort()).toEqual([...byIdea].map(([text, n]) => [text, said(n)]).sort());
    expect([...byIdea.values()].reduce((a, b) => a + b, 0)).toBe(7);
    // ... and so are the canvas's badges, once back on the board.
    await pierre.getByRole('button', { name: 'Revenir au tableau' }).tap();
    const badges = await pierre
      .locator('.vote-dot.count')
      .evaluateAll((dots) =>
        dots.map(
          (d) =>
            [
              (d as HTMLElement).dataset['shapeId']!,
              Number((d as HTMLElement).dataset['count']),
            ] as const,
        ),
      );
    const onCanvas = new Map<string, number>();
    for (const [id, count] of badges) {
      const text = words.get(id)!;
      onCanvas.set(text, (onCanvas.get(text) ?? 0) + count);
    }
    expect(onCanvas).toEqual(byIdea);
    await context.close();
  });

  it('reads at 200 % text without a line running off the phone', async () => {
    await emilie.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const panel = emilie.locator('.vote-list-panel');
    const fits = await panel.evaluate((el) => {
      const body = el.querySelector('.vote-list-body')!;
      return el.scrollWidth <= el.clientWidth && body.scrollWidth <= body.clientWidth;
    });
    expect(fits).toBe(true);
    const size = await emilie
      .locator('.vote-list-words')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await emilie.screenshot({ path: join(SHOTS, 'phone-list-200-percent.png') });
  });
});

/** The list's shape ids, read before it closed (the board's reading order). */
async function listedIds(page: Page): Promise<string[]> {
  const wall = (await shapes(page))
    .filter((s) => s.type === 'note')
    .sort((a, b) => a.y - b.y || a.x - b.x);
  return wall.map((n) => n.id);
}

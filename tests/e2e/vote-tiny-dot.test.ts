// A dot vote on the postcard wall seen whole on a phone, by a participant with a screen reader and
// a keyboard: under a badge's size a note's own dot is drawn, not a button (244eabc), and it read
// as a bare « 1 » with no name. It now says whose dots and on which idea; Tab chooses the note,
// Enter places a dot, Delete takes it back, and each is said.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, shapes, type CreatedForum } from './fixtures';
import { votedWallOnPhone, WALL_IDEAS } from './forum-notes';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('my dot on a note smaller than its badge, from the keyboard', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let phone: Page;
  const announced = () => phone.locator('[data-testid="announcer"]').innerText();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    phone = await votedWallOnPhone(browser, server, forum);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('names my dot by its idea, and Delete takes it back', async () => {
    await phone.locator('.editor .canvas').focus();
    // On the board the arrows choose the first note (Tab then goes through them).
    await phone.keyboard.press('ArrowRight');
    const [id] = await phone.evaluate(() => window.__carton!.selection());
    const note = (await shapes(phone)).find((s) => s.id === id);
    const text = note?.type === 'note' ? note.text : '';
    expect(WALL_IDEAS).toContain(text);
    const said = (words: string) =>
      phone.locator('[data-testid="announcer"]', { hasText: words }).waitFor({ timeout: 5_000 });
    expect(await announced()).toBe(
      `Papillon adhésif jaune «\u00a0${text}\u00a0», aucun point, 1 sur 180`,
    );
    await phone.keyboard.press('Enter');
    await phone.getByText('Il vous reste 4 points').waitFor({ timeout: 5_000 });
    await phone.keyboard.press('Enter');
    await phone.getByText('Il vous reste 3 points').waitFor({ timeout: 5_000 });
    await said('2 points, dont 2 à vous');
    const dot = phone.locator(`.vote-dot.mine[data-shape-id="${id}"]`);
    expect(await dot.evaluate((d) => d.tagName)).toBe('SPAN');
    const named = phone.getByRole('img', { name: `Vos 2 points sur «\u00a0${text}\u00a0»` });
    expect(await named.count()).toBe(1);
    // axe-core, every impact, on the dot (evaluated: the page's CSP refuses a script tag).
    await phone.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
    const violations = await phone.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: string) => Promise<AxeResults> };
      };
      return (await axe.run('.vote-dot.mine')).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await phone.keyboard.press('Delete');
    await phone.getByText('Il vous reste 4 points').waitFor({ timeout: 5_000 });
    expect(
      await phone.getByRole('img', { name: `Votre point sur «\u00a0${text}\u00a0»` }).count(),
    ).toBe(1);
    expect(await phone.locator('[role="status"].vote-remaining').innerText()).toBe(
      'Il vous reste 4 points',
    );
    // The note, still chosen, says it too.
    await said('1 point, dont 1 à vous');
    await phone.keyboard.press('Delete');
    await phone.getByText('Il vous reste 5 points').waitFor({ timeout: 5_000 });
    expect(await dot.count()).toBe(0);
    await said('aucun point');
    // The note is still there: Delete took the dot back, not the note.
    expect((await shapes(phone)).some((s) => s.id === id)).toBe(true);
  });
});

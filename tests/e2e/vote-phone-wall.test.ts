// A dot vote on the postcard wall from a phone: sixty postcards fitted to a 390 px screen draw
// each note ~10 px wide, and my dot's badge (28 px, 44 to a finger) lay over the next notes. A
// tap on the next idea hit the badge and took my dot back instead of placing one: three phones
// of a forum day placed one dot each out of three taps. Under a badge's size a note's own dot is
// drawn, not pressed, and the tap reaches the note under it. Two quick taps give a note two dots
// and no longer open it for writing as well (the browser's double click).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, shapes, toScreen, type CreatedForum } from './fixtures';
import { votedWallOnPhone } from './forum-notes';

describe('dots on a postcard wall seen whole on a phone', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let phone: Page;

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

  it('a tap on the note next to my dot places a dot there, and keeps mine', async () => {
    const notes = (await shapes(phone))
      .filter((s) => s.type === 'note')
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const [first, second] = notes;
    const centre = (n: (typeof notes)[number]) => toScreen(phone, n.x + n.w / 2, n.y + n.h / 2);
    const a = await centre(first!);
    const b = await centre(second!);
    // The wall is seen whole: its notes are smaller than a dot's badge.
    expect(b.x - a.x).toBeLessThan(28);
    await phone.touchscreen.tap(a.x, a.y);
    await phone.getByText('Il vous reste 4 points').waitFor();
    await phone.touchscreen.tap(b.x, b.y);
    await phone.getByText('Il vous reste 3 points').waitFor({ timeout: 5_000 });
    const mine = await phone
      .locator('.vote-dot.mine')
      .evaluateAll((dots) => dots.map((d) => (d as HTMLElement).dataset['shapeId']).sort());
    expect(mine).toEqual([first!.id, second!.id].sort());
  });
  it('two quick taps give a note two dots, and do not open it for writing', async () => {
    const notes = (await shapes(phone)).filter((s) => s.type === 'note');
    const note = notes.sort((a, b) => a.y - b.y || a.x - b.x)[5]!;
    const at = await toScreen(phone, note.x + note.w / 2, note.y + note.h / 2);
    const zoom = (await phone.evaluate(() => window.__carton!.camera())).zoom;
    await phone.touchscreen.tap(at.x, at.y);
    await phone.touchscreen.tap(at.x, at.y);
    await phone.getByText('Il vous reste 1 point', { exact: true }).waitFor({ timeout: 5_000 });
    const dot = phone.locator(`.vote-dot.mine[data-shape-id="${note.id}"]`);
    expect(await dot.textContent()).toBe('2');
    expect(await phone.locator('textarea.text-editor').count()).toBe(0);
    expect((await phone.evaluate(() => window.__carton!.camera())).zoom).toBe(zoom);
  });
});

// « Les incontournables » on the projector set their type to fit the slide (fitList.ts): the type
// set at its largest, then shrunk while the slide overflows, each step a forced layout. It ran at
// every render of the projector, so at each dot placed during an open vote (the forum room
// changed) while the list's page was the same. It now runs when the page's ideas or the window
// change. The probe counts the fit's reads of the slide's scrollHeight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ideaKey } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, type CreatedForum } from './fixtures';
import { postcardWall, writeNotes, type WrittenNote } from './forum-notes';

const POSTCARDS = ['Participation citoyenne', 'Accompagnement', 'Plaisir !', 'Bon leadership'];

declare global {
  interface Window {
    __listFits?: number;
  }
}

describe('the projected list fits its slide when its ideas change, not at every dot', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let projector: Page;
  let notes: WrittenNote[];
  let voteId: string;
  const request = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await forumRequest(server, forum, path, { method, token, body: body ?? {} });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { vote: { id: string } };
  };
  const fits = () => projector.evaluate(() => window.__listFits ?? 0);
  const shown = () =>
    // The box the fit sizes: the lines with a place and those without (« sans point »).
    projector.locator('.projector-list .list-lines').evaluate((lines) => ({
      texts: [...lines.querySelectorAll('.result-text')].map((span) => span.textContent),
      fontSize: (lines as HTMLElement).style.fontSize,
    }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const wall = postcardWall(forum);
    notes = await writeNotes(server, wall, POSTCARDS);
    const facilitator = forum.facilitator.token;
    await request('PUT', '/compilation', facilitator, { boardIds: [wall.id] });
    ({
      vote: { id: voteId },
    } = await request('POST', '/votes', facilitator, {
      title: 'Nos incontournables',
      boardIds: [wall.id],
      dotsPerParticipant: 5,
    }));
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    // Counts the fit's measures of the slide (each run reads its scrollHeight at least once).
    await context.addInitScript(() => {
      const height = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')!;
      Object.defineProperty(Element.prototype, 'scrollHeight', {
        configurable: true,
        get(this: Element) {
          if (this.classList.contains('projector-list'))
            window.__listFits = (window.__listFits ?? 0) + 1;
          return height.get!.call(this);
        },
      });
    });
    projector = await context.newPage();
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await projector.goto(`${server.url}/p/${plenary.id}#token=${facilitator}&slide=list`);
    await projector
      .locator('.projector-list li')
      .nth(POSTCARDS.length - 1)
      .waitFor({
        timeout: 15_000,
      });
    await projector.evaluate(() => document.fonts.ready);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('does not fit again for dots placed and a timer started, and shows the same', async () => {
    const before = await shown();
    const measured = await fits();
    expect(measured).toBeGreaterThan(0);
    for (const [n, note] of notes.slice(0, 3).entries()) {
      await request('POST', `/votes/${voteId}/dots`, note.token, {
        boardId: note.boardId,
        shapeId: note.shapeId,
        voterId: `voter-${n}-abcdefgh`,
      });
    }
    // The timer comes after the dots in the forum room: once it shows, the projector has drawn
    // every dot's change too.
    await request('POST', '/timer', forum.facilitator.token, {
      action: 'start',
      durationMs: 600_000,
    });
    await projector.locator('.forum-timer-value').waitFor({ timeout: 10_000 });
    expect(await fits()).toBe(measured);
    expect(await shown()).toEqual(before);
  });

  it('fits again when the ideas change and when the window does', async () => {
    const measured = await fits();
    await request('PUT', '/compilation', forum.facilitator.token, {
      merges: { [ideaKey(POSTCARDS[3]!)]: ideaKey(POSTCARDS[0]!) },
    });
    await projector
      .locator('.projector-list li')
      .nth(POSTCARDS.length - 2)
      .waitFor({ timeout: 10_000 });
    await projector
      .locator('.projector-list li')
      .nth(POSTCARDS.length - 1)
      .waitFor({
        state: 'detached',
        timeout: 10_000,
      });
    const merged = await fits();
    expect(merged).toBeGreaterThan(measured);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.waitForFunction((n) => (window.__listFits ?? 0) > n, merged);
    expect((await shown()).fontSize).toBe(`${Math.max(16, 720 * 0.056)}px`);
  });
});

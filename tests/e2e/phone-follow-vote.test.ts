// The plenary on a 320 × 568 phone that follows the facilitator (« Tout le monde vers moi ») while
// the room votes. The vote's banner takes the place of « Vous suivez Marie-Anne » above the
// toolbar, which goes up beside the people's pill (vote-phone.css), over the board: the followed
// view stayed fitted from the header, and the top of what the facilitator showed (the plenary's
// carton titles) lay under « Vous suivez … » for the whole vote. The view is fitted again as the
// vote opens, below it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { createForum, forumRequest, openBoard, serverAndBrowser, shapes } from './fixtures';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

/** The board's camera and the canvas's box on `page`. */
function view(page: Page) {
  return page.evaluate(() => ({
    camera: window.__carton!.camera(),
    canvas: document.querySelector('.canvas')!.getBoundingClientRect().toJSON() as DOMRect,
  }));
}

describe('a phone following the facilitator on the plenary during a vote', () => {
  it('fits what she shows below « Vous suivez … », not under it', async () => {
    const forum = await createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const lead = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
    await openBoard(
      lead.page,
      `${suite.server.url}/b/${plenary.id}#token=${forum.facilitator.token}`,
    );
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, forum, '/timer', { body: timer })).status).toBe(200);
    await lead.page.getByRole('button', { name: 'Tout le monde vers moi' }).click();

    const phone = await newParticipant(suite.browser, 'Maëlle', {
      viewport: { width: 320, height: 568 },
      hasTouch: true,
      isMobile: true,
    });
    await openBoard(phone.page, plenary.edit.url);
    await phone.page.getByText('Vous suivez Marie-Anne').waitFor();
    const vote = {
      title: 'Quelles conditions de succès retenir pour toute la région ?',
      boardIds: [plenary.id],
      dotsPerParticipant: 3,
    };
    expect((await forumRequest(suite.server, forum, '/votes', { body: vote })).status).toBe(201);
    await phone.page.locator('.vote-banner').waitFor();
    await phone.page.waitForTimeout(500);

    // The top of what she shows: her view's top edge, or the board's content where it starts
    // lower (followView.ts narrows her view to the content).
    const hers = await view(lead.page);
    const viewTop = -hers.camera.y / hers.camera.zoom;
    const contentTop = Math.min(...(await shapes(phone.page)).map((s) => s.y));
    const top = Math.max(viewTop, contentTop);
    const mine = await view(phone.page);
    const shownAt = mine.canvas.y + top * mine.camera.zoom + mine.camera.y;
    const following = (await phone.page.locator('.spotlight-banner').boundingBox())!;
    const banner = (await phone.page.locator('.vote-banner').boundingBox())!;
    // « Vous suivez … » is up beside the pill, over the board (the case this is about)…
    expect(following.y + following.height).toBeLessThan(banner.y);
    // … and what she shows starts below it.
    expect(shownAt).toBeGreaterThanOrEqual(following.y + following.height - 0.5);
    await phone.page.screenshot({ path: join(SHOTS, 'phone-follow-vote-320.png') });
    await phone.context.close();
    await lead.context.close();
  });
});

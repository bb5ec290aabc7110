// A participant scanning a table's QR code on a venue's overloaded wifi (400 kbps, 400 ms: the
// scripts take seconds). The page shows something from its first bytes, and asks « Votre nom »
// without waiting for the board's code. Here the network is not slowed: the requests a slow link
// would still be carrying are held back instead, so nothing depends on timing.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { boardSuite, PHONE } from './fixtures';

/** Holds every request whose path matches `held` until `release` is called. */
async function holdBack(page: Page, held: RegExp): Promise<() => Promise<void>> {
  const waiting: Route[] = [];
  let released = false;
  await page.route(
    (url) => held.test(url.pathname),
    (route) => (released ? route.continue() : void waiting.push(route)),
  );
  return async () => {
    released = true;
    await Promise.all(waiting.splice(0).map((route) => route.continue()));
  };
}

/** Whether the page has painted any content (text) yet: a page blocked on its stylesheet has not. */
function contentPainted(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0,
    null,
    { polling: 100, timeout: 10_000 },
  );
}

describe('a board link opened over slow wifi', () => {
  const suite = boardSuite();

  it('shows « Carton » and « Chargement… » before any script or stylesheet has arrived', async () => {
    const { page, context } = await newParticipant(suite.browser, null, {
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    try {
      // Every built script and stylesheet still on its way.
      const release = await holdBack(page, /^\/assets\//);
      await page.goto(suite.board.edit.url, { waitUntil: 'commit' });
      // Painted, not only in the page: the stylesheet must not hold the first paint back.
      await contentPainted(page);
      const boot = page.getByRole('status');
      expect(await boot.isVisible()).toBe(true);
      expect(await boot.innerText()).toMatch(/^Carton\s+Chargement…/);
      await release();
      // React takes the page over: the loading screen goes, the name prompt comes.
      await page.getByLabel('Votre nom').waitFor();
      expect(await page.getByTestId('boot').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('asks « Votre nom » before the board’s code has arrived, then opens the board', async () => {
    const { page, context, errors } = await newParticipant(suite.browser, null, {
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    try {
      // The board page's chunk (the canvas, the tools) held back as on a slow link.
      const release = await holdBack(page, /^\/assets\/BoardPage-[^/]*\.js$/);
      await page.goto(suite.board.edit.url);
      await page.getByLabel('Votre nom').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('name-prompt-board').innerText()).toContain(suite.board.title);
      expect(await page.locator('canvas').count()).toBe(0);
      await page.getByLabel('Votre nom').fill('Mathilde');
      await page.keyboard.press('Enter');
      // Not asked twice once the code comes: the board opens under the name given.
      await release();
      await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      await page.getByText('Mathilde (vous)').waitFor({ state: 'attached' });
      expect(await page.getByLabel('Votre nom').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says the network is slow, once, when the board’s code is still on its way 4 s after the name', async () => {
    for (const [locale, label, loading, slow] of [
      [
        'fr-CA',
        'Votre nom',
        'Chargement du tableau…',
        'Le réseau est lent\u00a0: la page arrive, gardez-la ouverte.',
      ],
      [
        'en-US',
        'Your name',
        'Loading the board…',
        'Slow network: the page is on its way, keep it open.',
      ],
    ] as const) {
      const { page, context, errors } = await newParticipant(suite.browser, null, {
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale,
      });
      try {
        // The page's clock is driven by the test: « 4 s » passes when the test says so.
        await page.clock.install();
        const release = await holdBack(page, /^\/assets\/BoardPage-[^/]*\.js$/);
        await page.goto(suite.board.edit.url);
        await page.getByLabel(label).waitFor({ timeout: 10_000 });
        // Time spent typing the name is not waiting for the board.
        await page.clock.runFor(10_000);
        await page.getByLabel(label).fill('Mathilde');
        await page.keyboard.press('Enter');
        await page.getByText(loading).waitFor();
        // The polite live region is there from the start, empty: filled later, it is read once.
        const region = page.locator('.page-message [role="status"]');
        await region.waitFor({ state: 'attached' });
        expect(await region.innerText()).toBe('');
        await page.clock.runFor(3_000);
        expect(await region.innerText()).toBe('');
        await page.clock.runFor(1_100);
        await region.filter({ hasText: slow }).waitFor();
        expect(await page.getByRole('status').filter({ hasText: slow }).count()).toBe(1);
        // The code arrives: the board opens, the line goes with the loading text.
        await page.clock.resume();
        await release();
        await page.getByText('Mathilde (vous)').or(page.getByText('Mathilde (you)')).waitFor({
          state: 'attached',
          timeout: 15_000,
        });
        expect(await page.getByText(slow).count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('says the network is slow on the board page’s own « Chargement du tableau… » too', async () => {
    // The name known: the board page's code comes at once, then waits for the board's info.
    const { page, context, errors } = await newParticipant(suite.browser, 'Mathilde', {
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const slow = 'Le réseau est lent\u00a0: la page arrive, gardez-la ouverte.';
    try {
      await page.clock.install();
      const release = await holdBack(page, new RegExp(`^/api/boards/${suite.board.id}$`));
      const code = page.waitForResponse((r) => /\/assets\/BoardPage-[^/]*\.js$/.test(r.url()));
      await page.goto(suite.board.edit.url);
      await code;
      await page.getByText('Chargement du tableau…').waitFor();
      const region = page.locator('.page-message [role="status"]');
      await region.waitFor({ state: 'attached' });
      expect(await region.innerText()).toBe('');
      await page.clock.runFor(3_000);
      expect(await region.innerText()).toBe('');
      await page.clock.runFor(1_100);
      await region.filter({ hasText: slow }).waitFor();
      // Said by the board page's screen: it is up (its first effect registers the app's
      // offline worker), still waiting for the board's info.
      await expect
        .poll(() =>
          page.evaluate(
            async () => (await navigator.serviceWorker.getRegistration()) !== undefined,
          ),
        )
        .toBe(true);
      expect(await page.getByRole('status').filter({ hasText: slow }).count()).toBe(1);
      expect(await page.getByText('Chargement du tableau…').count()).toBe(1);
      await page.clock.resume();
      await release();
      await page.getByText('Mathilde (vous)').waitFor({ state: 'attached', timeout: 15_000 });
      expect(await page.getByText(slow).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes only the phone’s language: French without the English catalogue, English with it', async () => {
    for (const [locale, label, english] of [
      ['fr-CA', 'Votre nom', false],
      ['en-US', 'Your name', true],
    ] as const) {
      const { page, context } = await newParticipant(suite.browser, null, {
        viewport: PHONE,
        isMobile: true,
        locale,
      });
      try {
        const scripts: Promise<string>[] = [];
        page.on('response', (response) => {
          if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.text());
        });
        await page.goto(suite.board.edit.url);
        await page.getByLabel(label).waitFor();
        await page.waitForLoadState('networkidle');
        const texts = await Promise.all(scripts);
        // A sentence only the English catalogue holds.
        expect(texts.some((text) => text.includes('What should we call you?'))).toBe(english);
        expect(texts.some((text) => text.includes('Comment voulez-vous qu'))).toBe(true);
      } finally {
        await context.close();
      }
    }
  });
});

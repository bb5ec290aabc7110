// Carton as met by people with low vision, many of them older and new to such tools:
// - text at 200 % on a small laptop (browser zoom on 1280 × 720: 640 × 360 CSS px, as Chromium
//   lays the page out at that zoom), where the name prompt's « Entrer » fell below the window
//   with nothing to scroll (WCAG 1.4.4), and at 400 % the forum page's confirmations (1.4.10);
// - fields edged at 1.5:1 (the name prompt's « Votre nom », the export's lists) or 2.6:1 (the
//   forum page's), where 1.4.11 asks 3:1 of what shows where to type; the name's example, and
//   the focus ring on the first visit's dark hint;
// - the plenary's mosaic at 200 % (and on a phone), where the forum kit lay over « Plein écran »;
// - a phone zoomed by Chrome, where the forum page scrolled sideways and the help was cut;
// - Windows' contrast themes (forced colours), which drop the dark fill that said which of the
//   plenary's « Mosaïque » / « Minuterie » / « Plein écran » is on, and the stroke through the
//   single-key shortcuts switch when it is off;
// - `prefers-reduced-motion: reduce`, which a row scrolled by its arrow ignored (a script's
//   `behavior: 'smooth'` overrides the CSS's `scroll-behavior`).
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import {
  createForum,
  forumRequest,
  openBoard,
  serverAndBrowser,
  type CreatedForum,
} from './fixtures';

/** A 1280 × 720 laptop's screen at 200 % zoom, in CSS px. */
const LAPTOP_AT_200 = { width: 640, height: 360 } as const;

/** Whether `target` shows whole in the window and is what a click at its centre reaches. */
async function reachable(target: Locator): Promise<boolean> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    // Scrolled into view, its edge may sit a fraction of a pixel past the window's.
    const inside =
      r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inside && hit !== null && el.contains(hit);
  });
}

/** The computed fill and text colour of `target`, in the page's current colours. */
function look(target: Locator): Promise<{ background: string; color: string }> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color };
  });
}

/** WCAG's relative luminance of the CSS colour `rgb(r, g, b)`. */
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Contrast of `field`'s edge with what surrounds it (its nearest ancestor with an opaque fill):
 * WCAG's relative luminance ratio, which 1.4.11 wants at 3:1 for what says where a field is.
 */
function edgeContrast(field: Locator): Promise<number> {
  return field.evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let around = el.parentElement;
    while (around && rgb(getComputedStyle(around).backgroundColor)[3] === 0) {
      around = around.parentElement;
    }
    const [light, dark] = [
      luminance(getComputedStyle(el).borderTopColor),
      luminance(around ? getComputedStyle(around).backgroundColor : 'rgb(255, 255, 255)'),
    ].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

describe('Carton with low vision', () => {
  const suite = serverAndBrowser();
  let forum: CreatedForum | undefined;
  const theForum = async () =>
    (forum ??= await createForum(suite.server, { territories: ['Témiscouata', 'Kamouraska'] }));

  it('at 200 % on a small laptop, the name prompt scrolls to « Entrer », which enters', async () => {
    const territory = (await theForum()).boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      viewport: LAPTOP_AT_200,
      deviceScaleFactor: 2,
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    await page.goto(territory.edit.url);
    const prompt = page.getByRole('dialog');
    await prompt.getByLabel('Votre nom').fill('Gisèle Pelletier');
    const enter = prompt.getByRole('button', { name: 'Entrer' });
    // It lay 13 px past the window's bottom, and the page did not scroll.
    expect(await reachable(enter)).toBe(true);
    await enter.click();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await context.close();
  });

  it('at 400 % on a 1280 × 1024 screen, the forum page’s confirmations scroll to their buttons', async () => {
    const created = await theForum();
    const context = await suite.browser.newContext({
      viewport: { width: 320, height: 256 },
      deviceScaleFactor: 4,
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    await page.getByRole('button', { name: 'Supprimer le forum…' }).click();
    // The dialog is 380 px tall in a 256 px window: its last button lay below it, out of reach
    // (WCAG 1.4.10). Not pressed here: it would delete the forum.
    const confirm = page.locator('.forum-dialog').getByRole('button', {
      name: 'Supprimer définitivement',
    });
    expect(await reachable(confirm)).toBe(true);
    await context.close();
  });

  it('fields show their edges (the name, the export’s lists, a version’s name, the forum page’s), the name’s example reads', async () => {
    const created = await theForum();
    const territory = created.boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    await page.goto(territory.edit.url);
    // « Votre nom » was a white box edged at 1.5:1 on the white card.
    const name = page.getByRole('dialog').getByLabel('Votre nom');
    expect(await edgeContrast(name)).toBeGreaterThanOrEqual(3);
    // Its example, « Prénom », is text to read: 4.5:1 on white (it was 3.8:1).
    const example = await name.evaluate((el) => getComputedStyle(el, '::placeholder').color);
    expect(contrast(example, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
    await name.fill('Gisèle Pelletier');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    const scope = page.getByRole('combobox', { name: 'Contenu' });
    expect(await edgeContrast(scope)).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('Escape');
    // A facilitator's « Versions »: the name of a version to keep.
    await page.goto(`${suite.server.url}/b/${territory.id}#token=${created.facilitator.token}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    const version = page.getByLabel('Nom de la nouvelle version');
    expect(await edgeContrast(version)).toBeGreaterThanOrEqual(3);

    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    // The facilitator's own link on the yellow band, and a board's link: 2.6 and 2.9:1.
    for (const field of [
      page.locator('input.facilitator-url'),
      page.getByLabel('Lien de participation').first(),
    ]) {
      expect(await edgeContrast(field)).toBeGreaterThanOrEqual(3);
    }
    await context.close();
  });

  it('at 200 % on a small laptop and on a phone, the mosaic’s « Plein écran » and « Fermer » clear the forum kit', async () => {
    const created = await theForum();
    const plenary = created.boards.find((b) => b.kind === 'plenary')!;
    // The plenary's timer running, as in the room: the kit is as wide as it gets.
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, created, '/timer', { body: timer })).status).toBe(200);
    for (const [viewport, deviceScaleFactor] of [
      [LAPTOP_AT_200, 2],
      [{ width: 683, height: 384 }, 2],
      [{ width: 390, height: 844 }, 3],
    ] as const) {
      const context = await suite.browser.newContext({
        viewport,
        deviceScaleFactor,
        locale: 'fr-CA',
      });
      await context.addInitScript(() => localStorage.setItem('carton.name', 'Marie-Anne'));
      const page = await context.newPage();
      await openBoard(
        page,
        `${suite.server.url}/b/${plenary.id}#token=${created.facilitator.token}`,
      );
      await page.locator('.forum-kit').getByRole('button', { name: 'Mosaïque' }).click();
      await page.locator('li.mosaic-tile').first().waitFor();
      await page.locator('.forum-kit [data-testid="forum-timer"]').waitFor();
      // « Minuterie » lay over « Plein écran » at 640 and 683 px, « Mosaïque » at 390.
      const covered = await page.evaluate(() => {
        const kit = [...document.querySelectorAll('.forum-kit > *')];
        const buttons = [...document.querySelectorAll('.mosaic-header > button')];
        return buttons.flatMap((button) => {
          const b = button.getBoundingClientRect();
          return kit
            .filter((part) => {
              const k = part.getBoundingClientRect();
              return k.left < b.right && b.left < k.right && k.top < b.bottom && b.top < k.bottom;
            })
            .map((part) => `${part.textContent} over ${button.textContent}`);
        });
      });
      expect(covered, `${viewport.width} × ${viewport.height}`).toEqual([]);
      await context.close();
    }
  });

  // Chrome on Android zooms pages by its own setting (Accessibility → Zoom), the way to larger
  // text there: the phone's font size leaves a page with a viewport tag as it is. A 390 px phone at
  // 150 % lays pages out at 260 CSS px, at 200 % at 195.
  const zoomedPhone = (zoom: number) =>
    suite.browser.newContext({
      viewport: { width: Math.round(390 / zoom), height: Math.round(844 / zoom) },
      deviceScaleFactor: 3 * zoom,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-CA',
    });

  it('on a phone zoomed to 150 %, the forum page does not scroll sideways', async () => {
    const created = await theForum();
    const context = await zoomedPhone(1.5);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    // « EN » beside the title, « Question » and its field, and the address in the warning about
    // localhost links made the page 318 px wide: the phone showed it shrunk, or sideways.
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(widths).toEqual([260, 260]);
    await context.close();
  });

  it('on a phone zoomed to 200 %, the help fits the screen and « Fermer » shows', async () => {
    const territory = (await theForum()).boards.find((b) => b.kind === 'territory')!;
    const context = await zoomedPhone(2);
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Gisèle'));
    const page = await context.newPage();
    await openBoard(page, territory.edit.url);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog');
    // The dialog grew to its longest row, past the right edge: « Fermer » was cut.
    const close = help.getByRole('button', { name: 'Fermer' });
    expect(await reachable(close)).toBe(true);
    const right = await help.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(195);
    await context.close();
  });

  it('the first visit’s hint shows its buttons’ focus ring on its dark background', async () => {
    const territory = (await theForum()).boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Gisèle'));
    const page = await context.newPage();
    await openBoard(page, territory.edit.url);
    const hint = page.getByRole('complementary', { name: 'Premiers pas' });
    await hint.getByRole('button', { name: 'Voir l’aide' }).focus();
    await page.keyboard.press('Tab');
    const done = hint.getByRole('button', { name: 'Compris' });
    expect(await done.evaluate((el) => el === document.activeElement)).toBe(true);
    const [style, ring, around] = await done.evaluate((el) => [
      getComputedStyle(el).outlineStyle,
      getComputedStyle(el).outlineColor,
      getComputedStyle(el.closest('.help-hint')!).backgroundColor,
    ]);
    expect(style).toBe('solid');
    // The page's blue (#1565c0) on the hint's #332222: 2.6:1.
    expect(contrast(ring!, around!)).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it("in Windows' contrast themes, the plenary marks which of its buttons is on", async () => {
    const created = await theForum();
    const plenary = created.boards.find((b) => b.kind === 'plenary')!;
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      forcedColors: 'active',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Marie-Anne'));
    const page = await context.newPage();
    await openBoard(page, `${suite.server.url}/b/${plenary.id}#token=${created.facilitator.token}`);
    const kit = page.locator('.forum-kit');
    const mosaic = kit.getByRole('button', { name: 'Mosaïque' });
    const timer = kit.getByRole('button', { name: 'Minuterie' });
    const off = await look(timer);
    await mosaic.click();
    expect(await mosaic.getAttribute('aria-pressed')).toBe('true');
    // On, it is filled with the system's Highlight; off, it was the same as « Minuterie ».
    const on = await look(mosaic);
    expect(on.background).not.toBe(off.background);
    expect(on.color).not.toBe(off.color);

    const full = page.getByRole('button', { name: 'Plein écran' });
    const close = page.locator('.mosaic-header').getByRole('button', { name: 'Fermer' });
    const closeLook = await look(close);
    expect((await look(full)).background).toBe(closeLook.background);
    await full.click();
    expect(await full.getAttribute('aria-pressed')).toBe('true');
    expect((await look(full)).background).not.toBe(closeLook.background);
    await context.close();
  });

  it("in Windows' contrast themes, the single-key shortcuts switch shows when it is off", async () => {
    const territory = (await theForum()).boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      forcedColors: 'active',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Gisèle'));
    const page = await context.newPage();
    await openBoard(page, territory.edit.url);
    const toggle = page.getByRole('switch', { name: /Raccourcis à une touche/ });
    const stroke = () => toggle.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await stroke()).toBe('none');
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    // Off, it is struck through; the theme dropped that stroke (a gradient).
    expect(await stroke()).toContain('linear-gradient');
    await context.close();
  });

  it('with reduced motion, the forum page’s sections row jumps to its next sections', async () => {
    const created = await theForum();
    const context = await suite.browser.newContext({
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
      locale: 'fr-CA',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    const arrow = page.locator('.forum-nav .panel-edge.end');
    await arrow.waitFor();
    // Clicked and read in one task: an instant scroll has moved the row already, a smooth one
    // only starts at the next frame.
    const moved = await arrow.evaluate((button) => {
      const row = button.closest('.forum-nav')!;
      const before = row.scrollLeft;
      (button as HTMLButtonElement).click();
      return row.scrollLeft - before;
    });
    expect(moved).toBeGreaterThan(0);
    await context.close();
  });
});

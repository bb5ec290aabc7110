// Forum day end to end: a facilitator and two participants (separate browser contexts) run a
// small forum — created from the home page, links read from the forum page, notes live in the
// plenary mosaic, timer, spotlight, dot vote, « Les incontournables » and the Markdown list.
// The socket side of « a participant cannot start the timer » is covered by
// tests/integration/forum-facilitation.test.ts (« F2: an edit token's updates to the forum doc
// are dropped… »); here the HTTP side is checked with the participant's own token.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParticipant, savedDownload, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { BSL_TERRITORIES } from '@carton/board';
import { addNote, newPhone, openBoard, shapes, toScreen, waitForShapes } from './fixtures';
import { boxes, overlapsBetween } from './layout-boxes';

const SHOTS = `${REPO_ROOT}test-results/screenshots`;

/** A participant writes a note, then leaves the selection so the next click starts afresh. */
async function writeNote(page: Page, x: number, y: number, text: string): Promise<void> {
  await page.bringToFront();
  await addNote(page, x, y, text);
  await page.keyboard.press('Escape');
}

async function noteCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const note = (await shapes(page)).find((s) => s.type === 'note' && s.text === text);
  if (note?.type !== 'note') throw new Error(`no note ${text}`);
  return toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
}

describe('forum day', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let a: Participant;
  let b: Participant;
  let forumUrl = '';
  let forumId = '';
  let facilitatorToken = '';
  const links: Record<string, { id: string; edit: string; view: string }> = {};
  const plenaryNameOf = () =>
    Object.keys(links).find(
      (n) => !['Kamouraska', 'Rivière-du-Loup', 'Cartes postales'].includes(n),
    )!;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [facilitator, a, b] = await Promise.all([
      newParticipant(browser, 'Marie-Anne'),
      newParticipant(browser, 'Émilie'),
      newParticipant(browser, 'Sylvain'),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('creates the forum from the home page and reads the links from the forum page', async () => {
    const page = facilitator.page;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Titre du forum').fill('Rêvons ensemble notre future Alliance');
    await page.getByLabel('Date du forum').fill('2023-10-19');
    // The territories' fields line up with the title's (a box and a list's indent: 39 px right).
    const [titleField, territoryField] = await boxes(page, '.home-form input:not([name="date"])');
    expect(territoryField!.left).toBe(titleField!.left);
    // Keep two of the eight MRCs proposed by default.
    expect(await page.locator('.territory-list li input').count()).toBe(8);
    for (const name of BSL_TERRITORIES.filter(
      (n) => n !== 'Kamouraska' && n !== 'Rivière-du-Loup',
    )) {
      await page.getByRole('button', { name: `Retirer ${name}` }).click();
    }
    await page.screenshot({ path: `${SHOTS}/forum-home.png` });
    await page.getByRole('button', { name: 'Créer le forum' }).click();
    await page.waitForURL(/\/f\/[^/]+#token=/);
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    forumUrl = page.url();
    forumId = new URL(forumUrl).pathname.split('/')[2]!;
    facilitatorToken = new URLSearchParams(new URL(forumUrl).hash.slice(1)).get('token')!;
    expect(await page.locator('.keep-link strong').textContent()).toBe(
      'Gardez ce lien\u00a0: il donne accès à tout le forum',
    );
    expect(await page.evaluate(() => localStorage.getItem('carton.forums'))).toContain(forumId);
    for (const row of await page.locator('.forum-links tr').all()) {
      const name = (await row.locator('.board-name').textContent()) ?? '';
      links[name] = {
        id: (await row.getAttribute('data-board-id')) ?? '',
        edit: await row.locator('input.link-url[data-role="edit"]').inputValue(),
        view: await row.locator('input.link-url[data-role="view"]').inputValue(),
      };
    }
    expect(Object.keys(links)).toEqual(expect.arrayContaining(['Kamouraska', 'Rivière-du-Loup']));
    expect(await page.locator('.forum-links img.qr').count()).toBe(Object.keys(links).length * 2);
    // « Copier » answers visibly (Clipboard API here; execCommand where it is missing).
    await page.locator('.keep-link').getByRole('button', { name: 'Copier' }).click();
    await page.locator('.keep-link .copy-feedback', { hasText: 'Lien copié' }).waitFor();
    await page.locator('.keep-link').screenshot({ path: `${SHOTS}/forum-fix-copy.png` });
    const editCell = page.locator('.forum-links td[data-role="edit"]').first();
    await editCell.getByRole('button', { name: 'Copier' }).click();
    await editCell.locator('.copy-feedback', { hasText: 'Lien copié' }).waitFor();
    // On plain http (no Clipboard API) where execCommand fails too: the field is selected and
    // the page says how to copy by hand.
    const plainHttp = await facilitator.context.newPage();
    await plainHttp.addInitScript(() => {
      Object.defineProperty(window, 'isSecureContext', { value: false });
      Object.defineProperty(Document.prototype, 'execCommand', { value: () => false });
    });
    await plainHttp.goto(forumUrl);
    await plainHttp.locator('.keep-link').getByRole('button', { name: 'Copier' }).click();
    await plainHttp
      .locator('.keep-link .copy-feedback', { hasText: 'Copiez le lien avec Ctrl+C' })
      .waitFor();
    expect(
      await plainHttp.evaluate(() => document.activeElement?.classList.contains('facilitator-url')),
    ).toBe(true);
    await plainHttp
      .locator('.keep-link')
      .screenshot({ path: `${SHOTS}/forum-fix-copy-manual.png` });
    await plainHttp.close();
    await page.screenshot({ path: `${SHOTS}/forum-page.png`, fullPage: true });
    // « Projeter le code »: the QR code full screen, Escape closes it.
    await page.getByRole('button', { name: 'Projeter le code' }).nth(2).click();
    const projected = page.locator('.qr-projected img');
    await projected.waitFor();
    expect((await projected.boundingBox())!.height).toBeGreaterThan(500);
    await page.screenshot({ path: `${SHOTS}/forum-qr-projected.png` });
    await page.keyboard.press('Escape');
    await projected.waitFor({ state: 'detached' });
  });

  it('participants add notes; the plenary mosaic shows them live and brings one in', async () => {
    await openBoard(a.page, links['Kamouraska']!.edit);
    await openBoard(b.page, links['Rivière-du-Loup']!.edit);
    await writeNote(a.page, 300, 450, 'Participation citoyenne');
    await writeNote(a.page, 560, 450, 'Rémunération pour les personnes citoyennes');
    await writeNote(b.page, 300, 450, 'Participation citoyenne');
    await writeNote(b.page, 560, 450, 'Remunération des personnes citoyennes');

    const plenaryName = plenaryNameOf();
    const plenary = await facilitator.context.newPage();
    await openBoard(plenary, `${server.url}/b/${links[plenaryName]!.id}#token=${facilitatorToken}`);
    await plenary.getByRole('button', { name: 'Mosaïque' }).click();
    const tileA = plenary.locator(`li.mosaic-tile[data-board-id="${links['Kamouraska']!.id}"]`);
    await tileA
      .locator('svg')
      .filter({ hasText: /Rémunération/ })
      .waitFor({ timeout: 10_000 });
    // Live: a note added now appears in the tile without reopening anything.
    await writeNote(a.page, 820, 450, 'Bon leadership');
    await tileA
      .locator('svg')
      .filter({ hasText: /leadership/ })
      .waitFor({ timeout: 10_000 });
    await plenary.bringToFront();
    await plenary.screenshot({ path: `${SHOTS}/forum-mosaic.png` });

    const before = (await shapes(plenary)).length;
    await tileA.getByRole('button', { name: 'Amener en plénière' }).click();
    const after = await waitForShapes(plenary, `(s) => s.length > ${before}`);
    expect(after.some((s) => s.type === 'note' && s.text === 'Bon leadership')).toBe(true);
    expect(await plenary.evaluate(() => window.__carton!.canUndo())).toBe(true);
    // One undo step takes the whole copy back.
    // On the heading's first letters: its box spans the row, under the forum kit centred over it.
    await plenary
      .locator('.mosaic-header h2')
      .first()
      .click({ position: { x: 4, y: 4 } });
    await plenary.keyboard.press('Control+z');
    await waitForShapes(plenary, `(s) => s.length === ${before}`);
    // A click on a tile opens it large (read-only); Escape closes it.
    await tileA.locator('.mosaic-open').click();
    await plenary
      .locator('.mosaic-large svg')
      .filter({ hasText: /leadership/ })
      .waitFor();
    await plenary.keyboard.press('Escape');
    await plenary.locator('.mosaic-large').waitFor({ state: 'detached' });
    await plenary.close();
  });

  it('the timer started on the forum page shows on a participant’s board', async () => {
    const page = facilitator.page;
    await page.bringToFront();
    await page.locator('.forum-minutes').fill('5');
    await page.getByRole('button', { name: 'Démarrer' }).click();
    const timer = a.page.getByTestId('forum-timer');
    await timer.waitFor({ timeout: 10_000 });
    expect(await timer.getAttribute('data-state')).toBe('running');
    expect(await timer.locator('.forum-timer-value').textContent()).toMatch(/^[45]:\d\d$/);
    // The participant's own token cannot drive the timer (F2).
    const refused = await fetch(`${server.url}/api/forums/${forumId}/timer`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${new URLSearchParams(new URL(links['Kamouraska']!.edit).hash.slice(1)).get('token')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ action: 'start', durationMs: 60_000 }),
    });
    expect(refused.status).toBe(403);
    expect(await a.page.locator('.toolbar').count()).toBe(1);
    expect(await a.page.getByRole('button', { name: 'Tout le monde vers moi' }).count()).toBe(0);
  });

  it('spotlight: the participant’s camera follows the facilitator’s until « Arrêter de suivre »', async () => {
    const lead = await facilitator.context.newPage();
    await openBoard(lead, `${server.url}/b/${links['Kamouraska']!.id}#token=${facilitatorToken}`);
    await lead.getByRole('button', { name: 'Tout le monde vers moi' }).click();
    await a.page.getByRole('button', { name: 'Arrêter de suivre' }).waitFor({ timeout: 10_000 });
    // On an upright phone: one or two rows across the screen, clear of the toolbar (it was a
    // 4-line block centred over the toolbar's first row), « Arrêter de suivre » a 40 px target.
    const { context: phoneContext, page: phone } = await newPhone(browser, 'Maëlle');
    await openBoard(phone, links['Kamouraska']!.edit);
    const stop = phone.getByRole('button', { name: 'Arrêter de suivre' });
    await stop.waitFor({ timeout: 10_000 });
    const [banner] = await boxes(phone, '.spotlight-banner');
    expect(banner!.right - banner!.left).toBeGreaterThan(360);
    expect(banner!.bottom - banner!.top).toBeLessThan(90);
    await expect
      .poll(async () =>
        overlapsBetween(await boxes(phone, '.spotlight-banner'), await boxes(phone, '.toolbar')),
      )
      .toEqual([]);
    expect((await stop.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await phoneContext.close();
    // A participant of another board is told, and nothing moves there; a territory link cannot
    // read the presented board, so it gets no « Aller voir ».
    await b.page.getByText('Marie-Anne présente un autre tableau.').waitFor({ timeout: 10_000 });
    expect(await b.page.getByRole('link', { name: 'Aller voir' }).count()).toBe(0);
    // A plenary link reads every board (view role): « Aller voir » opens the presented one.
    const plenaryPage = await b.context.newPage();
    await openBoard(plenaryPage, links[plenaryNameOf()]!.edit);
    const goSee = plenaryPage.getByRole('link', { name: 'Aller voir' });
    await goSee.waitFor({ timeout: 10_000 });
    await plenaryPage.screenshot({ path: `${SHOTS}/forum-fix-go-see.png` });
    const [presented] = await Promise.all([b.context.waitForEvent('page'), goSee.click()]);
    await presented.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await presented.evaluate(() => window.__carton!.role())).toBe('view');
    expect(presented.url()).toContain(`/b/${links['Kamouraska']!.id}#token=`);
    await presented.getByRole('button', { name: 'Arrêter de suivre' }).waitFor({ timeout: 10_000 });
    await presented.screenshot({ path: `${SHOTS}/forum-fix-go-see-board.png` });
    await presented.close();
    await plenaryPage.close();
    await lead.bringToFront();
    await lead.mouse.move(640, 450);
    await lead.mouse.wheel(0, -400);
    const target = await lead.evaluate(() => window.__carton!.camera());
    const close = new Function(
      `const c = window.__carton?.camera(); return !!c && Math.abs(c.zoom - ${target.zoom}) < 1e-6 && Math.abs(c.x - ${target.x}) < 1 && Math.abs(c.y - ${target.y}) < 1;`,
    ) as () => boolean;
    await a.page.waitForFunction(close, undefined, { timeout: 10_000 });
    await facilitator.page
      .getByText(
        'Tout le monde suit votre vue sur « Conditions de succès — Kamouraska ».'.replace(
          /« | »/g,
          (q) => (q === '« ' ? '«\u00a0' : '\u00a0»'),
        ),
      )
      .waitFor({ timeout: 10_000 });
    await a.page.getByRole('button', { name: 'Arrêter de suivre' }).click();
    await a.page.getByRole('button', { name: 'Suivre l’animation' }).waitFor();
    await lead.getByRole('button', { name: 'Arrêter la diffusion' }).click();
    await a.page.locator('.spotlight-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await lead.close();
  });

  it('a dot vote: participants place and remove dots, closing ranks the ideas', async () => {
    const page = facilitator.page;
    await page.bringToFront();
    await page.locator('.vote-title').fill('Nos priorités');
    await page.locator('.vote-dots').fill('2');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await a.page.getByText('Il vous reste 2 points').waitFor({ timeout: 10_000 });
    await a.page.bringToFront();
    // The spotlight moved this camera: show everything again before aiming at notes.
    await a.page.getByRole('button', { name: 'Tout afficher (Maj+1)' }).click();
    const spot = await noteCentre(a.page, 'Participation citoyenne');
    await a.page.mouse.click(spot.x, spot.y);
    await a.page.getByText('Il vous reste 1 point', { exact: true }).waitFor();
    const other = await noteCentre(a.page, 'Bon leadership');
    await a.page.mouse.click(other.x, other.y);
    await a.page.getByText('Vous avez placé tous vos points', { exact: true }).waitFor();
    // Clicking my dot takes it back.
    await a.page.locator('button.vote-dot.mine').last().click();
    await a.page.getByText('Il vous reste 1 point', { exact: true }).waitFor();
    await a.page.mouse.click(spot.x, spot.y);
    await a.page.getByText('Vous avez placé tous vos points', { exact: true }).waitFor();
    await a.page.screenshot({ path: `${SHOTS}/forum-board-vote.png` });
    // Leave vote mode to edit a note: clicks go to the tools again, my dots stay drawn.
    await a.page.getByRole('button', { name: 'Revenir aux outils' }).click();
    await a.page.locator('.vote-banner[data-voting="false"]').waitFor();
    expect(await a.page.locator('button.vote-dot.mine').count()).toBe(0);
    expect(await a.page.locator('span.vote-dot.mine').getAttribute('data-count')).toBe('2');
    await a.page.mouse.dblclick(other.x, other.y);
    await a.page.locator('textarea.text-editor').waitFor();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' rassembleur');
    await a.page.keyboard.press('Escape');
    await waitForShapes(a.page, `(s) => s.some((x) => x.text === 'Bon leadership rassembleur')`);
    await a.page.keyboard.press('Escape');
    await a.page.screenshot({ path: `${SHOTS}/forum-fix-vote-editing.png` });
    expect(await a.page.locator('.vote-remaining').getAttribute('data-remaining')).toBe('0');
    // Back to vote mode: my dot is a button again and a click on it takes the dot back.
    await a.page.getByRole('button', { name: 'Voter', exact: true }).click();
    await a.page.locator('button.vote-dot.mine').click();
    await a.page.getByText('Il vous reste 1 point', { exact: true }).waitFor();
    await a.page.mouse.click(spot.x, spot.y);
    await a.page.getByText('Vous avez placé tous vos points', { exact: true }).waitFor();
    await a.page.screenshot({ path: `${SHOTS}/forum-fix-vote-mode.png` });
    await b.page.getByText('Il vous reste 2 points').waitFor({ timeout: 10_000 });
    await b.page.bringToFront();
    const bSpot = await noteCentre(b.page, 'Participation citoyenne');
    await b.page.mouse.click(bSpot.x, bSpot.y);
    await b.page.getByText('Il vous reste 1 point', { exact: true }).waitFor();
    expect((await shapes(a.page)).filter((s) => s.type === 'note').length).toBeGreaterThan(2);

    await page.bringToFront();
    await page.getByRole('button', { name: 'Fermer le vote' }).click();
    // Closing ends the vote for everyone: the page asks first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fermer le vote' }).click();
    const first = page.locator('.vote-results li').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.textContent()).toContain('Participation citoyenne');
    // By idea (V1 `ideas`): Kamouraska's two dots and Rivière-du-Loup's one on the same words.
    expect(await first.locator('.result-count').textContent()).toBe('3 points');
    expect(await first.locator('.result-board').textContent()).toBe('Kamouraska, Rivière-du-Loup');
    await a.page.locator('.vote-dot.count[data-count="2"]').waitFor({ timeout: 10_000 });
    await page.locator('.votes').screenshot({ path: `${SHOTS}/forum-vote-results.png` });
  });

  it('compiles « Les incontournables », merges by dragging, downloads the Markdown list', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Compiler' }).click();
    const items = page.locator('.compilation-item');
    // The « Fusionner avec… » menus name the other items: match on the item's own text.
    const item = (text: string) =>
      items.filter({ has: page.locator('.item-text', { hasText: text }) });
    await items.first().waitFor({ timeout: 10_000 });
    const together = item('Participation citoyenne');
    expect(await together.count()).toBe(1);
    expect(await together.locator('.item-count').textContent()).toBe('2 fois');
    expect(await together.locator('.item-territories').textContent()).toContain('Kamouraska');
    const count = await items.count();
    await item('Remunération des personnes citoyennes').dragTo(
      item('Rémunération pour les personnes citoyennes'),
    );
    await page.waitForFunction(
      new Function(
        `return document.querySelectorAll('.compilation-item').length === ${count - 1};`,
      ) as () => boolean,
      undefined,
      { timeout: 10_000 },
    );
    const merged = item('Rémunération pour les personnes citoyennes');
    expect(await merged.locator('.item-count').textContent()).toBe('2 fois');
    await page.locator('.compilation').screenshot({ path: `${SHOTS}/forum-compilation.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (Markdown)' }).click(),
    ]);
    const markdown = readFileSync(await savedDownload(download), 'utf8');
    expect(markdown).toContain('Participation citoyenne');
    expect(markdown).toContain('Rémunération pour les personnes citoyennes');
    expect(markdown).toContain('Kamouraska');
    expect(markdown).toContain('Rivière-du-Loup');
    expect(markdown).not.toContain('Remunération des personnes citoyennes\n');
  });

  it('projector mode steps through the cartons with the timer large', async () => {
    // A tab of the facilitator's laptop, sized as the projector's screen: a new browser
    // context would cost a second of CPU for nothing this page reads.
    const projector = await facilitator.context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    const viewToken = new URLSearchParams(new URL(links['Kamouraska']!.view).hash.slice(1)).get(
      'token',
    );
    await projector.goto(`${server.url}/p/${links['Kamouraska']!.id}#token=${viewToken}`);
    const main = projector.locator('main.projector');
    await main.locator('.projector-slide svg').waitFor({ timeout: 10_000 });
    await projector.getByTestId('forum-timer').waitFor({ timeout: 10_000 });
    // The closed vote's results are fetched once the forum room has synced.
    await projector.locator('main.projector[data-results]').waitFor({ timeout: 10_000 });
    expect(await projector.locator('.toolbar').count()).toBe(0);
    expect(Number(await main.getAttribute('data-slides'))).toBeGreaterThanOrEqual(1);
    await projector.keyboard.press('End');
    expect(await main.getAttribute('data-slide')).toBe(
      String(Number(await main.getAttribute('data-slides')) - 1),
    );
    // The closed vote: a last slide ranks the ideas, top first.
    const results = main.locator('.projector-results');
    await results.waitFor();
    expect(await results.locator('h2').textContent()).toBe(
      'Résultats du vote\u00a0: Nos priorités',
    );
    const top = results.locator('li').first();
    expect(await top.textContent()).toContain('Participation citoyenne');
    expect(await top.locator('.result-count').textContent()).toBe('3 points');
    await projector.screenshot({ path: `${SHOTS}/forum-fix-projector-results.png` });
    await projector.keyboard.press('Home');
    expect(await main.getAttribute('data-slide')).toBe('0');
    await projector.screenshot({ path: `${SHOTS}/forum-projector.png` });
    // The counts sit on the notes of the slides, like the board's badges.
    const slides = Number(await main.getAttribute('data-slides'));
    const badge = main.locator('.projector-slide g.vote-badge[data-count="2"]');
    for (let i = 0; i < slides - 1 && (await badge.count()) === 0; i++) {
      await projector.keyboard.press('ArrowRight');
    }
    expect(await badge.count()).toBe(1);
    await projector.screenshot({ path: `${SHOTS}/forum-fix-projector-badges.png` });
    // The plenary projector presents the same results.
    await projector.goto(`${server.url}/p/${links[plenaryNameOf()]!.id}#token=${facilitatorToken}`);
    await main
      .locator('.projector-slide svg, .projector-empty')
      .first()
      .waitFor({ timeout: 10_000 });
    // As above: End goes to the results once they are fetched (the slide comes after the room).
    // One press: the keys know the slides on screen as soon as they are there (before, they
    // learnt them in an effect after the paint, and this End went to the slide before).
    await projector.locator('main.projector[data-results]').waitFor({ timeout: 10_000 });
    await projector.keyboard.press('End');
    await results.waitFor({ timeout: 10_000 });
    expect(await results.locator('li').first().textContent()).toContain('Participation citoyenne');
    await projector.close();
  });

  it('a replaced link is refused at once, with the French message', async () => {
    const page = facilitator.page;
    await page.bringToFront();
    const oldLink = links['Rivière-du-Loup']!.edit;
    const row = page.locator(`tr[data-board-id="${links['Rivière-du-Loup']!.id}"]`);
    await row
      .locator('td[data-role="edit"]')
      .getByRole('button', { name: 'Remplacer le lien' })
      .click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(
      'L’ancien lien cessera de fonctionner immédiatement',
    );
    await dialog.getByRole('button', { name: 'Remplacer' }).click();
    await page.waitForFunction(
      new Function(
        `return document.querySelector('tr[data-board-id="${links['Rivière-du-Loup']!.id}"] input.link-url[data-role="edit"]')?.value !== ${JSON.stringify(oldLink)};`,
      ) as () => boolean,
    );
    // The open page is closed with 4403; a fresh visit with the old link is refused.
    await b.page.waitForFunction(() => window.__carton?.status() === 'closed', undefined, {
      timeout: 10_000,
    });
    await b.page
      .getByText('Ce lien ne donne plus accès à ce tableau.', { exact: false })
      .first()
      .waitFor({ timeout: 10_000 });
    // A late participant's visit: Émilie's laptop (a new tab) never opened Rivière-du-Loup.
    const late = await a.context.newPage();
    await late.goto(oldLink);
    await late
      .getByText('Ce lien n’ouvre plus ce tableau', { exact: false })
      .waitFor({ timeout: 10_000 });
    await late.close();
  });
});

// « Tout le monde vers moi » refused: the button did nothing (the answer dropped) and the
// facilitator, at the front of the room, did not know why nobody followed. The server answers
// a JSON error, here the name it does not take (F3, R24: what an older or stricter server says
// of a name this client cleans), and the kit says so in French.
import { describe, expect, it } from 'vitest';
import { createForum, openBoard, serverAndBrowser } from './fixtures';

describe('a refused spotlight', () => {
  const suite = serverAndBrowser();

  it('says why « Tout le monde vers moi » did not start, and starts on the next try', async () => {
    const created = await createForum(suite.server, { territories: ['Les Basques'] });
    const territory = created.boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      // A phone, its first visit: the kit grows by the refusal's row.
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'fr-CA',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Josée'));
    const page = await context.newPage();
    await openBoard(
      page,
      `${suite.server.url}/b/${territory.id}#token=${created.facilitator.token}`,
    );
    let refuse = true;
    await page.route('**/api/forums/*/spotlight', (route) =>
      refuse
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'invalid_request', message: 'by: must be plain visible text' },
            }),
          })
        : route.continue(),
    );
    const start = page.getByRole('button', { name: 'Tout le monde vers moi' });
    await start.click();
    const problem = page.locator('.forum-kit [role="alert"]');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.innerText()).toBe(
      '«\u00a0Tout le monde vers moi\u00a0» n’a pas démarré. Le serveur n’accepte pas votre nom tel qu’il est écrit sur cet appareil. Changez-le («\u00a0Changer de nom\u00a0», dans la liste des personnes), puis réessayez.',
    );
    expect(await start.getAttribute('aria-pressed')).toBe('false');
    // Over nothing: the hint, placed in the band under the kit, moves below its new row.
    await page.waitForFunction(
      () => {
        const said = document.querySelector('.forum-kit [role="alert"]')!.getBoundingClientRect();
        return [
          ...document.querySelectorAll('.help-hint, .editor > .people, .help-floating'),
        ].every((el) => {
          const r = el.getBoundingClientRect();
          return (
            r.top >= said.bottom ||
            r.bottom <= said.top ||
            r.left >= said.right ||
            r.right <= said.left
          );
        });
      },
      null,
      { timeout: 5_000 },
    );
    // Accepted the next time: the sentence goes, the button is on.
    refuse = false;
    await start.click();
    await page.getByRole('button', { name: 'Arrêter la diffusion' }).waitFor();
    expect(await problem.count()).toBe(0);
    await context.close();
  });
});

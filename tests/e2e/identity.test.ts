// No account: the display name is asked once per device and remembered; French by default,
// English on request.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { boardSuite, openBoard } from './fixtures';

describe('name and language', () => {
  const suite = boardSuite({ territory: 'Les Basques' });

  it('asks the name once, remembers it, and switches to English and back', async () => {
    const { page } = await newParticipant(suite.browser, null);
    await page.goto(suite.board.edit.url);
    const dialog = page.getByRole('heading', { name: /Comment voulez-vous qu’on vous appelle/u });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('\u202F?');
    await page.getByLabel('Votre nom').fill('Nathalie');
    await page.getByRole('button', { name: 'Entrer' }).click();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await page.getByText('Nathalie (vous)').waitFor();

    await openBoard(page, suite.board.edit.url);
    await page.reload();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.getByRole('heading', { name: /Comment voulez-vous/u }).count()).toBe(0);
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('connecté');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-testid="status"]', { hasText: 'connected' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Nathalie (you)').count()).toBe(1);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('[data-testid="status"]', { hasText: 'connecté' }).waitFor();
  });

  it('shows a view link at once, without asking a name (a tablet by the door)', async () => {
    const { page } = await newParticipant(suite.browser, null, {
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    await page.goto(suite.board.view.url);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => window.__carton!.role())).toBe('view');
    expect(await page.getByRole('heading', { name: /Comment voulez-vous/u }).count()).toBe(0);
    // Others see it under the default name; nothing is remembered for a later edit link. (A view
    // link's people list starts folded: open it to read the name.)
    await page.locator('.people-toggle').click();
    await page.getByText('Personne invitée (vous)').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('carton.name'))).toBeNull();
  });
});

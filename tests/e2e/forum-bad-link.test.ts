// A facilitator link that opens nothing, on the facilitator's phone: what to check and the way
// home, in plain French — « ne fonctionne pas » for a token of a token's length the server does
// not know; « incomplet » for one cut short or cut at « # » (a mail, a chat), never « ask the
// facilitator for the link » (they are the facilitator).
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server';
import { createForum, newPhone, serverAndBrowser, type CreatedForum } from './fixtures';

const suite = serverAndBrowser();

describe('a facilitator link that opens nothing', () => {
  let forum: CreatedForum;
  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska', 'Témiscouata'] });
  });

  it('a facilitator link that opens nothing says what to check and leads back home', async () => {
    const { context, page } = await newPhone(suite.browser, 'Sylvain');
    // A token of a token's length (43 characters) that opens nothing: a shorter one was cut
    // while copied, and says so (below).
    const wrong = 'un-lien-mal-copie-'.padEnd(43, '0');
    await page.goto(`${suite.server.url}/f/${forum.forum.id}#token=${wrong}`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('ne fonctionne pas');
    expect(text).toContain('copié en entier');
    await page.screenshot({ path: `${REPO_ROOT}test-results/screenshots/forum-day-bad-link.png` });
    await alert.getByRole('link', { name: 'Retour à l’accueil de Carton' }).click();
    await page.getByRole('button', { name: 'Créer le forum' }).waitFor();
    // Cut at « # » (a mail, a chat), or within the token: the facilitator is not told to ask
    // the facilitator.
    await page.goto(
      `${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token.slice(0, 30)}`,
    );
    await page.getByRole('alert').getByText('Ce lien d’animation est incomplet').waitFor();
    await page.goto(`${suite.server.url}/f/${forum.forum.id}`);
    const cut = page.getByRole('alert');
    await cut.waitFor({ timeout: 15_000 });
    expect(await cut.textContent()).toContain('Ce lien d’animation est incomplet');
    expect(await cut.textContent()).not.toContain('demandez le lien complet à l’animation');
    await context.close();
  });
});

// Version history from the facilitator's page: keep a named version, let participants change
// the board, preview the version read-only and restore it: both boards show its content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Shape } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import {
  addNote,
  createForum,
  openBoard,
  shapes,
  territoryBoard,
  toScreen,
  waitForShapes,
} from './fixtures';

const SHOTS = 'test-results/screenshots';

/** The texts of the notes written (the board's template has empty ones). */
const notes = (list: Shape[]) =>
  list
    .map((s) => (s.type === 'note' ? s.text : ''))
    .filter((text) => text !== '')
    .sort();

const hasNotes = (texts: string[]) =>
  `(s) => { const t = s.map((x) => x.type === 'note' ? x.text : '').filter((x) => x !== '').sort();` +
  ` return JSON.stringify(t) === ${JSON.stringify(JSON.stringify([...texts].sort()))}; }`;

describe('version history', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let participant: Participant;
  let boardId: string;
  let facilitatorToken: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // From the seed's templates, as a forum day starts.
    const forum = await createForum(server, { territories: ['La Mitis'] });
    const board = territoryBoard(forum);
    boardId = board.id;
    facilitatorToken = forum.facilitator.token;
    facilitator = await newParticipant(browser, 'Animation');
    participant = await newParticipant(browser, 'Julie');
    await openBoard(
      facilitator.page,
      `${server.url}/b/${board.id}#token=${encodeURIComponent(forum.facilitator.token)}`,
    );
    await openBoard(participant.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('only the facilitator sees « Versions »', async () => {
    expect(await facilitator.page.evaluate(() => window.__carton!.role())).toBe('facilitator');
    await facilitator.page.getByRole('button', { name: 'Versions' }).waitFor();
    expect(await participant.page.getByRole('button', { name: 'Versions' }).count()).toBe(0);
  });

  it('saves a named version, previews it read-only and restores it for everyone', async () => {
    const f = facilitator.page;
    const p = participant.page;
    await p.bringToFront();
    await addNote(p, 420, 320, 'Transport collectif');
    await waitForShapes(f, hasNotes(['Transport collectif']));

    // The facilitator keeps a named version.
    await f.bringToFront();
    await f.getByRole('button', { name: 'Versions' }).click();
    await f.getByLabel('Nom de la nouvelle version').fill('Avant la plénière');
    await f.getByRole('button', { name: 'Enregistrer la version' }).click();
    const named = f.locator('[data-testid="history-item"]', { hasText: 'Avant la plénière' });
    await named.waitFor();
    expect(await named.textContent()).toContain('nommée');
    await f.getByText('Version « Avant la plénière » enregistrée.').waitFor();

    // Participants change the board: a new note, the first one rewritten.
    await p.bringToFront();
    await addNote(p, 700, 320, 'Logement abordable');
    const first = (await shapes(p)).find(
      (s) => s.type === 'note' && s.text === 'Transport collectif',
    )!;
    const centre = await toScreen(p, first.x + 100, first.y + 100);
    await p.mouse.dblclick(centre.x, centre.y);
    await p.locator('textarea.text-editor').waitFor();
    await p.keyboard.press('Control+a');
    await p.keyboard.type('Autre chose');
    await p.keyboard.press('Escape');
    await waitForShapes(f, hasNotes(['Autre chose', 'Logement abordable']));

    // Preview: drawn read-only with the version's shapes.
    await f.bringToFront();
    await named.getByRole('button', { name: 'Aperçu' }).click();
    const preview = f.locator('[data-testid="version-preview"]');
    await preview.waitFor();
    await f.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="version-preview"]')?.getAttribute('data-shapes'),
        ) > 0,
    );
    await f.getByText('Lecture seule').waitFor();
    await f.screenshot({ path: `${SHOTS}/history-preview.png` });
    // The live board did not change by previewing.
    expect(notes(await shapes(f))).toEqual(['Autre chose', 'Logement abordable']);

    // Restore, after a confirmation that says what happens.
    await f.getByRole('button', { name: 'Restaurer cette version' }).click();
    const dialog = f.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Avant la restauration');
    await f.screenshot({ path: `${SHOTS}/history-confirm.png` });
    await f.getByRole('button', { name: 'Oui, restaurer' }).click();
    await f.getByText('Version restaurée pour tout le monde.').waitFor();

    // Both boards show the version's content.
    await waitForShapes(f, hasNotes(['Transport collectif']));
    await waitForShapes(p, hasNotes(['Transport collectif']));
    expect(notes(await shapes(p))).toEqual(['Transport collectif']);

    // The board as it was before is kept as a version.
    await f.locator('[data-testid="history-item"]', { hasText: 'Avant la restauration' }).waitFor();
    await f.screenshot({ path: `${SHOTS}/history-restored.png` });
  });

  it('« Versions » and « Contenu » open one at a time (they share the top right)', async () => {
    const f = facilitator.page;
    await f.bringToFront();
    const versions = f.locator('[data-testid="history-panel"]');
    const outline = f.locator('.outline-panel');
    if (!(await versions.isVisible())) await f.getByRole('button', { name: 'Versions' }).click();
    await versions.waitFor();
    await f.getByRole('button', { name: 'Contenu' }).click();
    await outline.waitFor();
    await versions.waitFor({ state: 'detached' });
    await f.getByRole('button', { name: 'Versions' }).click();
    await versions.waitFor();
    await outline.waitFor({ state: 'detached' });
    expect(await outline.count()).toBe(0);
  });

  it('R27: past the board’s named versions, « Enregistrer la version » says why in French', async () => {
    const f = facilitator.page;
    await f.bringToFront();
    const list = await fetch(`${server.url}/api/boards/${boardId}/snapshots`, {
      headers: { Authorization: `Bearer ${facilitatorToken}` },
    });
    const { snapshots } = (await list.json()) as { snapshots: { kind: string }[] };
    // The panel open before the versions below are kept elsewhere (another tab, a script).
    const panel = f.locator('[data-testid="history-panel"]');
    if (!(await panel.isVisible())) await f.getByRole('button', { name: 'Versions' }).click();
    await panel.waitFor();
    await f.locator('[data-testid="history-item"]').first().waitFor();
    const named = snapshots.filter((s) => s.kind === 'named').length;
    // A script with the facilitator link keeps versions up to the limit (R27: 200).
    for (let i = named; i < 200; i++) {
      const kept = await fetch(`${server.url}/api/boards/${boardId}/snapshots`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${facilitatorToken}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ name: `Étape ${i}` }),
      });
      expect(kept.status).toBe(201);
    }
    expect(await panel.getByText('Étape 199', { exact: true }).count()).toBe(0);
    await f.getByLabel('Nom de la nouvelle version').fill('Après la plénière');
    await f.getByRole('button', { name: 'Enregistrer la version' }).click();
    const problem = f.locator('.history-problem[role="alert"]');
    await problem.waitFor();
    expect(await problem.innerText()).toBe(
      'Ce tableau garde déjà le nombre maximal de versions nommées\u00a0: celle-ci n’a pas été enregistrée. Les versions automatiques continuent d’être gardées.',
    );
    // The refusal brings the list up to date: the versions kept meanwhile are in it, so the
    // facilitator sees what fills the board's maximum (it stayed as it was when opened).
    await panel.getByText('Étape 199', { exact: true }).waitFor({ timeout: 10_000 });
    await f.screenshot({ path: `${SHOTS}/history-too-many-versions.png` });
  }, 60_000);

  it('a refused restore (the version pruned meanwhile) brings the list up to date', async () => {
    const f = facilitator.page;
    await f.bringToFront();
    const auth = { Authorization: `Bearer ${facilitatorToken}` };
    const versions = async () => {
      const list = await fetch(`${server.url}/api/boards/${boardId}/snapshots`, { headers: auth });
      return ((await list.json()) as { snapshots: { id: number; kind: string }[] }).snapshots;
    };
    const restore = (id: number) =>
      fetch(`${server.url}/api/boards/${boardId}/snapshots/${id}/restore`, {
        method: 'POST',
        headers: auth,
      });
    let named = (await versions()).find((s) => s.kind === 'named');
    if (!named) {
      const kept = await fetch(`${server.url}/api/boards/${boardId}/snapshots`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Avant la plénière' }),
      });
      named = ((await kept.json()) as { snapshot: { id: number; kind: string } }).snapshot;
    }
    // An automatic version (« Avant la restauration… »), then the panel opened on it.
    expect((await restore(named.id)).status).toBe(200);
    const oldest = (await versions()).find((s) => s.kind === 'auto')!;
    const panel = f.locator('[data-testid="history-panel"]');
    if (await panel.isVisible()) await panel.getByRole('button', { name: 'Fermer' }).click();
    await panel.waitFor({ state: 'detached' });
    await f.getByRole('button', { name: 'Versions' }).click();
    const row = (id: number) => panel.locator(`[data-testid="history-item"][data-version="${id}"]`);
    await row(oldest.id).waitFor();
    // Meanwhile a script (or another tab) restores 50 times: each keeps the board as it was as
    // an automatic version, and the board keeps 50 of them, so the oldest one is gone.
    for (let i = 0; i < 50; i++) expect((await restore(named.id)).status).toBe(200);
    const now = await versions();
    expect(now.some((s) => s.id === oldest.id)).toBe(false);
    const newest = now[now.length - 1]!;
    expect(await row(newest.id).count()).toBe(0);
    // The facilitator restores the version the panel still lists: refused, said in French.
    await row(oldest.id).getByRole('button', { name: 'Restaurer' }).click();
    await f.getByRole('button', { name: 'Oui, restaurer' }).click();
    const problem = f.locator('.history-problem[role="alert"]');
    await problem.waitFor();
    // The refusal brings the list up to date: the pruned version is gone, the newest is there
    // (the list stayed as it was when the panel opened).
    await row(newest.id).waitFor({ timeout: 10_000 });
    expect(await row(oldest.id).count()).toBe(0);
    await f.screenshot({ path: `${SHOTS}/history-restore-refused.png` });
  }, 60_000);
});

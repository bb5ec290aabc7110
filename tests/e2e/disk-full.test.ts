// The server's disk fills up during the forum (server SPEC R69): the board tells the person in
// plain French that the server cannot store, that their changes are kept on this device and
// will be sent; once space is back the notice goes and the note is stored, with no reload. The
// facilitator page says the server cannot store, not that its connection is lost.
// Needs a tmpfs for the data directory (root: CI and the dev machine).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mountSmallDisk } from '../support/small-disk';
import { addNote, boardSuite, createForum } from './fixtures';

const disk = mountSmallDisk();
const mounted = 'dir' in disk ? disk : null;
if (mounted === null) {
  console.warn(
    `disk-full: skipped, a tmpfs cannot be mounted here (${'reason' in disk ? disk.reason : ''})`,
  );
} else {
  mkdirSync(join(mounted.dir, 'data'));
}

describe.runIf(mounted !== null)('a full disk on the server (R69)', () => {
  const suite = boardSuite({
    territory: 'Les Basques',
    participants: { a: 'Émilie' },
    server: { dataDir: join(mounted?.dir ?? '', 'data') },
  });
  // Runs before the suite's own teardown: the server leaves the disk first.
  afterAll(async () => {
    await suite.server.dispose();
    mounted?.unmount();
  });

  it('says « Le serveur n’arrive plus à enregistrer », keeps the note, and stores it once space is back', async () => {
    const page = suite.a.page;
    mounted!.fill();
    const notice = page.locator('[data-testid="storage-trouble"]');
    // A full disk still takes the writes that fit in the WAL's already written pages (SQLite
    // reuses them after a checkpoint), and a busy machine batches a note's keystrokes into few
    // of them: the person goes on writing notes until one is refused.
    for (let n = 0; n < 12 && !(await notice.isVisible()); n++) {
      await addNote(
        page,
        380 + (n % 4) * 90,
        300 + Math.floor(n / 4) * 90,
        `Mobilisation des partenaires ${n + 1}`,
      );
      await notice.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain(
      'Le serveur n’arrive plus à enregistrer. Vos changements sont gardés sur cet appareil et seront envoyés dès que possible.',
    );
    expect(await page.locator('[data-testid="status"]').textContent()).toContain(
      'changements gardés sur cet appareil',
    );

    mounted!.free();
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    const response = await fetch(`${suite.server.url}/api/boards/${suite.board.id}/export.json`, {
      headers: { Authorization: `Bearer ${suite.board.edit.token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Mobilisation des partenaires');
  });

  it('the facilitator page says « Le serveur n’arrive plus à enregistrer. », not « connexion perdue »', async () => {
    const server = suite.server;
    const forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const timer = (durationMs: number) =>
      fetch(`${server.url}/api/forums/${forum.forum.id}/timer`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ action: 'start', durationMs }),
      });
    // A tab of the laptop above, the forum page's size (a context less to create, ~1 s).
    const page = await suite.a.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      expect((await timer(600_000)).status).toBe(200);
      // The running timer shown: the page's forum room is synced.
      await page
        .locator('.forum-header [data-testid="forum-timer"][data-state="running"]')
        .waitFor();
      mounted!.fill();
      // The WAL may take a few more changes before the disk refuses one.
      let status = 200;
      for (let n = 1; n <= 60 && status === 200; n++) status = (await timer(600_000 - n)).status;
      expect(status).toBe(503);
      const banner = page.locator('.forum-connection');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.getAttribute('data-connection')).toBe('storage');
      const said = (await banner.textContent()) ?? '';
      expect(said).toContain('Le serveur n’arrive plus à enregistrer.');
      expect(said).toContain('n’est pas enregistré pour l’instant');
      expect(said).not.toContain('Connexion au serveur perdue');
      mounted!.free();
      await banner.waitFor({ state: 'detached', timeout: 30_000 });
    } finally {
      await page.close();
    }
  });
});

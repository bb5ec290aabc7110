// The server's disk fills up during the forum (server SPEC R69): the board tells the person in
// plain French that the server cannot store, that their changes are kept on this device and
// will be sent; once space is back the notice goes and the note is stored, with no reload.
// Needs a tmpfs for the data directory (root: CI and the dev machine).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mountSmallDisk } from '../support/small-disk';
import { addNote, boardSuite } from './fixtures';

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
    await addNote(page, 500, 400, 'Mobilisation des partenaires');
    const notice = page.locator('[data-testid="storage-trouble"]');
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
});

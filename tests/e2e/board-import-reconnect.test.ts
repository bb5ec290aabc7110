// A board file import whose socket drops and comes back while its parts are being written (venue
// wifi) still reaches the other participants whole. The parts are kept from the server until the
// last one (board/outgoingHold.ts), but a reconnect's resync answers the server's sync step 1
// with everything the server lacks: before, that sent the parts written so far, and the others
// saw half the file (and kept it, had the import then failed). Now that step 1 is answered once
// the import is written, with all of it in one message.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { notesFile } from './boardFileNotes';
import { boardSuite, shapes, waitForShapes } from './fixtures';
import { connectSeedClient } from './seed';

const NOTES = 2_000;
const PIERRE = 'Écrite pendant l’import';

interface SocketLog {
  /** Per socket the page opened, its shape count when the server's sync step 1 came. */
  cartonStep1Counts: (number | null)[];
  /** The page's shape count after each document update (or step 2) it applied. */
  cartonCountsApplied: number[];
}

/** Installed before the page loads: what the page's sockets receive, with its shape count. */
function logSockets(): void {
  const log = window as unknown as SocketLog;
  log.cartonStep1Counts = [];
  log.cartonCountsApplied = [];
  const count = () => window.__carton?.shapes().length ?? 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const socket = log.cartonStep1Counts.push(null) - 1;
      // Before the provider reads it: a step 1 changes nothing of the board anyway.
      this.addEventListener('message', (event: MessageEvent) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const bytes = new Uint8Array(event.data);
        if (bytes[0] === 0 && bytes[1] === 0 && log.cartonStep1Counts[socket] === null) {
          log.cartonStep1Counts[socket] = count();
        }
      });
    }

    // The provider's own handler (y-websocket sets onmessage): the count read just after it
    // applied the message, so every state the page went through is seen.
    override set onmessage(handler: ((event: MessageEvent) => void) | null) {
      super.onmessage = handler
        ? (event: MessageEvent) => {
            handler(event);
            if (!(event.data instanceof ArrayBuffer)) return;
            const bytes = new Uint8Array(event.data);
            if (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2)) {
              log.cartonCountsApplied.push(count());
            }
          }
        : null;
    }

    override get onmessage(): ((event: MessageEvent) => void) | null {
      return super.onmessage as ((event: MessageEvent) => void) | null;
    }
  };
}

const suite = boardSuite({
  territory: 'Kamouraska',
  participants: { importer: 'Émilie', other: 'Pierre' },
});

/** Chooses the notes file in « Exporter / Importer », then waits for its first parts. */
async function startImport(page: Page, before: number): Promise<void> {
  await page.getByRole('button', { name: 'Exporter / Importer' }).click();
  await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor();
  await page.getByLabel('Fichier Carton (.json)').setInputFiles({
    name: 'conditions.json',
    mimeType: 'application/json',
    buffer: notesFile(NOTES),
  });
  await page.waitForFunction((n) => (window.__carton?.shapes().length ?? 0) > n, before, {
    polling: 'raf',
    timeout: 60_000,
  });
}

function importDone(page: Page): Promise<void> {
  return page
    .getByRole('status')
    .filter({ hasText: 'formes ajoutées au tableau.' })
    .waitFor({ timeout: 60_000 });
}

describe('a board file import while the socket reconnects', () => {
  it('never shows the other participant part of the notes, and they all arrive', async () => {
    const { importer, other } = suite;
    for (const { page } of [importer, other]) {
      await page.addInitScript(logSockets);
      await page.reload();
      await page.waitForFunction(() => window.__carton?.status() === 'connected');
    }
    const page = importer.page;
    await page.bringToFront();
    const before = (await shapes(page)).length;
    await waitForShapes(other.page, `(s) => s.length === ${before}`);
    const after = before + NOTES;

    // The first parts are on the importer's board: the wifi drops and comes back.
    await startImport(page, before);
    await importer.context.setOffline(true);
    await importer.context.setOffline(false);
    await importDone(page);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });

    // The case itself: the new socket's step 1 came while the import was part-way.
    const step1Counts = await page.evaluate(
      () => (window as unknown as SocketLog).cartonStep1Counts,
    );
    expect(step1Counts.length).toBeGreaterThan(1);
    const resync = step1Counts.at(-1)!;
    expect(resync).toBeGreaterThan(before);
    expect(resync).toBeLessThan(after);

    // The other participant: all the notes, and never a count between.
    await waitForShapes(other.page, `(s) => s.length === ${after}`, 60_000);
    const applied = await other.page.evaluate(
      () => (window as unknown as SocketLog).cartonCountsApplied,
    );
    expect(applied.filter((n) => n !== before && n !== after)).toEqual([]);
    expect(applied.at(-1)).toBe(after);
  });

  it('shows a note another participant writes meanwhile at once, not with the import', async () => {
    const { importer } = suite;
    const page = importer.page;
    await page.bringToFront();
    await page.keyboard.press('Escape'); // the last import's dialog
    await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor({ state: 'hidden' });
    const before = (await shapes(page)).length;
    const pierre = await connectSeedClient(
      suite.server.syncUrl,
      suite.board.id,
      suite.board.edit.token,
    );
    try {
      // From now on, at every turn of the page's event loop: the count when Pierre's note is seen.
      await page.evaluate((text) => {
        const state = window as unknown as { cartonSeenAt: number | null };
        state.cartonSeenAt = null;
        const look = () => {
          const all = window.__carton?.shapes() ?? [];
          if (all.some((s) => 'text' in s && s.text === text)) state.cartonSeenAt = all.length;
          else setTimeout(look, 0);
        };
        look();
      }, PIERRE);
      await startImport(page, before);
      pierre.board.run(
        (tx) => tx.create('note', { x: 0, y: -400, text: PIERRE }),
        localOrigin('user:pierre'),
      );
      await importDone(page);
      await waitForShapes(page, `(s) => s.length === ${before + NOTES + 1}`);
      // The importer showed Pierre's note while its own notes were part-way written.
      const seenAt = await page.evaluate(
        () => (window as unknown as { cartonSeenAt: number | null }).cartonSeenAt,
      );
      expect(seenAt).toBeGreaterThan(before + 1);
      expect(seenAt).toBeLessThan(before + NOTES + 1);
    } finally {
      pierre.close();
    }
  });
});

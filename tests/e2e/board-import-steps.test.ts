// A large Carton board file imported into a live board no longer holds the importer's page in one
// long task (5,000 notes: ~0.5 s, the canvas and the others' changes frozen; longer on a phone).
// The file is read and checked in a Web Worker, and its shapes are written a part at a time with
// pauses between, yet it stays one import for everyone: the other participant receives it as ONE
// update (never half a board), and Ctrl+Z takes all of it back in one step.
// What is checked is the shape of the work, not its duration (timings: bench/import/client.mjs):
// a worker starts; the importer's board passes through counts between before and after (other
// tasks ran between the parts); the other page gets the notes in one message.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { notesFile } from './boardFileNotes';
import { boardSuite, shapes, waitForShapes } from './fixtures';

const NOTES = 1_500;

/**
 * Installed before the page loads: the document updates the page's socket receives (message type
 * sync, then update or step 2), by size, so a test can count the messages an import came in.
 */
function countSyncMessages(): void {
  const received: number[] = [];
  (window as unknown as { cartonSyncMessages: number[] }).cartonSyncMessages = received;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const bytes = new Uint8Array(event.data);
        if (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2)) received.push(bytes.byteLength);
      });
    }
  };
}

/** From now on, the importer's shape count at every turn of its event loop, until stopped. */
function watchCounts(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: number[] = [];
    const state = window as unknown as { cartonCounts: number[]; cartonWatching: boolean };
    state.cartonCounts = seen;
    state.cartonWatching = true;
    const look = () => {
      const count = window.__carton?.shapes().length ?? 0;
      if (seen.at(-1) !== count) seen.push(count);
      if (state.cartonWatching) setTimeout(look, 0);
    };
    look();
  });
}

function stopWatching(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = window as unknown as { cartonCounts: number[]; cartonWatching: boolean };
    state.cartonWatching = false;
    return state.cartonCounts;
  });
}

const suite = boardSuite({
  territory: 'Témiscouata',
  participants: { importer: 'Émilie', other: 'Pierre' },
});

describe('a large board file imported into a live board', () => {
  it('is read in a worker and written in parts; the other page gets it whole; Ctrl+Z takes it back', async () => {
    const { importer, other } = suite;
    await other.page.addInitScript(countSyncMessages);
    await other.page.reload();
    await other.page.waitForFunction(() => window.__carton?.status() === 'connected');
    const page = importer.page;
    await page.bringToFront();
    const before = (await shapes(page)).length;
    await waitForShapes(other.page, `(s) => s.length === ${before}`);
    const messagesBefore = await other.page.evaluate(
      () => (window as unknown as { cartonSyncMessages: number[] }).cartonSyncMessages.length,
    );

    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor();
    await watchCounts(page);
    await page.getByLabel('Fichier Carton (.json)').setInputFiles({
      name: 'conditions.json',
      mimeType: 'application/json',
      buffer: notesFile(NOTES),
    });
    await page
      .getByRole('status')
      .filter({ hasText: 'formes ajoutées au tableau.' })
      .waitFor({ timeout: 60_000 });
    const counts = await stopWatching(page);

    // Read and checked off the page's main thread.
    expect(workers.some((url) => url.includes('boardFile.worker'))).toBe(true);
    // Written in parts: the page's other tasks ran between them and saw the board part-way.
    expect(counts[0]).toBe(before);
    expect(counts.at(-1)).toBe(before + NOTES);
    expect(counts.filter((n) => n > before && n < before + NOTES).length).toBeGreaterThan(0);

    // The other participant: all the notes, in one message, never part of them.
    await waitForShapes(other.page, `(s) => s.length === ${before + NOTES}`, 60_000);
    const messages = await other.page.evaluate(
      () => (window as unknown as { cartonSyncMessages: number[] }).cartonSyncMessages,
    );
    const large = messages.slice(messagesBefore).filter((size) => size > 50_000);
    expect(large).toHaveLength(1);

    // One undo step takes the whole file back, here and there.
    await page.keyboard.press('Escape');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+z');
    await waitForShapes(page, `(s) => s.length === ${before}`);
    await waitForShapes(other.page, `(s) => s.length === ${before}`, 30_000);
  });
});

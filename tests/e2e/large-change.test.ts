// One change too large to send live (a paste of many long notes, over CARTON_MAX_UPDATE_BYTES,
// R28): the server closes with 4413 and the page keeps it. It used to say only « trop gros »
// with no way on: every later change stayed on the device, a reload was refused again, and the
// other participants never saw any of it. Now the page says the change is kept and offers
// « Reconnecter », and reconnecting sends it with the catch-up (a sync step 2, whose limit is
// larger): the other participant gets every note, and the page is « connecté » again.
import { describe, expect, it } from 'vitest';
import { boardSuite, shapes, waitForShapes } from './fixtures';

const suite = boardSuite({
  // A live update past 16 KiB is refused; the catch-up keeps its default (8 MiB).
  server: { env: { CARTON_MAX_UPDATE_BYTES: '16384' } },
  territory: 'Témiscouata',
  participants: { a: 'Émilie', b: 'Pierre' },
});

describe('a change too large to send live', () => {
  it('is kept, « Reconnecter » sends it, and the other participant gets all of it', async () => {
    const page = suite.a.page;
    await page.bringToFront();
    const before = (await shapes(page)).length;
    // 60 long notes (~30 KB), pasted from Carton's clipboard format.
    await page.evaluate(() => {
      const text =
        'Logement social et abordable, transport collectif, sécurité alimentaire. '.repeat(5);
      const notes = Array.from({ length: 60 }, (_, i) => ({
        id: `shape:colle${String(i).padStart(17, '0')}`,
        type: 'note',
        x: (i % 10) * 220,
        y: 900 + Math.floor(i / 10) * 220,
        w: 200,
        h: 200,
        rotation: 0,
        index: `a${i}`,
        parentId: null,
        createdBy: 'user:test',
        text: `${i + 1}. ${text}`,
        color: 'yellow',
      }));
      const data = new DataTransfer();
      data.setData(
        'text/plain',
        JSON.stringify({ format: 'carton-clipboard', version: 1, shapes: notes }),
      );
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await waitForShapes(page, `(s) => s.length === ${before + 60}`);
    // Closed for its size: said, kept, and a way on.
    const banner = page.getByRole('alert').filter({ hasText: 'trop gros' });
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('gardé sur cet appareil');
    await banner.getByRole('button', { name: 'Reconnecter' }).click();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await waitForShapes(suite.b.page, `(s) => s.length === ${before + 60}`, 20_000);
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 30_000 });
  });
});

// The status says when the server is gone, the page reconnects by itself, and work done
// offline reaches the others afterwards.
import { describe, expect, it } from 'vitest';
import { boardSuite, waitForShapes } from './fixtures';

describe('connection status and reconnection', () => {
  const suite = boardSuite({
    territory: 'La Matapédia',
    participants: { a: 'Émilie', b: 'Pierre' },
  });

  it('shows « hors ligne », reconnects, and syncs a note made offline', async () => {
    await suite.server.kill('SIGTERM');
    await suite.a.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    expect(await suite.a.page.locator('[data-testid="status"]').textContent()).toContain(
      'hors ligne',
    );

    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('n');
    await suite.a.page.mouse.click(500, 400);
    await waitForShapes(suite.a.page, '(s) => s.length === 1');

    await suite.server.restart();
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await suite.b.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    const seen = await waitForShapes(suite.b.page, '(s) => s.length === 1', 20_000);
    expect(seen[0]?.type).toBe('note');
  });
});

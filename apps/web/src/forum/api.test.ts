import { describe, expect, it, vi } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { downloadError, measureClockOffsetEarly, takeClockOffset } from './api';
import { forumErrorText } from './errorText';

// The forum archive's download (a Bearer fetch, not apiRequest) threw away the server's JSON
// error: a 413 archive_too_large read as « erreur 413 », with nothing the facilitator could do.
describe('a refused download', () => {
  it('keeps the server’s code, so archive_too_large says what to do instead', async () => {
    const error = await downloadError(
      new Response(
        JSON.stringify({
          error: {
            code: 'archive_too_large',
            message: 'The forum is larger than an archive Carton can import.',
          },
        }),
        { status: 413, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    expect(error.status).toBe(413);
    expect(error.code).toBe('archive_too_large');
    const fr = await testTranslator('fr-CA');
    const text = forumErrorText(error, fr);
    expect(text).toContain('Ce forum est trop volumineux');
    expect(text).toContain('«\u00a0Exporter / Importer\u00a0»');
  });

  it('a page that is not JSON (a proxy’s) keeps its status', async () => {
    const error = await downloadError(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error.code).toBe('download_failed');
    expect(error.status).toBe(502);
    const fr = await testTranslator('fr-CA');
    expect(forumErrorText(error, fr)).toBe(
      'Le serveur a eu un problème. Réessayez dans un instant.',
    );
  });
});

describe('the server’s clock, asked for as a board link’s page starts', () => {
  it('is taken once by the forum room, counted from when its answer came', async () => {
    vi.useFakeTimers({ now: 1_000 });
    try {
      const asked: number[] = [];
      const fetchTime = () => {
        asked.push(Date.now());
        return Promise.resolve({ now: 6_000 });
      };
      const early = measureClockOffsetEarly(fetchTime);
      measureClockOffsetEarly(fetchTime); // asked once
      await early;
      // The editor's code arrives 2 s later: the room reads the answer, not its own clock now.
      vi.setSystemTime(3_000);
      await expect(takeClockOffset(fetchTime)).resolves.toBe(5_000);
      expect(asked).toEqual([1_000]);
      // A later room (the clock may have changed since) asks again.
      await expect(takeClockOffset(fetchTime)).resolves.toBe(3_000);
      expect(asked).toEqual([1_000, 3_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});

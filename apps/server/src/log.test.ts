import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log.ts';

describe('log', () => {
  it('R20: redacts tokens in URLs, fragments and bearer headers', () => {
    expect(redact('/sync/abc?token=SECRET123&x=1')).toBe('/sync/abc?token=[redacted]&x=1');
    expect(redact('http://h/b/abc#token=SECRET')).toBe('http://h/b/abc#token=[redacted]');
    expect(redact('Bearer SECRET.abc')).toBe('Bearer [redacted]');
  });

  it('R20: redacts a token standing anywhere (typed where the board id goes), not ids', () => {
    const token = 'P5tOTl7AtBgEdvjSVxt9vvxD1rezNcj_F660D9-OcKk'; // R21: 43 base64url characters
    expect(redact(token)).toBe('[redacted]');
    expect(redact(`/sync/${token}`)).toBe('/sync/[redacted]');
    expect(redact(`forum:${token}`)).toBe('forum:[redacted]');
    // Board and forum ids (16 characters), blob ids (64 hex) and longer words stay.
    const blobId = 'f17e94df4c707be3a6026f714a3be63bcb828f102f26e4267b8ccaf4f8e8c759';
    for (const kept of ['3HPI6gKT56ucLCEC', blobId, `${token}x`, `forum:3HPI6gKT56ucLCEC`])
      expect(redact(kept)).toBe(kept);
  });

  it('writes one JSON object per line, below-level lines skipped, strings redacted', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line)).child({ part: 'test' });
    log.debug('hidden');
    log.warn('upgrade_refused', { url: '/sync/b?token=SECRET' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ level: 'warn', event: 'upgrade_refused', part: 'test' });
    expect(lines[0]).not.toContain('SECRET');
  });
});

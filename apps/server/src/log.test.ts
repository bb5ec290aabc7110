import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log.ts';

describe('log', () => {
  it('R20: redacts tokens in URLs, fragments and bearer headers', () => {
    expect(redact('/sync/abc?token=SECRET123&x=1')).toBe('/sync/abc?token=[redacted]&x=1');
    expect(redact('http://h/b/abc#token=SECRET')).toBe('http://h/b/abc#token=[redacted]');
    expect(redact('Bearer SECRET.abc')).toBe('Bearer [redacted]');
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

import { describe, expect, it } from 'vitest';
import { formatLocale, initialLanguage, spokenLanguage } from './language';

describe('initialLanguage', () => {
  it('keeps the language chosen on this device over the browser’s', () => {
    expect(initialLanguage('fr-CA', ['en-CA', 'en'])).toBe('fr-CA');
    expect(initialLanguage('en', ['fr-CA'])).toBe('en');
  });

  it('follows the browser on a first visit', () => {
    expect(initialLanguage(null, ['en-CA', 'en'])).toBe('en');
    expect(initialLanguage(null, ['en-US'])).toBe('en');
    expect(initialLanguage(null, ['fr-FR', 'en'])).toBe('fr-CA');
    // The first language Carton speaks wins, even when it is not the first one listed.
    expect(initialLanguage(null, ['es-MX', 'en-US', 'fr'])).toBe('en');
  });

  it('falls back to French', () => {
    expect(initialLanguage(null, [])).toBe('fr-CA');
    expect(initialLanguage(null, ['de-DE', 'es'])).toBe('fr-CA');
    expect(initialLanguage('de', ['ja'])).toBe('fr-CA');
  });
});

describe('spokenLanguage', () => {
  it('reads the primary subtag only', () => {
    expect(spokenLanguage('FR_ca')).toBe('fr-CA');
    expect(spokenLanguage('en-GB')).toBe('en');
    expect(spokenLanguage('frr')).toBeNull();
  });
});

describe('formatLocale', () => {
  it('writes English dates the Canadian way', () => {
    expect(formatLocale('en')).toBe('en-CA');
    expect(formatLocale('fr-CA')).toBe('fr-CA');
    const at = Date.UTC(2026, 10, 27, 15, 5);
    const time = new Intl.DateTimeFormat(formatLocale('en'), {
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(at);
    expect(time).toMatch(/p\.m\./);
  });
});

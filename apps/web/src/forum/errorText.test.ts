import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../board/api';
import frCA from '../i18n/fr-CA.json';
import en from '../i18n/en.json';
import { forumErrorText, type Translate } from './errorText';

async function translator(lng: 'fr-CA' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { 'fr-CA': { translation: frCA }, en: { translation: en } },
    interpolation: { escapeValue: false },
    // A missing key must show, not fall back to the other language.
    fallbackLng: false,
  });
  return (key, values) => instance.t(key, values ?? {});
}

// What the facilitator page met on a dropped wifi or a refused call: the browser's and the
// server's English messages were shown as they came (« Failed to fetch »).
const FAILURES: unknown[] = [
  new ApiError(0, 'network', 'Failed to fetch'),
  new TypeError('Failed to fetch'),
  new ApiError(403, 'forbidden', 'This token cannot do that.'),
  new ApiError(404, 'forum_not_found', 'No such forum.'),
  new ApiError(429, 'too_many_requests', 'Too many forums created from this address.'),
  new ApiError(503, 'unavailable', 'Service Unavailable'),
  new ApiError(400, 'invalid_body', 'Expected number, received string'),
];

describe('forum action errors', () => {
  it('are plain French, never the browser’s or the server’s English', async () => {
    const fr = await translator('fr-CA');
    const texts = FAILURES.map((e) => forumErrorText(e, fr));
    for (const text of texts) {
      expect(text).not.toMatch(/fetch|token|forum_not_found|Service|Expected|Too many|^forum\./);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(texts[0]).toContain('réessayez');
    expect(texts[2]).toContain('lien d’animation');
    expect(texts[6]).toContain('400');
    // Each kind of failure says something different.
    expect(new Set(texts.slice(2)).size).toBe(5);
  });

  it('have their English text too', async () => {
    const english = await translator('en');
    for (const e of FAILURES) expect(forumErrorText(e, english)).not.toMatch(/^forum\./);
    expect(forumErrorText(FAILURES[0], english)).toContain('try again');
  });
});

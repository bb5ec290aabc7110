// Which language a page opens in: the one the person chose on this device, else the first of
// the browser's languages Carton speaks (an anglophone's phone opens in English on the first
// visit), else French — the forums are held in French.
export const LANGUAGES = ['fr-CA', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr-CA';

export function isLanguage(value: unknown): value is Language {
  return value === 'fr-CA' || value === 'en';
}

/** `fr`, `fr-FR`, `fr-CA` → fr-CA; `en`, `en-US` → en; anything else → null. */
export function spokenLanguage(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'fr') return 'fr-CA';
  if (primary === 'en') return 'en';
  return null;
}

export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const language = spokenLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** The locale dates and numbers are written in: Canadian English, not American. */
export function formatLocale(language: string): string {
  return language === 'en' ? 'en-CA' : language;
}

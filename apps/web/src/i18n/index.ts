// i18next setup: French (fr-CA) first, English second. The choice is remembered on the device,
// shared by every Carton page and tab; before any choice the browser's language is followed.
// Only French, the forums' language and every key's fallback, comes with the page's first
// scripts; English is fetched when a page is shown in English (~14 kB brotli that a French
// phone on a venue's overloaded wifi no longer downloads before its first screen).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import frCA from './fr-CA.json';
import { initialLanguage, isLanguage, type Language } from './language';

export { LANGUAGES, formatLocale, type Language } from './language';
const STORAGE_KEY = 'carton.language';

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Private mode or no storage: the browser's language.
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

let english: Promise<void> | null = null;

/** The language's catalogue, fetched once (French is always there). */
function catalogueOf(language: Language): Promise<void> {
  if (language === 'fr-CA') return Promise.resolve();
  english ??= import('./en.json').then(
    (catalogue) => void i18next.addResourceBundle('en', 'translation', catalogue.default),
    (error: unknown) => {
      english = null; // tried again at the next switch; French meanwhile
      throw error;
    },
  );
  return english;
}

/** The language shown last asked for: a slow catalogue never overrides a later choice. */
let wanted: Language | null = null;

/** Shows `language` once its catalogue is in; resolves then (or when it failed: French stays). */
function show(language: Language): Promise<void> {
  wanted = language;
  return catalogueOf(language).then(
    async () => {
      if (wanted !== language) return;
      if (i18next.language !== language) await i18next.changeLanguage(language);
      document.documentElement.lang = language;
    },
    () => undefined,
  );
}

/**
 * Sets i18next up (at once, in French, so `t` works from the start) and resolves once the page's
 * language can be shown: render then, or an English page would flash French first.
 */
export function initI18n(): Promise<void> {
  if (i18next.isInitialized) return Promise.resolve();
  const initialized = i18next.use(initReactI18next).init({
    resources: { 'fr-CA': { translation: frCA } },
    // Bundled resources for French, English added when fetched (addResourceBundle).
    partialBundledLanguages: true,
    lng: 'fr-CA',
    fallbackLng: 'fr-CA',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  // A switch in another tab (the board beside the facilitator page) switches this one too.
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY && isLanguage(event.newValue)) void show(event.newValue);
  });
  return initialized.then(
    () => show(initialLanguage(storedLanguage(), browserLanguages())),
    () => undefined, // nothing to translate with: the page still opens
  );
}

export function setLanguage(language: Language): void {
  void show(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; still switched for this page.
  }
}

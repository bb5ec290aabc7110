// i18next setup: French (fr-CA) first, English second. The choice is remembered on the device,
// shared by every Carton page and tab; before any choice the browser's language is followed.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import frCA from './fr-CA.json';
import en from './en.json';
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

function show(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { 'fr-CA': { translation: frCA }, en: { translation: en } },
      lng: initialLanguage(storedLanguage(), browserLanguages()),
      fallbackLng: 'fr-CA',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    document.documentElement.lang = i18next.language;
    // A switch in another tab (the board beside the facilitator page) switches this one too.
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY && isLanguage(event.newValue)) show(event.newValue);
    });
  }
  return i18next;
}

export function setLanguage(language: Language): void {
  show(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; still switched for this page.
  }
}

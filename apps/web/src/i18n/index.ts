// i18next setup: French (fr-CA) first, English second; the choice is remembered on the device.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import frCA from './fr-CA.json';
import en from './en.json';

export const LANGUAGES = ['fr-CA', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'carton.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'en' || value === 'fr-CA') return value;
  } catch {
    // Private mode or no storage: default language.
  }
  return 'fr-CA';
}

export function initI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { 'fr-CA': { translation: frCA }, en: { translation: en } },
      lng: storedLanguage(),
      fallbackLng: 'fr-CA',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    document.documentElement.lang = i18next.language;
  }
  return i18next;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; still switched for this page.
  }
}

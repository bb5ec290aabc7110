// Tests' translator: the real catalogues, one language, no fallback to the other, so a missing
// key shows as itself instead of passing in the wrong language.
import i18next from 'i18next';
import frCA from './fr-CA.json';
import en from './en.json';

export async function testTranslator(
  lng: 'fr-CA' | 'en',
): Promise<(key: string, values?: Record<string, unknown>) => string> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { 'fr-CA': { translation: frCA }, en: { translation: en } },
    interpolation: { escapeValue: false },
    fallbackLng: false,
  });
  return (key, values) => instance.t(key, values ?? {});
}

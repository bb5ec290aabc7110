import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'fr-CA' : 'en';
  // Named by what it shows (« English », « EN » on a phone), so voice control finds it by the
  // word on screen (WCAG 2.5.3), and spoken in that language.
  return (
    <button
      type="button"
      className="chip"
      lang={next}
      aria-label={t('language.toggle')}
      title={t('language.label')}
      onClick={() => setLanguage(next)}
    >
      <span className="long">{t('language.toggle')}</span>
      <span className="short">{t('language.short')}</span>
    </button>
  );
}

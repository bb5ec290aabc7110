import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'fr-CA' : 'en';
  // Named by both words it shows (« English » on a laptop, « EN » on a phone): voice control
  // finds it by the word on screen whichever shows (WCAG 2.5.3), spoken in that language.
  return (
    <button
      type="button"
      className="chip"
      lang={next}
      aria-label={`${t('language.toggle')}, ${t('language.short')}`}
      title={t('language.label')}
      onClick={() => setLanguage(next)}
    >
      <span className="long">{t('language.toggle')}</span>
      <span className="short">{t('language.short')}</span>
    </button>
  );
}

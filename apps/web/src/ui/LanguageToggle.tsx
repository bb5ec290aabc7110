import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'fr-CA' : 'en';
  return (
    <button
      type="button"
      className="chip"
      aria-label={t('language.label')}
      onClick={() => setLanguage(next)}
    >
      <span className="long">{t('language.toggle')}</span>
      <span className="short">{t('language.short')}</span>
    </button>
  );
}

// A minimal home page: create a forum and list its board links (the facilitator page comes later).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createForum, type CreatedForum } from '../board/api';
import { LanguageToggle } from '../ui/LanguageToggle';

export function HomePage() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [territories, setTerritories] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forum, setForum] = useState<CreatedForum | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const list = territories
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      setForum(await createForum(title.trim() || t('home.forumTitlePlaceholder'), list));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="home">
      <header className="home-header">
        <h1>{t('app.name')}</h1>
        <LanguageToggle />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <form className="home-form" onSubmit={submit}>
        <h2>{t('home.title')}</h2>
        <label>
          {t('home.forumTitle')}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('home.forumTitlePlaceholder')}
          />
        </label>
        <label>
          {t('home.territories')}
          <textarea rows={4} value={territories} onChange={(e) => setTerritories(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('home.creating') : t('home.create')}
        </button>
        {error && <p role="alert">{t('home.error', { message: error })}</p>}
      </form>
      {forum && (
        <section className="home-boards">
          <h2>{t('home.boards')}</h2>
          <ul>
            {forum.boards.map((board) => (
              <li key={board.id}>
                <strong>{board.title}</strong>{' '}
                <span className="kind">{t(`home.kind.${board.kind}`)}</span>
                <a href={board.edit.url}>{t('home.edit')}</a>
                <a href={board.view.url}>{t('home.view')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

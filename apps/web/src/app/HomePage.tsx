// The home page: create a forum (title, date, territories), then go to its facilitator page.
// The facilitator link is also kept on this device (« Vos forums », shown first when any).
// The model's two plain modules, not its index: through it the home page's first load took the
// whole model, its schemas (zod) and Yjs, 240 kB it never runs (the board page loads them).
import { localDay } from '@carton/board/naming';
import { BSL_TERRITORIES } from '@carton/board/territories';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createForum } from '../forum/api';
import { ForumArchiveImport } from '../forum/ForumArchiveImport';
import { forumErrorText } from '../forum/errorText';
import { formatForumDate } from '../forum/forumDate';
import { keepPunctuationAttached } from '../i18n/typography';
import { LanguageToggle } from '../ui/LanguageToggle';
import { cleanTerritories } from './defaultTerritories';
import { forumDateInWords } from './forumDateField';
import {
  forgetForum,
  loadSavedForums,
  openNewForum,
  restoreSavedForums,
  type SavedForum,
} from './savedForums';
import '../forum/forum.css';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => localDay(new Date()));
  const [territories, setTerritories] = useState<string[]>(() => [...BSL_TERRITORIES]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(() => loadSavedForums());
  // The last forum taken off the list, with the list as it was: « Annuler » puts it back.
  const [forgotten, setForgotten] = useState<{
    forum: SavedForum;
    before: SavedForum[];
  } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const forget = (forum: SavedForum) => {
    const before = forgetForum(forum.id);
    setSaved(loadSavedForums());
    setForgotten({ forum, before });
  };
  // The pressed button went away with its forum: the keyboard goes on to « Annuler ».
  useEffect(() => {
    if (forgotten) undoButton.current?.focus();
  }, [forgotten]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const list = cleanTerritories(territories);
      const created = await createForum({
        title: title.trim() || t('home.forumTitlePlaceholder'),
        ...(date ? { date } : {}),
        ...(list.length ? { territories: list } : {}),
      });
      openNewForum(created);
    } catch (e) {
      setError(forumErrorText(e, t));
      setBusy(false);
    }
  }

  const setAt = (i: number, value: string) =>
    setTerritories(territories.map((old, j) => (j === i ? value : old)));

  return (
    <main className="home">
      <header className="home-header">
        <h1>{t('app.name')}</h1>
        <LanguageToggle />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      {/* The next morning the facilitator comes back for the forum: it comes first, above a
          form that would otherwise create a second forum by mistake. */}
      {(saved.length > 0 || forgotten) && (
        <section className="home-boards">
          <h2>{t('home.savedForums')}</h2>
          <ul>
            {saved.map((forum) => (
              <li key={forum.id} data-forum-id={forum.id}>
                <a href={forum.url}>{keepPunctuationAttached(forum.title)}</a>{' '}
                {forum.date && <span>{formatForumDate(forum.date, i18n.language)}</span>}{' '}
                <button
                  type="button"
                  className="forget-forum"
                  aria-label={t('forumDay.saved.forgetLabel', { title: forum.title })}
                  onClick={() => forget(forum)}
                >
                  {t('forumDay.saved.forget')}
                </button>
              </li>
            ))}
          </ul>
          {forgotten && (
            <p className="forget-notice" role="status">
              {t('forumDay.saved.forgotten', { title: forgotten.forum.title })}{' '}
              <button
                type="button"
                ref={undoButton}
                onClick={() => {
                  setSaved(restoreSavedForums(forgotten.before));
                  setForgotten(null);
                }}
              >
                {t('forumDay.saved.undo')}
              </button>
            </p>
          )}
        </section>
      )}
      <form className="home-form" onSubmit={submit}>
        <h2>{t('home.title')}</h2>
        <label>
          {t('home.forumTitle')}
          <input
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('home.forumTitlePlaceholder')}
          />
        </label>
        <label>
          {t('home.date')}
          <span>
            <input
              name="date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-describedby="home-date-words"
            />{' '}
            {/* The field writes the day the browser's way: here it is in the page's language. */}
            <span id="home-date-words" aria-hidden="true">
              {forumDateInWords(date, i18n.language)}
            </span>
          </span>
        </label>
        <fieldset className="territory-list">
          <legend>{t('home.territoryList')}</legend>
          <ol>
            {territories.map((name, i) => (
              <li key={i}>
                <input
                  value={name}
                  aria-label={t('home.territoryN', { n: i + 1 })}
                  onChange={(e) => setAt(i, e.target.value)}
                />
                <button
                  type="button"
                  className="remove-territory"
                  aria-label={t('home.removeTerritory', { name })}
                  onClick={() => setTerritories(territories.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setTerritories([...territories, ''])}>
            {t('home.addTerritory')}
          </button>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('home.creating') : t('home.create')}
        </button>
        {error && <p role="alert">{t('home.error', { message: error })}</p>}
      </form>
      <ForumArchiveImport onKept={() => setSaved(loadSavedForums())} />
    </main>
  );
}

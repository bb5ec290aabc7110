// « Modifier le titre ou la date »: a typo in the forum's title or a wrong day chosen on the
// home page is corrected here (R57); the device's « Vos forums » list follows.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveForum } from '../app/savedForums';
import { updateForum, type ForumDetails } from './api';
import { forumErrorText } from './errorText';

type Forum = ForumDetails['forum'];

export function ForumTitleEdit({
  forum,
  token,
  facilitatorUrl,
  onSaved,
}: {
  forum: Forum;
  token: string;
  facilitatorUrl: string;
  onSaved: (forum: Forum) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ title: string; date: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!draft)
    return (
      <button
        type="button"
        className="link-button forum-edit"
        onClick={() => setDraft({ title: forum.title, date: forum.date ?? '' })}
      >
        {t('forum.manage.editForum')}
      </button>
    );

  const save = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.title.trim();
    if (!title) return;
    setError(null);
    updateForum(forum.id, token, { title, date: draft.date || null }).then(
      ({ forum: saved }) => {
        setDraft(null);
        saveForum({ ...saved, url: facilitatorUrl });
        onSaved(saved);
      },
      (e: unknown) => setError(forumErrorText(e, t)),
    );
  };

  return (
    <form className="forum-edit-form" onSubmit={save}>
      <label>
        {t('forum.manage.forumTitle')}
        <input
          value={draft.title}
          maxLength={200}
          required
          autoFocus
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
      </label>
      <label>
        {t('forum.manage.forumDate')}
        <input
          type="date"
          value={draft.date}
          onChange={(e) => setDraft({ ...draft, date: e.target.value })}
        />
      </label>
      <button type="submit" disabled={draft.title.trim() === ''}>
        {t('forum.manage.save')}
      </button>
      <button type="button" onClick={() => setDraft(null)}>
        {t('forum.cancel')}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

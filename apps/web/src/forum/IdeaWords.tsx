// « Reformuler » (C8): the facilitator gives an idea of « Les incontournables » the words the
// alliance will keep, in the list, its downloads and the vote's ranking; the participants'
// notes keep theirs. Before, the only way was to edit a participant's note on its board, which
// changed the idea's key and undid every merge into it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WORDING_LENGTH } from '@carton/board';
import type { CompilationItem } from './api';

/** The idea's words, or the form that changes them while `editing`. */
export function IdeaWords({
  item,
  editing,
  onSave,
  onCancel,
}: {
  item: Pick<CompilationItem, 'key' | 'text' | 'notesText'>;
  editing: boolean;
  /** The new words; null gives the idea its notes' words back. */
  onSave: (words: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [words, setWords] = useState(item.text);
  if (!editing)
    return (
      <span className="item-text">
        {item.text}
        {item.notesText !== undefined && (
          <span className="item-notes-text">
            {t('forumDay.compilation.notesWords', { text: item.notesText })}
          </span>
        )}
      </span>
    );
  const notes = item.notesText ?? item.text;
  return (
    <form
      className="item-words"
      onSubmit={(e) => {
        e.preventDefault();
        const next = words.replace(/\s+/g, ' ').trim();
        onSave(next === '' || next === notes ? null : next);
      }}
    >
      <input
        value={words}
        maxLength={MAX_WORDING_LENGTH}
        aria-label={t('forumDay.compilation.wordsLabel')}
        // Opened by « Reformuler »: the facilitator types at once.
        autoFocus
        onChange={(e) => setWords(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">{t('forumDay.compilation.saveWords')}</button>
      <button type="button" onClick={onCancel}>
        {t('forumDay.compilation.cancelWords')}
      </button>
    </form>
  );
}

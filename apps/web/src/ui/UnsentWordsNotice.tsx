// Tells a participant that a note they had just written in was deleted by someone else before
// their words reached the server (offline/unsentWords.ts): typically edited offline, deleted
// meanwhile by another, and the deletion won on reconnecting. « Garder mon texte » puts the
// notes back with their words, where they were. Said in a live region and shown as a notice of
// the same look as the editor's own (WritingGoneNotice).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { watchUnsentWords, type LostWords } from '../offline/unsentWords';
import { KeepWordsNotice } from './KeepWordsNotice';

/** The note's first words, enough to recognise it. */
function shortened(text: string): string {
  const words = text.trim().replace(/\s+/gu, ' ');
  return words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words;
}

export function UnsentWordsNotice() {
  const session = useSession();
  const { t } = useTranslation();
  const [lost, setLost] = useState<LostWords[]>([]);
  useEffect(() => {
    const { connection } = session;
    return watchUnsentWords({
      doc: connection.doc,
      view: session.view,
      remoteOrigin: connection.provider,
      allConfirmed: () => connection.getPendingCount() === 0,
      subscribeConfirmed: connection.subscribe,
      editingId: () => session.store.getState().editingId,
      lost: (words) => setLost((told) => [...told, ...words]),
    });
  }, [session]);
  // Named when every note lost was deleted by the same person and their deletion said so (M36).
  const names = new Set(lost.map((words) => words.by));
  const by = names.size === 1 ? (lost[0]?.by ?? null) : null;
  const message =
    lost.length === 0
      ? ''
      : t(by ? 'editor.gone.unsentBy' : 'editor.gone.unsent', {
          count: lost.length,
          text: shortened(lost[0]!.text),
          name: by,
        });
  const dismiss = () => setLost([]);
  return (
    <KeepWordsNotice
      message={message}
      testId="unsent-words"
      onKeep={() =>
        session.shell.write((tx) => {
          for (const { kept } of lost) if (kept.type === 'note') tx.create('note', kept.input);
        })
      }
      onClose={dismiss}
    />
  );
}

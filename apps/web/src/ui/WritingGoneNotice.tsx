// Tells the person writing in a note why its editor went away: someone else deleted or locked it
// (ui/writingGone.ts). Said in a live region kept in the page (a screen reader hears it as it
// comes) and shown as a notice of the same look as the storage notice (Status.css), with
// « Garder mon texte » when the deleted note had words. It stays until closed or until the
// person writes in another shape. Who did it: as their deletion said (M36), or as their presence
// shows (presence/whoChanged.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { deletersIn } from '@carton/board';
import { useSession, useSessionState } from '../board/context';
import type { BoardSession } from '../board/session';
import { readPeers } from '../presence/presence';
import { recentHolder } from '../presence/whoChanged';
import {
  noticeStands,
  watchWriting,
  writingGoneMessage,
  type KeptWords,
  type WritingGone,
} from './writingGone';
import { KeepWordsNotice } from './KeepWordsNotice';

/** The shape being written in, watched as each change arrives (its author still in hand). */
function useWritingGone(session: BoardSession, editingId: string | null) {
  const [gone, setGone] = useState<(WritingGone & { id: string }) | null>(null);
  useEffect(() => {
    if (!editingId) return;
    const { awareness } = session.connection;
    const holder = recentHolder(
      () => readPeers(awareness),
      (listener) => {
        awareness.on('change', listener);
        return () => awareness.off('change', listener);
      },
      () => {
        const parentId = session.view.getShape(editingId)?.parentId;
        return parentId ? [editingId, parentId] : [editingId];
      },
    );
    // The deleter's name as their deletion wrote it (M36) comes first: their presence may be gone
    // by the time it arrives (this page offline meanwhile, the deletion seen on reconnecting).
    const { doc } = session.connection;
    let current: Y.Transaction | null = null;
    const before = (transaction: Y.Transaction) => (current = transaction);
    const after = () => (current = null);
    doc.on('beforeTransaction', before);
    doc.on('afterTransaction', after);
    const nameOf = (ids: string[]) =>
      (current && deletersIn(doc, current).get(editingId)) ?? holder.name(ids);
    const stop = watchWriting(
      session.view,
      editingId,
      () => session.store.getState().editingId === editingId,
      nameOf,
      (news) => setGone({ ...news, id: editingId }),
    );
    return () => {
      stop();
      holder.stop();
      doc.off('beforeTransaction', before);
      doc.off('afterTransaction', after);
    };
  }, [session, editingId]);
  // Writing in another shape: the news about the last one is old.
  if (gone && !noticeStands(gone, editingId)) setGone(null);
  return [gone, () => setGone(null)] as const;
}

function keep(session: BoardSession, kept: KeptWords): void {
  let id: string | null = null;
  session.shell.write((tx) => {
    id = kept.type === 'note' ? tx.create('note', kept.input) : tx.create('text', kept.input);
  });
  // Back where it was, the editor open on it: the person goes on writing.
  if (id) session.store.setState({ selection: [id], editingId: id });
}

export function WritingGoneNotice() {
  const session = useSession();
  const { t } = useTranslation();
  const editingId = useSessionState((s) => s.editingId);
  const [gone, dismiss] = useWritingGone(session, editingId);
  const message = gone ? writingGoneMessage((key, values) => t(key, values ?? {}), gone) : '';
  const kept = gone?.kept ?? null;
  return (
    <KeepWordsNotice
      message={message}
      testId="writing-gone"
      newsTestId="writing-gone-news"
      onKeep={kept ? () => keep(session, kept) : null}
      onClose={dismiss}
    />
  );
}

// A polite live region that reads the selection aloud when it changes (« Papillon adhésif
// jaune « Logement », 3 sur 12 »): the canvas is pixels, this is what a screen reader hears.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSessionState } from '../board/context';
import { boardReadingOrder } from '../board/navigate';
import type { BoardSession } from '../board/session';
import { rectContainsPoint } from '../geometry/rect';
import { movedWords, resizedWords } from '../board/keyboardEdit';
import type { KeyboardNews } from '../board/store';
import { chosenNoteAdvice } from '../shapes/note/hint';
import { describeDots, voteNewsStore } from '../forum/voteNews';
import { useStore } from 'zustand';
import {
  describeFocus,
  describeSelection,
  describeToggle,
  type Translate,
} from './describeSelection';

/** The kinds of the stamps whose centre lies on note `id` (the votes it received). */
function stampsOnNote(session: BoardSession, id: string): string[] {
  const bounds = session.scene.bounds(id);
  if (session.scene.getShape(id)?.type !== 'note' || !bounds) return [];
  const kinds: string[] = [];
  for (const other of session.scene.index.query(bounds)) {
    const stamp = session.scene.getShape(other);
    if (stamp?.type !== 'stamp') continue;
    const c = { x: stamp.x + stamp.size / 2, y: stamp.y + stamp.size / 2 };
    if (rectContainsPoint(bounds, c)) kinds.push(stamp.kind);
  }
  return kinds;
}

/** What a keyboard step says while its selection is still chosen (see KeyboardNews). */
function newsWords(session: BoardSession, t: Translate, news: KeyboardNews): string {
  switch (news.kind) {
    case 'move':
      return movedWords(t, news.moved);
    case 'resize':
      return resizedWords(t, news.box);
    case 'arrowStart':
      return t('a11y.arrowStart');
    case 'toggle': {
      const shape = session.scene.getShape(news.id);
      return shape ? describeToggle(t, shape, news.change, news.selection.length) : '';
    }
    case 'lock':
      return t(news.locked ? 'a11y.locked' : 'a11y.unlocked');
    case 'arrange':
      return news.words;
    case 'focus': {
      const shape = session.scene.getShape(news.id);
      const chosen = news.selection.includes(news.id);
      return shape ? describeFocus(t, shape, chosen, boardReadingOrder(session)) : '';
    }
  }
}

export function SelectionAnnouncer() {
  const session = useSession();
  const { t } = useTranslation();
  const selection = useSessionState((s) => s.selection);
  const editing = useSessionState((s) => s.editingId !== null);
  // A move or resize from the keyboard says where the shapes went, while they stay chosen.
  const news = useSessionState((s) => s.keyboardNews);
  // A chosen empty note says how to write in it, as its hint does (« Touchez encore pour écrire »).
  const lastInput = useSessionState((s) => s.lastInput);
  // While a dot vote is open, a note also says its dots, and whether one is mine.
  const vote = useStore(voteNewsStore(session));
  const announced = useRef(false);
  // Computed when the selection changes, not on every edit of the board: the reading order
  // sorts every shape, which a board of thousands of notes must not do per keystroke.
  const text = useMemo(() => {
    // Nothing to say on arrival, nor when a selection is merely cleared before anything was said.
    if (!announced.current && selection.length === 0) return '';
    announced.current = true;
    const said = describeSelection(
      (key, values) => t(key, values ?? {}),
      selection,
      (id) => session.scene.getShape(id),
      selection.length === 1 ? boardReadingOrder(session) : [],
      (id) => stampsOnNote(session, id),
      (id) =>
        vote.voting && session.scene.getShape(id)?.type === 'note'
          ? describeDots(
              (key, values) => t(key, values ?? {}),
              vote.counts.get(id) ?? 0,
              vote.mine.get(id) ?? 0,
            )
          : '',
    );
    const only = selection.length === 1 ? session.scene.getShape(selection[0] ?? '') : undefined;
    const advice = chosenNoteAdvice(only, lastInput, !session.readOnly);
    return advice ? `${said}. ${t(advice)}.` : said;
  }, [session, selection, lastInput, t, vote]);
  const words: Translate = (key, values) => t(key, values ?? {});
  const newsText = news?.selection === selection ? newsWords(session, words, news) : '';
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {editing ? '' : newsText || text}
    </div>
  );
}

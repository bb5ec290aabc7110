// This device's dots in a vote over the board, and the one way they change: the canvas (a tap, a
// key) and « Voter en liste » both call `act`, so a dot given in the list is the canvas's dot —
// the same request to the server, the same answer drawn on both, the same words when it fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VoteState } from '@carton/board';
import { useSession } from '../board/context';
import { changeDot, fetchMyDots, type MyDots } from './api';
import { answerOrder } from './answerOrder';
import { forumErrorText, type Translate } from './errorText';
import type { ForumRoom } from './room';
import { listDotAction } from './voteList';
import { keptVoterId, voterId } from './voteMode';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** Worded at each render, so it follows a switch of language (kept as words, it stayed French). */
export interface VoteMessage {
  readonly words: (t: Translate) => string;
}

export interface MyVote {
  /** My dots and what I have left; null until the server answered. */
  readonly dots: MyDots | null;
  readonly message: VoteMessage | null;
  readonly setMessage: (message: VoteMessage | null) => void;
  /** Gives a dot to a note of this board (`take` false), or takes one of mine back from it. */
  readonly act: (shapeId: string, take: boolean) => void;
}

export function useMyVote(room: ForumRoom, vote: VoteState): MyVote {
  const session = useSession();
  const [dots, setDots] = useState<MyDots | null>(null);
  const [message, setMessage] = useState<VoteMessage | null>(null);
  const forumId = room.forumId;
  const open = vote.state === 'open';
  // Made once: without storage an id lasts for this page, and each dot must carry the same one.
  const voter = useRef<string | null>(null);
  const myVoter = useCallback(() => (voter.current ??= voterId(storage())), []);
  // Each answer is my whole set of dots. Two taps within one round trip (« Donner un point » on
  // two ideas of the list, on a venue's wifi) have two requests in flight whose answers may come
  // back in either order: the first one's, arriving last, put back my dots as they were between
  // the two (a dot shown gone, one more left than I have). An answer older than the one shown is
  // dropped, as « Les incontournables »' are (answerOrder).
  const [answers] = useState(answerOrder);

  // Open, this device votes (an id is made if it has none); closed, a device that voted asks for
  // its dots to name them, one that never voted asks nothing. Asked again as the vote closes or
  // reopens; until the answer the dots known before stay shown.
  useEffect(() => {
    const id = open ? myVoter() : (keptVoterId(storage()) ?? voter.current);
    if (!id) return;
    let live = true;
    const fresh = answers.ask();
    fetchMyDots(forumId, session.token, vote.id, id).then(
      (answer) => live && fresh() && setDots(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [forumId, session.token, vote.id, open, myVoter, answers]);
  // A refusal worded while open says nothing true once the vote closed, and the reverse.
  useEffect(() => setMessage(null), [open]);

  const act = useCallback(
    (shapeId: string, take: boolean) => {
      if (!open) return setMessage({ words: (t) => t('forumDay.errors.voteClosed', {}) });
      if (!dots) return;
      const target = { boardId: session.boardId, shapeId };
      const note = session.scene.getShape(shapeId);
      const empty = note?.type === 'note' && note.text.trim() === '';
      const action = listDotAction(open, dots.dots, dots.remaining, target, take, empty);
      if (action.kind === 'none') {
        const key = {
          vote_closed: 'forumDay.errors.voteClosed',
          empty_note: 'forum.votes.emptyNote',
          no_dots_left: 'forum.votes.noDotsLeft',
          none_to_take: 'forum.voteList.noneToTake',
        }[action.reason];
        return setMessage({ words: (t) => t(key, {}) });
      }
      setMessage(null);
      const fresh = answers.ask();
      changeDot(forumId, session.token, vote.id, action.kind === 'add' ? 'POST' : 'DELETE', {
        ...target,
        voterId: myVoter(),
      }).then(
        (answer) => fresh() && setDots(answer),
        (e: unknown) => setMessage({ words: (t) => forumErrorText(e, t) }),
      );
    },
    [dots, forumId, open, session, vote.id, myVoter, answers],
  );
  return { dots, message, setMessage, act };
}

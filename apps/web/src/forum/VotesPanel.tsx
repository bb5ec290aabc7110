// Dot votes from the forum page: open one over chosen boards with N dots each, close it, and
// see the ranked results (anonymous counts).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import {
  closeVote,
  fetchVote,
  openVote,
  reopenVote,
  type Compilation,
  type ForumBoard,
} from './api';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';
import { BoardChoice } from './BoardChoice';
import { isTerritoryBoard } from './boardKind';
import { ConfirmDialog } from './ConfirmDialog';
import { forumErrorText } from './errorText';
import { openVotesOver, questionAfterOpening, resultWords } from './voteMode';
import { useTickAdded } from './useTickAdded';
import { postcardsLeftOut } from './votePostcards';
import type { ListVote } from './listVote';
import { ListVoteNote } from './ListVoteNote';
import { voteLines, withPlaces, type RankedLine } from './voteRanking';

/** A vote's default boards: the territories (not the plenary, the postcard wall, nor another). */
const votedByDefault = (board: ForumBoard): boolean => isTerritoryBoard(board);

/** A closed vote's ranking by idea (V1 `ideas`), ties at the same place, as the projector. */
export function VoteResults({ results }: { results: readonly RankedLine[] }) {
  const { t } = useTranslation();
  if (results.length === 0) return <p>{t('forum.votes.noDots')}</p>;
  const resultText = (text: string | null) => {
    const words = resultWords(text);
    return words.kind === 'text' ? words.text : t(`forumDay.vote.${words.kind}Note`);
  };
  return (
    <ol className="vote-results">
      {withPlaces(results).map(({ line, place }) => (
        <li key={line.key} value={place}>
          <span className="result-count">{t('forum.votes.dots', { count: line.dots })}</span>
          <span className="result-text">{resultText(line.text)}</span>
          <span className="result-board">{line.places.join(', ')}</span>
        </li>
      ))}
    </ol>
  );
}

function VoteRow({
  vote,
  votes,
  forumId,
  token,
  compiledAt,
}: {
  vote: VoteState;
  /** A merge or an idea set aside changes the ranking by idea: fetched again. */
  compiledAt: number | null;
  /** Every vote of the forum: reopening warns about the open ones sharing a board. */
  votes: readonly VoteState[];
  forumId: string;
  token: string;
}) {
  const { t } = useTranslation();
  const [results, setResults] = useState<RankedLine[] | null>(null);
  // Closing ends the vote for every participant at once: confirm first. Reopening (V5) too, as
  // it takes the boards it shares from another open vote.
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const reopenButton = useRef<HTMLButtonElement>(null);
  // The button pressed goes away with the state it changed: the focus goes to the one that
  // replaces it, not to the top of the page (keyboard users).
  const focusNext = useRef(false);
  const close = () => {
    setConfirming(null);
    setError(null);
    focusNext.current = true;
    closeVote(forumId, token, vote.id).then(
      (a) => setResults(voteLines(a)),
      (e: unknown) => setError(forumErrorText(e, t)),
    );
  };
  const reopen = () => {
    setConfirming(null);
    setError(null);
    focusNext.current = true;
    reopenVote(forumId, token, vote.id).catch((e: unknown) => setError(forumErrorText(e, t)));
  };
  useEffect(() => {
    if (!focusNext.current) return;
    const next = vote.state === 'open' ? closeButton.current : reopenButton.current;
    if (next) {
      focusNext.current = false;
      next.focus();
    }
  }, [vote.state]);
  useEffect(() => {
    if (vote.state !== 'closed') return;
    let live = true;
    fetchVote(forumId, token, vote.id).then(
      (answer) => live && setResults(voteLines(answer)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [vote.state, vote.closedAt, vote.id, forumId, token, compiledAt]);
  const total = Object.values(vote.counts).reduce((a, b) => a + b, 0);
  const hiding = openVotesOver(
    votes.filter((v) => v.id !== vote.id),
    vote.boardIds,
  );
  return (
    // Focusable: « Voir ses résultats » (ListVoteNote) brings the keyboard here.
    <li className="vote" data-vote-id={vote.id} data-state={vote.state} tabIndex={-1}>
      <strong>{vote.title}</strong>{' '}
      <span>
        {vote.state === 'open'
          ? t('forum.votes.openState', { count: total })
          : t('forum.votes.closedState')}
      </span>
      {vote.state === 'open' ? (
        <button type="button" ref={closeButton} onClick={() => setConfirming('close')}>
          {t('forum.votes.close')}
        </button>
      ) : (
        <button
          type="button"
          ref={reopenButton}
          className="vote-reopen"
          title={t('forumDay.reopen.hint')}
          onClick={() => setConfirming('reopen')}
        >
          {t('forumDay.reopen.button')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {/* Results are the closed vote's: a reopened one takes dots again, its ranking would lie. */}
      {results && vote.state === 'closed' && <VoteResults results={results} />}
      {confirming === 'close' && (
        <ConfirmDialog
          message={t('forum.closeVote.confirm', { title: vote.title })}
          confirmLabel={t('forum.closeVote.confirmButton')}
          onConfirm={close}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'reopen' && (
        <ConfirmDialog
          message={
            hiding.length > 0
              ? t('forumDay.reopen.confirmHiding', {
                  title: vote.title,
                  count: hiding.length,
                  titles: hiding.map((v) => v.title).join(t('forum.openVote.separator')),
                })
              : t('forumDay.reopen.confirm', { title: vote.title })
          }
          confirmLabel={t('forumDay.reopen.confirmButton')}
          onConfirm={reopen}
          onCancel={() => setConfirming(null)}
        />
      )}
    </li>
  );
}

export function VotesPanel({
  room,
  forumId,
  token,
  boards,
  compilation = null,
  listPlaced = null,
  listVote = null,
}: {
  room: ForumRoom | null;
  forumId: string;
  token: string;
  boards: readonly ForumBoard[];
  /** « Les incontournables » as shown on the page: ideas from a postcard wall left out are said. */
  compilation?: Compilation | null;
  /** C10: « Les incontournables » were just put on this board: the vote is proposed there. */
  listPlaced?: { readonly boardId: string } | null;
  /** The room's vote on that list, once opened: said instead, the plenary no longer proposed. */
  listVote?: ListVote | null;
}) {
  const { t } = useTranslation();
  const { votes, compiledAt } = useForumSnapshot(room);
  const [title, setTitle] = useState(() => t('forum.votes.defaultTitle'));
  const [dots, setDots] = useState(3);
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(boards.filter(votedByDefault).map((b) => b.id)),
  );
  useTickAdded(boards, votedByDefault, setChosen);
  // The room votes on the list itself: its notes are on that board, not on the territories'.
  useEffect(() => {
    if (listPlaced) setChosen(new Set([listPlaced.boardId]));
  }, [listPlaced]);
  const onList = listPlaced !== null && chosen.size === 1 && chosen.has(listPlaced.boardId);
  const [error, setError] = useState<string | null>(null);
  // A board shows only its newest open vote: opening another over the same boards hides the
  // earlier one from its voters, so the facilitator is told first (votes on other boards run
  // side by side, no question).
  const [hiding, setHiding] = useState<readonly VoteState[]>([]);
  // A slow wifi: the button takes no second click while the vote opens (two clicks opened two
  // votes, the second hiding the first), and a vote the server answered but whose change has
  // not reached this page yet still counts for the warning.
  const [opening, setOpening] = useState(false);
  const [answered, setAnswered] = useState<readonly VoteState[]>([]);
  const ask = () => {
    if (opening) return;
    const known = new Set(votes.map((v) => v.id));
    const earlier = openVotesOver([...votes, ...answered.filter((v) => !known.has(v.id))], chosen);
    if (earlier.length > 0) setHiding(earlier);
    else open();
  };
  const open = () => {
    setHiding([]);
    setError(null);
    setOpening(true);
    const sent = title;
    openVote(forumId, token, {
      title: title.trim() || t('forum.votes.defaultTitle'),
      boardIds: [...chosen],
      dotsPerParticipant: dots,
    })
      .then(
        ({ vote }) => {
          setAnswered((list) => [...list, vote]);
          setTitle((current) => questionAfterOpening(current, sent));
        },
        (e: unknown) => setError(forumErrorText(e, t)),
      )
      .finally(() => setOpening(false));
  };
  return (
    <section className="forum-section votes" id="forum-votes">
      <h2>{t('forum.votes.title')}</h2>
      <div className="forum-row">
        <label>
          {t('forum.votes.voteTitle')}
          <input
            value={title}
            placeholder={t('forum.votes.defaultTitle')}
            onChange={(e) => setTitle(e.target.value)}
            className="vote-title"
          />
        </label>
        <label>
          {t('forum.votes.dotsPerParticipant')}
          <input
            type="number"
            min={1}
            max={20}
            value={dots}
            className="vote-dots"
            onChange={(e) => setDots(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
          />
        </label>
      </div>
      <BoardChoice
        legend={t('forum.votes.boards')}
        boards={boards}
        chosen={chosen}
        onChange={setChosen}
      />
      {onList && (
        <p className="hint vote-on-list" role="note">
          {t('forumDay.listOnPlenary.voteHint')}
        </p>
      )}
      {listVote && <ListVoteNote vote={listVote} />}
      {/* The list's ideas were voted on: a vote after it is not missing the wall's. */}
      {(listVote
        ? []
        : postcardsLeftOut(boards, compilation, chosen, listPlaced?.boardId ?? null)
      ).map((wall) => (
        <p
          className="hint vote-postcards-left-out"
          role="note"
          key={wall.id}
          data-board-id={wall.id}
        >
          {t('forumDay.vote.postcardsLeftOut', { title: wall.title })}
        </p>
      ))}
      <button
        type="button"
        className="vote-open"
        onClick={ask}
        disabled={chosen.size === 0 || opening}
      >
        {opening ? t('forumDay.vote.opening') : t('forum.votes.open')}
      </button>
      {hiding.length > 0 && (
        <ConfirmDialog
          message={t('forum.openVote.confirm', {
            count: hiding.length,
            titles: hiding.map((v) => v.title).join(t('forum.openVote.separator')),
          })}
          confirmLabel={t('forum.openVote.confirmButton')}
          onConfirm={open}
          onCancel={() => setHiding([])}
        />
      )}
      {error && <p role="alert">{error}</p>}
      <ul className="vote-list">
        {[...votes].reverse().map((vote) => (
          <VoteRow
            key={vote.id}
            vote={vote}
            votes={votes}
            forumId={forumId}
            token={token}
            compiledAt={compiledAt}
          />
        ))}
      </ul>
    </section>
  );
}

// Dot votes from the forum page: open one over chosen boards with N dots each, close it, and
// see the ranked results (anonymous counts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import { closeVote, fetchVote, openVote, type ForumBoard, type VoteResult } from './api';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';
import { BoardChoice } from './BoardChoice';
import { ConfirmDialog } from './ConfirmDialog';
import { forumErrorText } from './errorText';
import { openVotesOver } from './voteMode';

export function VoteResults({ results }: { results: readonly VoteResult[] }) {
  const { t } = useTranslation();
  if (results.length === 0) return <p>{t('forum.votes.noDots')}</p>;
  return (
    <ol className="vote-results">
      {results.map((r) => (
        <li key={`${r.boardId}/${r.shapeId}`}>
          <span className="result-count">{t('forum.votes.dots', { count: r.count })}</span>
          <span className="result-text">{r.text}</span>
          <span className="result-board">{r.territory ?? r.boardTitle}</span>
        </li>
      ))}
    </ol>
  );
}

function VoteRow({ vote, forumId, token }: { vote: VoteState; forumId: string; token: string }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<VoteResult[] | null>(null);
  // Closing ends the vote for every participant at once and cannot be undone: confirm first.
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setConfirming(false);
    setError(null);
    closeVote(forumId, token, vote.id).then(
      (a) => setResults(a.results),
      (e: unknown) => setError(forumErrorText(e, t)),
    );
  };
  useEffect(() => {
    if (vote.state !== 'closed') return;
    let live = true;
    fetchVote(forumId, token, vote.id).then(
      (answer) => live && setResults(answer.results),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [vote.state, vote.id, forumId, token]);
  const total = Object.values(vote.counts).reduce((a, b) => a + b, 0);
  return (
    <li className="vote" data-vote-id={vote.id} data-state={vote.state}>
      <strong>{vote.title}</strong>{' '}
      <span>
        {vote.state === 'open'
          ? t('forum.votes.openState', { count: total })
          : t('forum.votes.closedState')}
      </span>
      {vote.state === 'open' && (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('forum.votes.close')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {results && <VoteResults results={results} />}
      {confirming && (
        <ConfirmDialog
          message={t('forum.closeVote.confirm', { title: vote.title })}
          confirmLabel={t('forum.closeVote.confirmButton')}
          onConfirm={close}
          onCancel={() => setConfirming(false)}
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
}: {
  room: ForumRoom | null;
  forumId: string;
  token: string;
  boards: readonly ForumBoard[];
}) {
  const { t } = useTranslation();
  const { votes } = useForumSnapshot(room);
  const [title, setTitle] = useState(() => t('forum.votes.defaultTitle'));
  const [dots, setDots] = useState(3);
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(boards.filter((b) => b.kind === 'territory').map((b) => b.id)),
  );
  const [error, setError] = useState<string | null>(null);
  // A board shows only its newest open vote: opening another over the same boards hides the
  // earlier one from its voters, so the facilitator is told first (votes on other boards run
  // side by side, no question).
  const [hiding, setHiding] = useState<readonly VoteState[]>([]);
  const ask = () => {
    const earlier = openVotesOver(votes, chosen);
    if (earlier.length > 0) setHiding(earlier);
    else open();
  };
  const open = () => {
    setHiding([]);
    setError(null);
    openVote(forumId, token, {
      title: title.trim() || t('forum.votes.defaultTitle'),
      boardIds: [...chosen],
      dotsPerParticipant: dots,
    }).catch((e: unknown) => setError(forumErrorText(e, t)));
  };
  return (
    <section className="forum-section votes" id="forum-votes">
      <h2>{t('forum.votes.title')}</h2>
      <div className="forum-row">
        <label>
          {t('forum.votes.voteTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} className="vote-title" />
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
      <button type="button" onClick={ask} disabled={chosen.size === 0}>
        {t('forum.votes.open')}
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
          <VoteRow key={vote.id} vote={vote} forumId={forumId} token={token} />
        ))}
      </ul>
    </section>
  );
}

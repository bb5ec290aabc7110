// The facilitator's page (`/f/<forumId>#token=`): the forum link to keep, every board's links
// with QR codes, the timer, dot votes and « Les incontournables ».
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isForumDeleted } from '../board/api';
import { LanguageToggle } from '../ui/LanguageToggle';
import { saveForum } from '../app/savedForums';
import { NewBoardImport } from '../export/NewBoardImport';
import { fetchForum, type Compilation, type ForumDetails } from './api';
import { forumErrorText } from './errorText';
import { ArchivePanel } from './ArchivePanel';
import { forgetForum } from '../app/savedForums';
import { ForumDelete } from './ForumDelete';
import { BoardLinks } from './BoardLinks';
import { AddTerritory, RemovedBoards } from './BoardManage';
import { CompilationPanel as CompilationPanelNow } from './CompilationPanel';
import { CopyButton } from './CopyButton';
import { ForumConnectionBanner } from './ForumConnectionBanner';
import { ForumGone, ForumLinkError } from './ForumLinkError';
import { ForumNav } from './ForumNav';
import { formatForumDate } from './forumDate';
import { keepPunctuationAttached } from '../i18n/typography';
import { ForumTitleEdit } from './ForumTitleEdit';
import { FORUM_REREAD_MS, refreshWhenBack } from './refreshWhenBack';
import { SpotlightStatus } from './SpotlightStatus';
import { TimerControls } from './TimerControls';
import { TimerDisplay } from './TimerDisplay';
import { VotesPanel } from './VotesPanel';
import { useForumRoom, useForumSnapshot } from './useForumRoom';
import { ListVoteContext, listVoteOf, votesOver, type ListPlaced, type ListVote } from './listVote';
import { latestClosedVote } from '@carton/board';
import './forum.css';

// « Les incontournables » are drawn again only when their own props change (all stable here):
// the forum room's snapshot changes with every dot of a live vote (60 phones, 5 dots each), and
// each drew the whole list again with the page (360 ideas: ~30 ms a dot on a loaded laptop).
const CompilationPanel = memo(CompilationPanelNow);

export function ForumPage({ forumId, token }: { forumId: string; token: string }) {
  const { t, i18n } = useTranslation();
  const [details, setDetails] = useState<ForumDetails | null>(null);
  const [error, setError] = useState<{ text: string; aboutLink: boolean } | null>(null);
  // The forum deleted from the server (from this page: its title; found deleted: the message).
  const [deleted, setDeleted] = useState<string | null>(null);
  const room = useForumRoom(details ? forumId : null, token);
  // On the page for tests and styles: the forum room's link (ForumConnectionBanner says it);
  // when « Les incontournables » last changed, for the list's panel to read them again.
  const { connection, compiledAt, votes, synced } = useForumSnapshot(room);
  // The vote that places the list (server C6: the one closed last): closed, the list's dots and
  // places change with no change to the list itself.
  const rankingVote = latestClosedVote(votes);
  const keepField = useRef<HTMLInputElement>(null);
  // « Les incontournables » as the panel shows them: « Vote par points » says when they hold
  // ideas from a postcard wall its vote leaves out.
  const [compilation, setCompilation] = useState<Compilation | null>(null);
  // C10: the list just put on the plenary; a new object each time, so the vote proposes it again
  // (the votes already over the plenary then are not this list's).
  const votesNow = useRef(votes);
  useEffect(() => {
    votesNow.current = votes;
  }, [votes]);
  const [listPlaced, setListPlaced] = useState<ListPlaced | null>(null);
  // A placing that changed nothing (`sameSince`, the server's time of the one before): the vote
  // held since is still the list's. The votes there when the button was pressed left it out,
  // and the page proposed the list's vote again, where a reload said it was held.
  const placeListed = useCallback(
    (boardId: string, sameSince: number | null) =>
      setListPlaced(
        sameSince !== null
          ? { boardId, votesBefore: null, placedAt: sameSince }
          : { boardId, votesBefore: votesOver(votesNow.current, boardId) },
      ),
    [],
  );
  // Else where the server reads it on the plenary (after a reload, an archive re-imported): one
  // object per board, so the list read again every 30 s does not undo the facilitator's ticks.
  // Taken once the room has said its votes: proposed before them, the plenary was ticked on a
  // reload made after the list's vote.
  // Votes opened before the server's placing time are not the list's (a morning vote held over
  // the plenary).
  const serverPlaced = compilation?.onPlenary?.boardId ?? null;
  const serverPlacedAt = compilation?.onPlenary?.placedAt ?? null;
  const placedOnPlenary = useMemo(
    () =>
      serverPlaced && synced
        ? { boardId: serverPlaced, votesBefore: null, placedAt: serverPlacedAt }
        : null,
    [serverPlaced, serverPlacedAt, synced],
  );
  const placed = listPlaced ?? placedOnPlenary;
  // The room's vote on the list, once opened: the plenary is no longer proposed for it.
  const heldVote = listVoteOf(votes, placed);
  const heldId = heldVote?.id ?? null;
  const heldTitle = heldVote?.title ?? '';
  const heldState = heldVote?.state ?? null;
  const heldClosedAt = heldVote?.closedAt ?? null;
  const listVote = useMemo<ListVote | null>(
    () =>
      heldId !== null && heldState !== null
        ? { id: heldId, title: heldTitle, state: heldState, closedAt: heldClosedAt }
        : null,
    [heldId, heldTitle, heldState, heldClosedAt],
  );

  useEffect(() => {
    let live = true;
    fetchForum(forumId, token).then(
      (answer) => {
        if (!live) return;
        setDetails(answer);
        document.title = `${answer.forum.title} — ${t('app.name')}`;
        saveForum({ ...answer.forum, url: answer.facilitator.url });
      },
      (e: unknown) => {
        if (!live) return;
        if (isForumDeleted(e)) {
          // Deleted by the facilitators: the link kept on this device opens nothing any more.
          forgetForum(forumId);
          setDeleted(t('forumDay.deleted'));
          return;
        }
        // What to check depends on the failure: a refused or unknown link is about the link;
        // a server that does not answer is about the wifi, and the link may be fine.
        const refused =
          e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404);
        setError({
          text:
            e instanceof ApiError && (e.status === 401 || e.status === 403)
              ? t('forumDay.invalidLink')
              : forumErrorText(e, t),
          aboutLink: refused,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [forumId, token, t]);

  // A change made on this page is shown at once; a read of the server's list sent before it
  // answers without it (a board just added would vanish until the next read): that answer is
  // dropped.
  const localChanges = useRef(0);
  const change = (update: (current: ForumDetails) => ForumDetails) => {
    localChanges.current += 1;
    setDetails((current) => current && update(current));
  };
  // R58: after a removal or a restore, the server's lists (links, removed boards) are read
  // again: a restored board's links are sealed server-side (L1), only this answer has them.
  const reload = useCallback(() => {
    const sentAfter = localChanges.current;
    fetchForum(forumId, token).then(
      (answer) => {
        if (localChanges.current !== sentAfter) return;
        // The same list as shown (most reads): the page keeps its state, nothing renders again.
        setDetails((current) =>
          current && JSON.stringify(current) === JSON.stringify(answer) ? current : answer,
        );
      },
      () => {}, // the page shows what it had; the next reload or visit catches up
    );
  }, [forumId, token]);
  // What a colleague changed from another computer (same facilitator link) shows up here too.
  const loaded = details !== null;
  useEffect(() => {
    if (!loaded) return;
    return refreshWhenBack({ window, document, reload, everyMs: FORUM_REREAD_MS });
  }, [loaded, reload]);

  if (deleted !== null) return <ForumGone text={deleted} role="status" />;
  if (error) return <ForumLinkError text={error.text} aboutLink={error.aboutLink} />;
  if (!details) return <p className="page-message">{t('forumDay.loading')}</p>;
  return (
    <main className="forum-page" data-connection={connection}>
      <header className="forum-header">
        <div>
          <h1>{keepPunctuationAttached(details.forum.title)}</h1>
          {details.forum.date && (
            <p className="forum-date">{formatForumDate(details.forum.date, i18n.language)}</p>
          )}
          <ForumTitleEdit
            forum={details.forum}
            token={token}
            facilitatorUrl={details.facilitator.url}
            onSaved={(forum) => {
              document.title = `${forum.title} — ${t('app.name')}`;
              change((current) => ({ ...current, forum }));
            }}
          />
        </div>
        <TimerDisplay room={room} />
        <LanguageToggle />
      </header>
      <ForumConnectionBanner room={room} />
      <section className="keep-link" aria-label={t('forum.keepLink')}>
        <strong>{t('forum.keepLink')}</strong>
        <input
          ref={keepField}
          readOnly
          value={details.facilitator.url}
          className="facilitator-url"
          aria-label={t('forum.keepLink')}
        />
        <CopyButton text={details.facilitator.url} field={keepField} />
      </section>
      <ForumNav />
      <section className="forum-section" id="forum-timer">
        <h2>{t('forum.timer.title')}</h2>
        <TimerControls room={room} token={token} />
        <h2>{t('forum.spotlight.title')}</h2>
        <SpotlightStatus room={room} token={token} boards={details.boards} />
      </section>
      <BoardLinks
        forumId={forumId}
        token={token}
        boards={details.boards}
        onRotated={(boardId, role, link) =>
          // From the current state: « Créer les liens manquants » reports link after link
          // before the page renders again, and each must keep the ones before it.
          change((current) => ({
            ...current,
            boards: current.boards.map((b) => (b.id === boardId ? { ...b, [role]: link } : b)),
          }))
        }
        onRenamed={(renamed) =>
          change((current) => ({
            ...current,
            boards: current.boards.map((b) => (b.id === renamed.id ? { ...b, ...renamed } : b)),
          }))
        }
        onRemoved={(boardId) => {
          change((current) => ({
            ...current,
            boards: current.boards.filter((b) => b.id !== boardId),
          }));
          reload();
        }}
      />
      <RemovedBoards
        forumId={forumId}
        token={token}
        boards={details.removedBoards ?? []}
        onRestored={reload}
      />
      <section className="forum-section new-board-section">
        <AddTerritory
          forumId={forumId}
          token={token}
          boards={details.boards}
          onCreated={(board) =>
            change((current) => ({ ...current, boards: [...current.boards, board] }))
          }
        />
        <NewBoardImport
          forumId={forumId}
          token={token}
          label={t('export.newBoard.forumButton')}
          onForumPage
          onCreated={(board) =>
            change((current) => ({ ...current, boards: [...current.boards, board] }))
          }
        />
      </section>
      <VotesPanel
        room={room}
        forumId={forumId}
        token={token}
        boards={details.boards}
        compilation={compilation}
        listPlaced={listVote ? null : placed}
        listVote={listVote}
      />
      <ListVoteContext.Provider value={listVote}>
        <CompilationPanel
          forumId={forumId}
          token={token}
          boards={details.boards}
          onCompilation={setCompilation}
          compiledAt={compiledAt}
          rankingVote={rankingVote ? `${rankingVote.id}:${rankingVote.closedAt}` : null}
          onListPlaced={placeListed}
        />
      </ListVoteContext.Provider>
      <ArchivePanel forumId={forumId} token={token} />
      <ForumDelete
        forumId={forumId}
        token={token}
        title={details.forum.title}
        removedBoards={details.removedBoards?.length ?? 0}
        onDeleted={(title) => setDeleted(t('forum.delete.done', { title }))}
      />
    </main>
  );
}

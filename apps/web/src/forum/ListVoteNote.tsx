// « Le vote sur la liste a eu lieu sur la plénière : « Nos incontournables », fermé à 14 h 32. »
// with the way to its results (its row in « Vote par points »), where the page proposed the vote
// on the list before it was run (listVote.ts).
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../i18n/language';
import type { ListVote } from './listVote';

/** The vote's row in « Vote par points », scrolled to, the keyboard on it (its results). */
function showVoteRow(voteId: string) {
  const row = document.querySelector<HTMLElement>(
    `#forum-votes li.vote[data-vote-id="${CSS.escape(voteId)}"]`,
  );
  row?.scrollIntoView({ block: 'start' });
  row?.focus({ preventScroll: true });
}

export function ListVoteNote({ vote }: { vote: ListVote }) {
  const { t, i18n } = useTranslation();
  const closed = vote.state === 'closed' && vote.closedAt !== null;
  const time = closed
    ? new Date(vote.closedAt!).toLocaleTimeString(formatLocale(i18n.language), {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <p className="hint list-vote-held" role="note" data-state={vote.state}>
      {closed
        ? t('forumDay.listVote.held', { title: vote.title, time })
        : t('forumDay.listVote.running', { title: vote.title })}{' '}
      <button type="button" onClick={() => showVoteRow(vote.id)}>
        {t(closed ? 'forumDay.listVote.results' : 'forumDay.listVote.show')}
      </button>
    </p>
  );
}

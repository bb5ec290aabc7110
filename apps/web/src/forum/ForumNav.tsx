// The facilitator page's sections at one click: the votes and « Les incontournables » sit below
// every board's QR codes, several screens down. Buttons, not `#` links: the page's fragment
// holds the facilitator token, and a jump must not replace it (a reload would lose the page).
import { useTranslation } from 'react-i18next';

export const FORUM_SECTIONS = [
  { id: 'forum-timer', label: 'forum.timer.title' },
  { id: 'forum-links', label: 'forum.links.title' },
  { id: 'forum-votes', label: 'forum.votes.title' },
  { id: 'forum-compilation', label: 'forum.compilation.title' },
  { id: 'forum-archive', label: 'forum.nav.archive' },
] as const;

export function ForumNav() {
  const { t } = useTranslation();
  return (
    <nav className="forum-nav" aria-label={t('forum.nav.label')}>
      {FORUM_SECTIONS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
        >
          {t(label)}
        </button>
      ))}
    </nav>
  );
}

// The facilitator page's sections at one click: the votes and « Les incontournables » sit below
// every board's QR codes, several screens down. Buttons, not `#` links: the page's fragment
// holds the facilitator token, and a jump must not replace it (a reload would lose the page).
// On a phone the row scrolls sideways (forum.css): « Vote par points » was cut at the screen's
// edge with nothing saying more followed. The selection panel's edge arrows say so here too: the
// edge hiding sections fades under a round arrow, a tap on it scrolls the row that way.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelEdge, usePanelOverflow } from '../ui/PanelEdges';

export const FORUM_SECTIONS = [
  { id: 'forum-timer', label: 'forum.timer.title' },
  { id: 'forum-links', label: 'forum.links.title' },
  { id: 'forum-votes', label: 'forum.votes.title' },
  { id: 'forum-compilation', label: 'forum.compilation.title' },
  { id: 'forum-archive', label: 'forum.nav.archive' },
] as const;

export function ForumNav() {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const edges = usePanelOverflow(nav);
  return (
    <nav className="forum-nav" ref={nav} aria-label={t('forum.nav.label')}>
      <PanelEdge edge="start" shown={edges.start} panel={nav} />
      {FORUM_SECTIONS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}
        >
          {t(label)}
        </button>
      ))}
      <PanelEdge edge="end" shown={edges.end} panel={nav} />
    </nav>
  );
}

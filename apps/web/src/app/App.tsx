// Routes between the home page and a board page from the location.
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ForumLinkError } from '../forum/ForumLinkError';
import { BoardRoute } from './BoardRoute';
import { HomePage } from './HomePage';
import { keptProjectorToken } from './projectorToken';
import { ProjectorRoute } from './ProjectorRoute';
import { parseRoute, type Route } from './route';

const ForumPage = lazy(() => import('../forum/ForumPage').then((m) => ({ default: m.ForumPage })));

function currentRoute(): Route {
  const route = parseRoute(location.pathname, location.hash);
  // A projector tab reloaded: its token left the address bar for the history entry.
  if (route.page === 'projector' && route.token === null)
    return { ...route, token: keptProjectorToken(history.state) };
  return route;
}

export function App() {
  const [route, setRoute] = useState<Route>(currentRoute);
  const { t } = useTranslation();
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('popstate', onChange);
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'board':
      return route.token ? (
        <BoardRoute key={route.boardId} boardId={route.boardId} token={route.token} />
      ) : (
        // A link cut at « # » (a text message, a hand-copied sheet): what happened in plain
        // words, what to do, and the way home — not a dead end.
        <ForumLinkError text={t('board.noToken')} help={t('board.linkHelp')} aboutLink />
      );
    case 'forum':
    case 'projector': {
      if (!route.token)
        // A link cut at « # » (a mail, a chat, a hand-copied sheet): the forum page's own words,
        // as « ask the facilitator for the link » means nothing to the facilitator (who also
        // opens projector mode, from the forum page).
        return (
          <ForumLinkError
            text={t(route.page === 'forum' ? 'forumDay.noToken' : 'board.noToken')}
            aboutLink
          />
        );
      if (route.page === 'projector')
        return <ProjectorRoute key={route.boardId} boardId={route.boardId} token={route.token} />;
      return (
        <Suspense fallback={<p className="page-message">{t('forumDay.loading')}</p>}>
          <ForumPage key={route.forumId} forumId={route.forumId} token={route.token} />
        </Suspense>
      );
    }
    case 'notFound':
      return <ForumLinkError text={t('board.notFound')} help={t('board.linkHelp')} aboutLink />;
  }
}

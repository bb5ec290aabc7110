// Routes between the home page and a board page from the location.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardPage } from '../board/BoardPage';
import { HomePage } from './HomePage';
import { parseRoute, type Route } from './route';

function currentRoute(): Route {
  return parseRoute(location.pathname, location.hash);
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
        <BoardPage key={route.boardId} boardId={route.boardId} token={route.token} />
      ) : (
        <p className="page-message">{t('board.noToken')}</p>
      );
    case 'notFound':
      return <p className="page-message">{t('board.notFound')}</p>;
  }
}

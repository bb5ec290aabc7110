// Routing from the location: `/` home, `/b/<boardId>#token=<token>` a board.
export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; token: string | null }
  | { page: 'notFound' };

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board?.[1]) {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    return { page: 'board', boardId: decodeURIComponent(board[1]), token: params.get('token') };
  }
  return { page: 'notFound' };
}

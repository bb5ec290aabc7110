// Routing from the location: `/` home, `/b/<boardId>#token=` a board, `/f/<forumId>#token=` the
// facilitator's forum page, `/p/<boardId>#token=` projector mode.
export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; token: string | null }
  | { page: 'forum'; forumId: string; token: string | null }
  | { page: 'projector'; boardId: string; token: string | null }
  | { page: 'notFound' };

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/([bfp])\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] && match[2]) {
    const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
    const id = decodeURIComponent(match[2]);
    if (match[1] === 'f') return { page: 'forum', forumId: id, token };
    if (match[1] === 'p') return { page: 'projector', boardId: id, token };
    return { page: 'board', boardId: id, token };
  }
  return { page: 'notFound' };
}

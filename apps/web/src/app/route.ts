// Routing from the location: `/` home, `/b/<boardId>#token=` a board, `/f/<forumId>#token=` the
// facilitator's forum page, `/p/<boardId>#token=` projector mode.
export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; token: string | null }
  | { page: 'forum'; forumId: string; token: string | null }
  | { page: 'projector'; boardId: string; token: string | null }
  | { page: 'notFound' };

/** A capability token's length: 32 random bytes as base64url (server forums/tokens.ts). */
const TOKEN_LENGTH = 43;
/** The characters of ids and tokens (base64url). */
const URL_SAFE = /^[A-Za-z0-9_-]*/;
const ROUTE_PATH = /^\/([bfp])\/([^/]+)\/?$/i;

/**
 * The link as it was meant, when a message, a mail or a hand copy changed it on the way, or
 * null when it needs no mending: « /B/ » for « /b/ »; a fragment sent encoded (« %23token= »)
 * or as a query (« ?token= »); what a sentence glued to the token's end (« . », « ) », « » »).
 * The token leaves the query for the fragment, which is never sent to the server again.
 */
export function mendLink(pathname: string, search: string, hash: string): string | null {
  let path = pathname;
  let fragment = hash;
  const query = new URLSearchParams(search);
  const encodedHash = /%23/i.exec(path);
  if (encodedHash && !fragment) {
    try {
      fragment = `#${decodeURIComponent(path.slice(encodedHash.index + 3))}`;
    } catch {
      return null; // not a link's end: left to the router
    }
    path = path.slice(0, encodedHash.index);
  }
  if (!ROUTE_PATH.test(path)) return null;
  path = path.replace(/^\/[BFP]\//, (start) => start.toLowerCase());
  const fromFragment = new URLSearchParams(fragment.replace(/^#/, ''));
  let token = fromFragment.get('token');
  if (token === null && query.has('token')) {
    token = query.get('token');
    query.delete('token');
  }
  if (token !== null) {
    // Tokens are all of one length: letters glued after one (« …merci ») go too.
    fromFragment.set('token', URL_SAFE.exec(token)![0].slice(0, TOKEN_LENGTH));
    fragment = `#${fromFragment.toString()}`;
  }
  const rest = query.toString();
  const mended = `${path}${rest ? `?${rest}` : ''}${fragment}`;
  return mended === `${pathname}${search}${hash}` ? null : mended;
}

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/([bfp])\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] && match[2]) {
    const given = new URLSearchParams(hash.replace(/^#/, '')).get('token');
    // Cut short (a link broken over two lines, half copied): said as incomplete, not refused.
    const token = given !== null && given.length >= TOKEN_LENGTH ? given : null;
    const id = decodeURIComponent(match[2]);
    if (match[1] === 'f') return { page: 'forum', forumId: id, token };
    if (match[1] === 'p') return { page: 'projector', boardId: id, token };
    return { page: 'board', boardId: id, token };
  }
  return { page: 'notFound' };
}

import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { INCOMPRESSIBLE, acceptedEncodings, findPrecompressed } from './content-encoding.ts';
import { jsonError } from './errors.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Client routes answered with index.html so the SPA router takes over (R26; /p/ = projector). */
const SPA_ROUTE = /^\/(?:b|f|p)(?:\/|$)|^\/$/;

/** If-None-Match holds the validator (or `*`); weak comparison, as RFC 9110 asks for it. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Serves the built web client from `webDir`. Hashed files under /assets are cached for a year;
 * index.html never, so a new build is picked up at the next load (revalidated by its ETag: 304).
 * A client that accepts br (else gzip) gets the file's precompressed sibling (content-encoding.ts).
 */
export function createStaticHandler(webDir: string) {
  const root = normalize(webDir + sep);

  async function fileResponse(c: Context, path: string, cache: string): Promise<Response | null> {
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const ext = extname(path).toLowerCase();
      c.header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
      c.header('Cache-Control', cache);
      // A weak validator from the file itself: every encoding of it is the same content. A
      // reload over bad wifi then costs one 304 for index.html (assets are cached a year).
      const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      c.header('ETag', etag);
      const compressible = !INCOMPRESSIBLE.has(ext);
      if (compressible) c.header('Vary', 'Accept-Encoding');
      if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
      const sibling = compressible
        ? await findPrecompressed(
            path,
            info.mtimeMs,
            acceptedEncodings(c.req.header('Accept-Encoding')),
          )
        : null;
      if (sibling) c.header('Content-Encoding', sibling.encoding);
      c.header('Content-Length', String(sibling ? sibling.size : info.size));
      if (c.req.method === 'HEAD') return c.body(null);
      const body = await readFile(sibling ? sibling.path : path);
      return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    } catch {
      return null;
    }
  }

  return async (c: Context): Promise<Response> => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return jsonError(c, 400, 'bad_request', 'The path is not valid.');
    }
    if (SPA_ROUTE.test(pathname)) {
      const index = await fileResponse(c, join(root, 'index.html'), 'no-cache');
      return index ?? jsonError(c, 404, 'web_client_missing', 'The web client is not built.');
    }
    const candidate = normalize(join(root, pathname));
    // Never serve outside the web directory (`..`, encoded slashes).
    if (!candidate.startsWith(root) || pathname.includes('\0')) {
      return jsonError(c, 404, 'not_found', 'Nothing here.');
    }
    const cache = pathname.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    const file = await fileResponse(c, candidate, cache);
    return file ?? jsonError(c, 404, 'not_found', 'Nothing here.');
  };
}

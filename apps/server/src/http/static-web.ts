import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
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

/**
 * Serves the built web client from `webDir`. Hashed files under /assets are cached for a year;
 * index.html never, so a new build is picked up at the next load.
 */
export function createStaticHandler(webDir: string) {
  const root = normalize(webDir + sep);

  async function fileResponse(c: Context, path: string, cache: string): Promise<Response | null> {
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const body = await readFile(path);
      c.header(
        'Content-Type',
        CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      );
      c.header('Cache-Control', cache);
      if (c.req.method === 'HEAD') return c.body(null);
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

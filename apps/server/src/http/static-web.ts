import { open, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
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
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Client routes answered with index.html so the SPA router takes over (R26; /p/ = projector). */
const SPA_ROUTE = /^\/(?:b|f|p)(?:\/|$)|^\/$/;

/** A regular file opened for reading, with its size as opened; null if it cannot be. */
async function openFile(
  path: string,
): Promise<{ path: string; handle: FileHandle; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (info.isFile()) return { path, handle, size: info.size };
  } catch {
    // Unreadable: answered as missing below.
  }
  await handle.close();
  return null;
}

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
    let info;
    try {
      info = await stat(path);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const ext = extname(path).toLowerCase();
    // A weak validator from the file itself: every encoding of it is the same content. A
    // reload over bad wifi then costs one 304 for index.html (assets are cached a year).
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const compressible = !INCOMPRESSIBLE.has(ext);
    const headers = (): void => {
      c.header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
      c.header('Cache-Control', cache);
      c.header('ETag', etag);
      if (compressible) c.header('Vary', 'Accept-Encoding');
    };
    if (matches(c.req.header('If-None-Match'), etag)) {
      headers();
      return c.body(null, 304);
    }
    const sibling = compressible
      ? await findPrecompressed(
          path,
          info.mtimeMs,
          acceptedEncodings(c.req.header('Accept-Encoding')),
        )
      : null;
    // Opened BEFORE any header is set: a file gone or unreadable meanwhile (a deploy replacing
    // the build) answers as missing, never a JSON error carrying its encoding, length and a
    // year of cache. The length is the open file's, so it is the length of what is streamed.
    const opened = (sibling && (await openFile(sibling.path))) || (await openFile(path));
    if (!opened) return null;
    headers();
    if (opened.path === sibling?.path) c.header('Content-Encoding', sibling.encoding);
    c.header('Content-Length', String(opened.size));
    if (c.req.method === 'HEAD') {
      await opened.handle.close();
      return c.body(null);
    }
    // Streamed: a request holds a chunk of the file, not all of it (the board chunk is ~0.5 MB,
    // times 100 phones joining in the same minute).
    const stream = Readable.toWeb(opened.handle.createReadStream()) as ReadableStream<Uint8Array>;
    return c.body(stream);
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

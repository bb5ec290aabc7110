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

/**
 * Hashed files under /assets never change under their name (Vite names each by its content,
 * and they are cached a year): the ones of a reasonable size are kept in memory once read, each
 * encoding apart, so the ~25 requests of a phone opening a board read no disk. Opening, reading
 * and closing each file again took about half of such a request's ~3.5 ms of server CPU, on
 * the event loop that relays the boards, times 100 phones joining in the same minute.
 */
const KEPT_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** The built client is ~1.5 MB in its three encodings: room for it, and for a newer build. */
const KEPT_MAX_BYTES = 16 * 1024 * 1024;

/** What a kept asset is answered with. */
interface KeptFile {
  readonly body: Uint8Array;
  /** Type, cache, validator, Vary: also on a 304. */
  readonly headers: Readonly<Record<string, string>>;
  /** Encoding and length: with the bytes only. */
  readonly sent: Readonly<Record<string, string>>;
  readonly etag: string;
}

/**
 * Client routes answered with index.html so the SPA router takes over (R26; /p/ = projector).
 * The letter in either case: a link copied by hand from a sheet may start « /B/ ».
 */
const SPA_ROUTE = /^\/(?:b|f|p)(?:\/|$)|^\/$/i;

/** A browser opening a page (not a script, an image or a program asking for JSON). */
function wantsPage(c: Context): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    (c.req.header('Accept') ?? '').includes('text/html')
  );
}

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
  const kept = new Map<string, KeptFile>();
  let keptBytes = 0;

  /** The headers a file's answer carries (a 304 all but its encoding and length). */
  function setHeaders(c: Context, headers: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }

  function keptResponse(c: Context, file: KeptFile): Response {
    setHeaders(c, file.headers);
    if (matches(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304);
    setHeaders(c, file.sent);
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  }

  async function fileResponse(
    c: Context,
    path: string,
    cache: string,
    /** Where to keep the answer in memory (hashed assets), if it is small enough. */
    keepAs: string | null = null,
  ): Promise<Response | null> {
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
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cache,
      ETag: etag,
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (matches(c.req.header('If-None-Match'), etag)) {
      setHeaders(c, headers);
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
    const encoding: Record<string, string> =
      opened.path === sibling?.path ? { 'Content-Encoding': sibling.encoding } : {};
    if (c.req.method === 'HEAD') {
      await opened.handle.close();
      setHeaders(c, { ...headers, ...encoding, 'Content-Length': String(opened.size) });
      return c.body(null);
    }
    if (
      keepAs !== null &&
      opened.size <= KEPT_FILE_MAX_BYTES &&
      keptBytes + opened.size <= KEPT_MAX_BYTES
    ) {
      // Read whole BEFORE any header is set, as opened above.
      let body: Uint8Array;
      try {
        body = await opened.handle.readFile();
      } finally {
        await opened.handle.close();
      }
      // The length is the bytes read: what is kept is what is sent, every time.
      const sent = { ...encoding, 'Content-Length': String(body.byteLength) };
      if (!kept.has(keepAs)) {
        kept.set(keepAs, { body, headers, sent, etag });
        keptBytes += body.byteLength;
      }
      setHeaders(c, { ...headers, ...sent });
      return c.body(body as Uint8Array<ArrayBuffer>);
    }
    setHeaders(c, { ...headers, ...encoding, 'Content-Length': String(opened.size) });
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
    if (!pathname.startsWith('/assets/')) {
      const file = await fileResponse(c, candidate, 'no-cache');
      if (file) return file;
      // A mistyped address opened in a browser: the app's own page says so in the reader's
      // language (its router finds no route), as a 404, never raw JSON in English.
      if (wantsPage(c)) {
        const page = await fileResponse(c, join(root, 'index.html'), 'no-store');
        if (page?.status === 200)
          return new Response(page.body, { status: 404, headers: page.headers });
      }
      return jsonError(c, 404, 'not_found', 'Nothing here.');
    }
    const keepAs = `${candidate}\n${acceptedEncodings(c.req.header('Accept-Encoding')).join()}`;
    const known = kept.get(keepAs);
    if (known) return keptResponse(c, known);
    const file = await fileResponse(c, candidate, 'public, max-age=31536000, immutable', keepAs);
    return file ?? jsonError(c, 404, 'not_found', 'Nothing here.');
  };
}

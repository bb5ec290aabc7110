import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, Next } from 'hono';
import { acceptedEncodings } from './content-encoding.ts';

const gzipAsync = promisify(gzip);

/**
 * The JSON answers a page re-reads on the venue's wifi, gzipped when the client accepts it:
 * « Les incontournables » (every 30 s while the list is on screen, ~150 kB for 10 boards of 80
 * notes), a vote's results and the forum's board list (the mosaic, the spotlight).
 *
 * An allow-list, not every answer: an answer holding a token beside words an attacker can write
 * (GET /api/forums/:id with its links, a new forum, a rotated link) must never be compressed
 * (BREACH: the compressed size tells whether a guessed piece of the token is in the body). None
 * of these three carries a token; a new route is left uncompressed until someone checks it.
 */
const COMPRESSED_ANSWERS = [
  /^\/api\/forums\/[^/]+\/compilation$/,
  /^\/api\/forums\/[^/]+\/votes\/[^/]+$/,
  /^\/api\/forums\/[^/]+\/boards$/,
];

/** Below this, gzip's header and the CPU are not worth it (one TCP packet anyway). */
export const MIN_COMPRESSED_BYTES = 1024;

/** A weak tag (the same whatever the encoding) of the JSON bytes themselves. */
function entityTag(body: Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag));
}

/**
 * Also an ETag of the JSON bytes, and 304 without a body for a client that holds them already
 * (If-None-Match, which the browser's cache sends by itself with `no-cache`): the list's 30 s
 * re-read costs a few hundred bytes while nothing changed. The tag is of the answer, not of the
 * forum doc's `updatedAt`, so a note's words changed on a board (what the 30 s re-read is for,
 * without any change of the compilation itself) change it too.
 */
export async function compressJsonAnswers(c: Context, next: Next): Promise<void> {
  // HEAD stays as the route answers it (no body to compress, its Content-Length unchanged).
  if (c.req.method !== 'GET' || !COMPRESSED_ANSWERS.some((path) => path.test(c.req.path))) {
    return next();
  }
  await next();
  const res = c.res;
  // The answer differs with Accept-Encoding from here on, compressed or not (caches, proxies).
  res.headers.append('Vary', 'Accept-Encoding');
  if (
    res.status !== 200 ||
    res.headers.has('Content-Encoding') ||
    !res.headers.get('Content-Type')?.startsWith('application/json')
  ) {
    return;
  }
  const body = Buffer.from(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  const tag = entityTag(body);
  headers.set('ETag', tag);
  // Kept by the browser (private: a token asked for it), always asked again before use.
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-cache');
  // Emptied first: setting c.res over an answer copies the old answer's headers onto the new.
  c.res = undefined;
  if (matches(c.req.header('If-None-Match'), tag)) {
    headers.delete('Content-Type');
    headers.delete('Content-Length');
    c.res = new Response(null, { status: 304, headers });
    return;
  }
  let sent: Buffer = body;
  const gzipAccepted = acceptedEncodings(c.req.header('Accept-Encoding')).includes('gzip');
  if (gzipAccepted && body.length >= MIN_COMPRESSED_BYTES) {
    sent = await gzipAsync(body, { level: 6 });
    headers.set('Content-Encoding', 'gzip');
  }
  headers.set('Content-Length', String(sent.length));
  c.res = new Response(new Uint8Array(sent), { status: res.status, headers });
}

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
    !res.headers.get('Content-Type')?.startsWith('application/json') ||
    !acceptedEncodings(c.req.header('Accept-Encoding')).includes('gzip')
  ) {
    return;
  }
  const body = Buffer.from(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  let sent: Buffer = body;
  if (body.length >= MIN_COMPRESSED_BYTES) {
    sent = await gzipAsync(body, { level: 6 });
    headers.set('Content-Encoding', 'gzip');
  }
  headers.set('Content-Length', String(sent.length));
  // Emptied first: setting c.res over an answer copies the old answer's headers onto the new.
  c.res = undefined;
  c.res = new Response(new Uint8Array(sent), { status: res.status, headers });
}

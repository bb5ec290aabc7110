// The built web client over real HTTP (node:http, so Accept-Encoding is exactly what the test
// sends): precompressed siblings for br and gzip, identity otherwise, HEAD alike, fonts and
// images never encoded, 304 on a matching ETag, nothing outside the web directory, and a
// mistyped address opened in a browser answered with the app itself (a 404 it explains).
import { mkdirSync, mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { acceptedEncodings } from './content-encoding.ts';
import { startServer, type RunningServer } from './server.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Real text from the seed: what a board chunk looks like to a compressor (repetitive text).
const SCRIPT = Buffer.from(
  Array.from(
    { length: 400 },
    (_, i) =>
      `export const incontournable${i} = « Mobilité durable au Kamouraska — Témiscouata-sur-le-Lac, ${i} »;\n`,
  ).join(''),
);
const INDEX = Buffer.from(
  '<!doctype html><html lang="fr-CA"><title>Carton — Forum Alliance BSL 2023</title>' +
    '<script type="module" src="/assets/index-abc.js"></script></html>',
);
// A woff2 font is already compressed: the server must send it as is, whatever siblings exist.
const FONT = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 251));

/** A real server on port 0 serving `webDir`, its data under `dir`, quiet. */
function startWebServer(dir: string, webDir: string) {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CARTON_DATA_DIR: join(dir, 'data'),
    CARTON_WEB_DIR: webDir,
  });
  return startServer(
    config,
    createLogger('error', () => undefined),
  );
}

describe('the web client: compressed assets, HEAD, ETag', () => {
  let dir: string;
  let webDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-static-'));
    webDir = join(dir, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    const write = (name: string, bytes: Buffer) => writeFileSync(join(webDir, name), bytes);
    write('index.html', INDEX);
    write('index.html.br', brotliCompressSync(INDEX));
    write('index.html.gz', gzipSync(INDEX));
    write('assets/BoardPage-abc.js', SCRIPT);
    write('assets/BoardPage-abc.js.br', brotliCompressSync(SCRIPT));
    write('assets/BoardPage-abc.js.gz', gzipSync(SCRIPT));
    write('assets/only-gzip.js', SCRIPT);
    write('assets/only-gzip.js.gz', gzipSync(SCRIPT));
    write('assets/font.woff2', FONT);
    write('assets/font.ttf', SCRIPT);
    write('assets/font.ttf.gz', gzipSync(SCRIPT));
    write('assets/font.woff2.br', brotliCompressSync(FONT));
    write('assets/font.woff2.gz', gzipSync(FONT));
    // A sibling older than its file (left by an earlier build) is never sent for it.
    write('assets/stale.js', SCRIPT);
    write('assets/stale.js.br', brotliCompressSync(Buffer.from('ancienne version')));
    utimesSync(join(webDir, 'assets/stale.js.br'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    writeFileSync(join(dir, 'secret.txt'), 'jeton');
    server = await startWebServer(dir, webDir);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends Brotli to a client that accepts br, with its length and Vary', async () => {
    const answer = await get(`${server.url}/assets/BoardPage-abc.js`, {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(answer.body).equals(SCRIPT)).toBe(true);
  });

  it('sends gzip when br is refused or has no sibling', async () => {
    const refused = await get(`${server.url}/assets/BoardPage-abc.js`, {
      'Accept-Encoding': 'gzip, br;q=0',
    });
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(refused.body).equals(SCRIPT)).toBe(true);
    const onlyGzip = await get(`${server.url}/assets/only-gzip.js`, {
      'Accept-Encoding': 'br, gzip',
    });
    expect(onlyGzip.headers['content-encoding']).toBe('gzip');
    expect(Number(onlyGzip.headers['content-length'])).toBe(onlyGzip.body.length);
    expect(gunzipSync(onlyGzip.body).equals(SCRIPT)).toBe(true);
  });

  it('sends the file as is to a client that accepts no encoding', async () => {
    const choices: Record<string, string>[] = [{}, { 'Accept-Encoding': 'identity' }];
    for (const headers of choices) {
      const answer = await get(`${server.url}/assets/BoardPage-abc.js`, headers);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.equals(SCRIPT)).toBe(true);
      expect(Number(answer.headers['content-length'])).toBe(SCRIPT.length);
    }
  });

  it('answers HEAD with the same headers and no body', async () => {
    const head = await get(
      `${server.url}/assets/BoardPage-abc.js`,
      { 'Accept-Encoding': 'br' },
      'HEAD',
    );
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
    expect(head.body.length).toBe(0);
  });

  it('never encodes a woff2 font, nor sends a sibling older than its file', async () => {
    const font = await get(`${server.url}/assets/font.woff2`, { 'Accept-Encoding': 'br, gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.body.equals(FONT)).toBe(true);
    // A TrueType font is not compressed: it is sent encoded, as a font.
    const ttf = await get(`${server.url}/assets/font.ttf`, { 'Accept-Encoding': 'gzip' });
    expect(ttf.headers['content-type']).toBe('font/ttf');
    expect(ttf.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(ttf.body).equals(SCRIPT)).toBe(true);
    const stale = await get(`${server.url}/assets/stale.js`, { 'Accept-Encoding': 'br' });
    expect(stale.headers['content-encoding']).toBeUndefined();
    expect(stale.body.equals(SCRIPT)).toBe(true);
  });

  it('compresses the board page, kept uncached, and answers 304 to its ETag', async () => {
    const page = await get(`${server.url}/b/board-id`, { 'Accept-Encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).equals(INDEX)).toBe(true);
    const etag = page.headers['etag'];
    expect(typeof etag).toBe('string');
    const again = await get(`${server.url}/b/board-id`, {
      'Accept-Encoding': 'br',
      'If-None-Match': String(etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await get(`${server.url}/b/board-id`, { 'If-None-Match': 'W/"autre"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(INDEX)).toBe(true);
  });

  it('reads a hashed asset from disk once, each encoding apart: answered again once its file is gone', async () => {
    const path = join(webDir, 'assets/MosaicPanel-abc.js');
    writeFileSync(path, SCRIPT);
    writeFileSync(`${path}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${path}.gz`, gzipSync(SCRIPT));
    const url = `${server.url}/assets/MosaicPanel-abc.js`;
    const br = await get(url, { 'Accept-Encoding': 'br' });
    const plain = await get(url);
    for (const name of [path, `${path}.br`, `${path}.gz`]) rmSync(name);
    // Kept as first sent: the same bytes and headers, from memory.
    const again = await get(url, { 'Accept-Encoding': 'br' });
    expect(again.status).toBe(200);
    expect(again.body.equals(br.body)).toBe(true);
    expect(brotliDecompressSync(again.body).equals(SCRIPT)).toBe(true);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'vary']) {
      expect(again.headers[name]).toBe(br.headers[name]);
    }
    expect((await get(url)).body.equals(plain.body)).toBe(true);
    const head = await get(url, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([
      200,
      String(br.body.length),
      0,
    ]);
    const unchanged = await get(url, {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers['etag']),
    });
    expect([
      unchanged.status,
      unchanged.headers['content-encoding'],
      unchanged.body.length,
    ]).toEqual([304, undefined, 0]);
    // gzip was never asked for: nothing was read or kept for it, and the file is gone.
    expect((await get(url, { 'Accept-Encoding': 'gzip' })).status).toBe(404);
  });

  it('answers a mistyped address opened in a browser with the app (404), a program with JSON', async () => {
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    // « /B/ » copied by hand from a sheet: the board page.
    const upper = await get(`${server.url}/B/board-id`, { Accept: html });
    expect(upper.status).toBe(200);
    expect(upper.body.equals(INDEX)).toBe(true);
    // Another mistyped path: the app, whose router shows « introuvable » in French, as a 404.
    const page = await get(`${server.url}/bord/board-id`, { Accept: html });
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body.equals(INDEX)).toBe(true);
    // A script, a program or an API client asking for something missing: JSON, as before.
    for (const accept of ['*/*', 'application/json']) {
      const answer = await get(`${server.url}/bord/board-id`, { Accept: accept });
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { code: 'not_found' } });
    }
    const post = await get(`${server.url}/bord/board-id`, { Accept: html }, 'POST');
    expect(post.status).toBe(404);
    expect(JSON.parse(post.body.toString())).toMatchObject({ error: { code: 'not_found' } });
  });

  it('still refuses a path outside the web directory with a JSON 404', async () => {
    const answer = await get(`${server.url}/assets/..%2f..%2fsecret.txt`, {
      'Accept-Encoding': 'br',
    });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('acceptedEncodings', () => {
  it('orders br before gzip and honours q=0 and *', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
  });
});

// A file too large to hold in memory (sparse: no disk used) is streamed, never buffered whole:
// reading it into one Buffer failed after its headers were set, so the client got a JSON 404
// carrying the sibling's Content-Encoding and Content-Length (and a year of cache).
describe('the web client: a file is streamed, its headers only once it is open', () => {
  let dir: string;
  let server: RunningServer;
  const HUGE = 2 ** 31; // one byte past what readFile can return

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-static-huge-'));
    const webDir = join(dir, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets/plenary-abc.js'), SCRIPT);
    writeFileSync(join(webDir, 'assets/plenary-abc.js.br'), '');
    truncateSync(join(webDir, 'assets/plenary-abc.js.br'), HUGE);
    server = await startWebServer(dir, webDir);
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a 2 GiB sibling as 200 with its own length, first bytes at once', async () => {
    const { status, headers, first } = await new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      first: Buffer;
    }>((resolve, reject) => {
      const req = request(
        `${server.url}/assets/plenary-abc.js`,
        { headers: { 'Accept-Encoding': 'br' } },
        (res) => {
          res.once('data', (chunk: Buffer) => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, first: chunk });
            req.destroy();
          });
          res.on('error', () => undefined);
        },
      );
      req.on('error', (error) => {
        if (!req.destroyed) reject(error);
      });
      req.end();
    });
    expect(status).toBe(200);
    expect(headers['content-encoding']).toBe('br');
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(headers['content-length'])).toBe(HUGE);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((byte) => byte === 0)).toBe(true);
  });
});

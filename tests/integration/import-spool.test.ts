// ARCHIVE: an archive being uploaded to POST /api/forums/import waits in a temporary file
// that has no name (apps/server/src/archive/upload.ts): a server killed in the middle of an
// upload leaves nothing on the disk, where the next start would never look for it. One
// address runs one import at a time: a client trickling uploads cannot hold every place.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { importServerPerTest, openZipUpload } from './import-upload.ts';

const startImportServer = importServerPerTest();

/** Writes `mebibytes` of a zip's worth of bytes, each chunk flushed to the socket. */
async function upload(request: http.ClientRequest, mebibytes: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024, 0x50);
  for (let i = 0; i < mebibytes; i++) {
    await new Promise<void>((resolve, reject) =>
      request.write(chunk, (error) => (error ? reject(error) : resolve())),
    );
  }
}

describe('import spool', () => {
  it('ARCHIVE: a server killed while an archive uploads leaves no file in its temporary folder', async () => {
    const { server, spoolRoot } = await startImportServer({ ownSpool: true });
    const request = http.request(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip' },
    });
    const ended = new Promise<void>((resolve) => {
      request.on('error', () => resolve());
      request.on('response', () => resolve());
    });
    // 48 MiB through the socket: the server has read most of it into its spool (loopback
    // buffers hold a few MiB), and it answers nothing before the body ends.
    await upload(request, 48);
    const exit = await server.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    await ended;
    expect(readdirSync(spoolRoot).filter((name) => name.startsWith('carton-import-'))).toEqual([]);
  });

  it('ARCHIVE: while an upload from an address runs, another from it is 503 import_busy at once; the place is free again after', async () => {
    const { server } = await startImportServer();
    const url = `${server.url}/api/forums/import`;
    const { request: first, status: firstAnswer } = openZipUpload(url);
    // 16 MiB read by the server: its handler took its place before the first byte.
    await upload(first, 16);
    const second = await fetch(url, { method: 'POST', body: new Uint8Array([0x50, 0x4b]) });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('30');
    expect(await second.json()).toMatchObject({ error: { code: 'import_busy' } });
    first.end();
    // Not a zip: refused once read, and the address's place is given back.
    expect(await firstAnswer).toBe(400);
    const third = await fetch(url, { method: 'POST', body: new Uint8Array([0x50, 0x4b]) });
    expect(third.status).toBe(400);
    expect(await third.json()).toMatchObject({ error: { code: 'not_zip' } });
  });
});

// ARCHIVE: a refused forum import leaves no handle on its spooled upload open in the server —
// not for a zip refused from its directory, nor for one refused mid-inflate (a stream of
// yauzl's destroyed part-way) or at its CRC. The spool lives in its own TMPDIR here, so every
// descriptor of any process pointing into it is the server's handle on an upload.
import { watch } from 'node:fs';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../support/zip.ts';
import { importServerPerTest, openZipUpload } from './import-upload.ts';

const startImportServer = importServerPerTest();

/** Open descriptors, in every process this test may read, on files of `folder`. */
function handlesInto(folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith(folder)) found.push(target);
      } catch {
        // closed meanwhile
      }
    }
  }
  return found;
}

/** The zip with its only entry declared `size` bytes inflated, in both headers. */
function declaredSize(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  copy.writeUInt32LE(size, 22);
  for (let i = copy.length - 22; i >= 0; i--) {
    if (copy.readUInt32LE(i) === 0x02014b50) copy.writeUInt32LE(size, i + 24);
  }
  return copy;
}

describe('refused imports', () => {
  it('ARCHIVE: each refused import closes its spooled upload before answering', async () => {
    const { server, spoolRoot } = await startImportServer({ ownSpool: true });
    const url = `${server.url}/api/forums/import`;

    // The probe sees an upload's handle while it is open: a request left unfinished.
    const created = new Promise<void>((resolve) => {
      const watcher = watch(spoolRoot, () => {
        watcher.close();
        resolve();
      });
    });
    const { request: pending, status: pendingAnswer } = openZipUpload(url);
    pending.write(Buffer.from('PK'));
    await created;
    expect(handlesInto(spoolRoot)).toHaveLength(1);
    pending.end(Buffer.from(' pas une archive'));
    expect(await pendingAnswer).toBe(400);
    expect(handlesInto(spoolRoot)).toEqual([]);

    const manifest = Buffer.from(
      JSON.stringify({
        format: 'carton-forum-archive',
        version: 2,
        title: 'Forum régional de l’Alliance 2023',
      }),
    );
    const honest = zipOf('manifest.json', Buffer.alloc(4 * 1024 * 1024, 0x20));
    const refused: Array<[string, Buffer]> = [
      ['not_zip', Buffer.from('Pouvoir développer de manière collective.')],
      ['unsafe_path', zipOf('../manifest.json', manifest)],
      // zipOf writes no CRC: the manifest is read whole, then refused.
      ['not_zip', zipOf('manifest.json', manifest)],
      // Inflating stops at the declared 1 000 bytes: yauzl's stream destroyed mid-entry.
      ['zip_bomb', declaredSize(honest, 1000)],
      ['not_zip', honest.subarray(0, honest.length - 30)],
    ];
    for (const [code, body] of refused) {
      const answer = await fetch(url, { method: 'POST', body: new Uint8Array(body) });
      expect(await answer.json()).toMatchObject({ error: { code } });
      expect(handlesInto(spoolRoot)).toEqual([]);
    }
  });
});

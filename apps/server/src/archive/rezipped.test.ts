// ARCHIVE: a forum archive a facilitator unpacked on their computer (to read
// « incontournables.md », to add a photo) and zipped again with what their system offers still
// imports; what is dangerous in a zip stays refused, in Carton's words. Each archive is built
// here from Carton's own export by the real tool (Info-ZIP zip, Python's zipfile).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from './errors.ts';
import { readForumArchive } from './read.ts';
import { storageSource } from './source.ts';
import type { DataDir } from './test-support.ts';
import { dataDir, restoreInto, seededForum, solidPng } from './test-support.ts';
import { Rezipper, withZip64InflatedSize } from './test-rezip.ts';
import { collectStream, streamForumArchive } from './write.ts';

let source: DataDir;
let tools: Rezipper;
let boards: number;
let photo: string;

beforeAll(async () => {
  source = dataDir();
  const seeded = await seededForum(source);
  boards = seeded.created.boards.length;
  photo = seeded.photo;
  const stream = await streamForumArchive(storageSource(source), seeded.created.forum.id, {
    png: true,
  });
  tools = new Rezipper(await collectStream(stream!));
});
afterAll(() => {
  tools.dispose();
  source.dispose();
});

/** The archive imported into a fresh data directory: its boards and photo are there. */
async function imports(zip: Uint8Array): Promise<void> {
  const target = dataDir();
  try {
    const restored = await restoreInto(target, zip);
    expect(restored.boards).toHaveLength(boards);
    expect(target.blobs.get(restored.forum.id, photo)?.data.byteLength).toBeGreaterThan(0);
  } finally {
    target.dispose();
  }
}

async function refusal(zip: Uint8Array): Promise<ArchiveError> {
  try {
    await readForumArchive(zip);
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('the archive was accepted');
}

const MACOS_CLUTTER = {
  '__MACOSX/forum-alliance-bsl-2023/._manifest.json': '\u0000\u0005\u0016\u0007 Mac OS X',
  '__MACOSX/forum-alliance-bsl-2023/boards/._10-cartes-postales.json': '\u0000\u0005\u0016\u0007',
  'forum-alliance-bsl-2023/.DS_Store': '\u0000\u0000\u0000\u0001Bud1',
};

const concat = (zip: Uint8Array, tail: string | Uint8Array) =>
  new Uint8Array(Buffer.concat([zip, typeof tail === 'string' ? Buffer.from(tail) : tail]));

describe('re-zipped forum archives that import', () => {
  const cases: [string, () => Uint8Array][] = [
    ['zip -r of the folder’s contents', () => tools.zip(['-r'])],
    ['zip -rX (no extra attributes)', () => tools.zip(['-rX'])],
    ['zip -rD (no folder entries)', () => tools.zip(['-rD'])],
    [
      'zip -r -fz (a Zip64 extra field and end record repeating small sizes)',
      () => tools.zip(['-r', '-fz']),
    ],
    ['zip -r - . | cat (streamed: data descriptors)', () => tools.zipStreamed()],
    [
      'zip -r of the folder itself (every entry under « forum-alliance-bsl-2023/ »)',
      () => tools.zip(['-r'], ['forum-alliance-bsl-2023'], tools.dir),
    ],
    [
      'Carton’s zip with a photo added by zip -u',
      () => tools.zipUpdate({ 'images/photo-du-kiosque.png': solidPng(20, 10, [200, 60, 40]) }),
    ],
    [
      'Carton’s zip with a comment (zip -z)',
      () => tools.zipComment('Forum BSL 2023, version finale\n'),
    ],
    ['Carton’s zip and a newline after it', () => concat(tools.exported, '\n')],
    ['Carton’s zip and a CRLF after it', () => concat(tools.exported, '\r\n')],
    [
      'Carton’s zip padded with NULs to a 512-byte block',
      () => concat(tools.exported, new Uint8Array(512 - (tools.exported.byteLength % 512))),
    ],
    ['Python zipfile, stored', () => tools.python({ method: 'stored' })],
    ['Python zipfile, deflated', () => tools.python({ method: 'deflated' })],
    [
      'Python zipfile, force_zip64 on every entry',
      () => tools.python({ method: 'deflated', forceZip64: true }),
    ],
    [
      'Python zipfile into a pipe (data descriptors)',
      () => tools.python({ method: 'deflated', stream: true }),
    ],
    [
      'as macOS’s « Compress »: the folder, __MACOSX/ and .DS_Store',
      () =>
        tools.python({
          method: 'deflated',
          prefix: 'forum-alliance-bsl-2023/',
          extra: MACOS_CLUTTER,
        }),
    ],
  ];

  it.each(cases)('ARCHIVE: %s', async (_, make) => {
    await imports(make());
  });
});

describe('re-zipped forum archives still refused', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['encrypted (zip -P)', () => tools.zip(['-r', '-P', 'alliance2023']), 'not_zip'],
    [
      'a CRC that does not match (one byte of the stored manifest changed)',
      () => {
        const zip = Buffer.from(tools.zip(['-r', '-0']));
        const at = zip.indexOf('"carton-forum-archive"');
        zip[at + 1] = 'C'.charCodeAt(0);
        return zip;
      },
      'not_zip',
    ],
    [
      'a name leaving its folder (../incontournables.md)',
      () =>
        tools.python({
          method: 'deflated',
          extra: { '../incontournables.md': '# Nos incontournables' },
        }),
      'unsafe_path',
    ],
    [
      'a Zip64 extra field saying 5 GiB (zip -fz, then edited)',
      () => withZip64InflatedSize(tools.zip(['-r', '-fz']), 'manifest.json', 5n * 1024n ** 3n),
      'too_large',
    ],
    [
      'a Zip64 extra field saying 300 MiB, past the entry limit',
      () => withZip64InflatedSize(tools.zip(['-r', '-fz']), 'manifest.json', 300n * 1024n ** 2n),
      'zip_bomb',
    ],
    [
      'a folder prefix not shared by every entry',
      () => tools.python({ method: 'deflated', prefix: 'forum/', extra: { 'lisez-moi.txt': 'x' } }),
      'missing_manifest',
    ],
    [
      '5 KiB of NULs after the end record (more than padding)',
      () => concat(tools.exported, new Uint8Array(5000)),
      'not_zip',
    ],
    [
      'a line of text after the end record',
      () => concat(tools.exported, 'Téléchargé le 2023-10-19\n'),
      'not_zip',
    ],
  ];

  for (const [name, make, code] of cases) {
    it(`ARCHIVE: ${name} → ${code}`, async () => {
      const error = await refusal(make());
      expect(error.code).toBe(code);
      // Carton's sentence (as every route's: capital, full stop), never yauzl's nor a path here.
      expect(error.message).toMatch(/^[A-Z][^]*\.$/);
      expect(error.message).not.toContain(tools.dir);
      expect(error.message).not.toMatch(/Expected:|signature|yauzl/i);
    });
  }
});

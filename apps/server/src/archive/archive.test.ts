import { createHash } from 'node:crypto';
import { exportBoard } from '@carton/board';
import { renderSvg } from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveBoardAccess } from '../forums/access.ts';
import type { ArchiveError } from './errors.ts';
import type { ArchiveManifest } from './manifest.ts';
import { renderBoardPng } from './png.ts';
import { readForumArchive } from './read.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import { storageSource } from './source.ts';
import { collectStream, embedImages, streamForumArchive } from './write.ts';
import { sourceAndTargetPerTest, type DataDir } from './test-support.ts';
import { count, decodePng, refusal, restoreInto, seededForum } from './test-support.ts';
import { asVersion1 } from './test-archives.ts';

const dirs = sourceAndTargetPerTest();

async function archiveOf(data: DataDir, forumId: string): Promise<Uint8Array> {
  const stream = await streamForumArchive(storageSource(data), forumId, { png: true });
  if (!stream) throw new Error('no forum');
  return collectStream(stream);
}

function exportStored(data: DataDir, boardId: string) {
  const stored = data.boards.load(boardId);
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
  );
  return exportBoard(doc);
}

const restore = restoreInto;

/** The archive's files, changed by `edit`, zipped again. */
function rezip(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

describe('forum archive', () => {
  it('ARCHIVE: a manifest, pretty JSON, each image once in images/ and a PNG per board, checksums', async () => {
    const { created, photo } = await seededForum(dirs.source);
    const files = unzipSync(await archiveOf(dirs.source, created.forum.id));
    const manifest = JSON.parse(
      new TextDecoder().decode(files['manifest.json']),
    ) as ArchiveManifest;
    expect(manifest.format).toBe('carton-forum-archive');
    expect(manifest.forum.title).toBe('Forum régional de l’Alliance 2023');
    expect(manifest.boards.map((b) => b.kind)).toEqual(created.boards.map((b) => b.kind));
    expect(manifest.boards.map((b) => b.territory)).toEqual(created.boards.map((b) => b.territory));
    const kamouraska = manifest.boards.find((b) => b.territory === 'Kamouraska');
    expect(kamouraska?.json).toBe('boards/02-conditions-de-succes-kamouraska.json');
    expect(kamouraska?.shapes).toBe(7);
    for (const file of manifest.files) {
      const bytes = files[file.path];
      expect(bytes?.byteLength).toBe(file.bytes);
      expect(
        createHash('sha256')
          .update(bytes ?? new Uint8Array())
          .digest('hex'),
      ).toBe(file.sha256);
    }
    // A PNG and a JSON per board, the photo once, and the incontournables (C6).
    expect(manifest.files).toHaveLength(manifest.boards.length * 2 + 1 + 2);
    const json = new TextDecoder().decode(files[kamouraska?.json ?? '']);
    expect(json.startsWith('{\n  "format": "carton-board",')).toBe(true);
    // Version 2: the board file names the photo; its bytes are once in images/, by SHA-256.
    expect(manifest.version).toBe(2);
    expect(JSON.parse(json).images).toBeUndefined();
    expect(manifest.images).toEqual([
      { blobId: photo, path: `images/${photo}.png`, mime: 'image/png' },
    ]);
    expect(
      createHash('sha256')
        .update(files[`images/${photo}.png`] ?? new Uint8Array())
        .digest('hex'),
    ).toBe(photo);
    expect(decodePng(files[kamouraska?.png ?? ''] ?? new Uint8Array()).width).toBeGreaterThan(1000);
    // C6: the forum's « incontournables », compiled from its notes.
    expect(manifest.compilation).toEqual({
      markdown: 'incontournables.md',
      csv: 'incontournables.csv',
    });
    const markdown = new TextDecoder().decode(files['incontournables.md']);
    expect(markdown).toContain('# Les incontournables — Forum régional de l’Alliance 2023');
    // No vote was held: no « 0 point » on every line, as in the downloads (C5).
    expect(markdown).toMatch(/\n\d+\. \*\*Financement systémique\*\* — 1 fois · Kamouraska\n/);
    expect(new TextDecoder().decode(files['incontournables.csv'])).toContain(
      'idee,fois,territoires,sources\r\n',
    );
  });

  it.each([
    ['as exported (version 2)', (zip: Uint8Array) => zip],
    ['as Carton wrote it before (version 1: images embedded per board)', asVersion1],
  ])(
    'ARCHIVE: restored into another data directory %s, every board exports the same JSON',
    async (_, as) => {
      const { created, photo } = await seededForum(dirs.source);
      const restored = await restore(
        dirs.target,
        as(await archiveOf(dirs.source, created.forum.id)),
      );
      expect(restored.forum.id).not.toBe(created.forum.id);
      expect(restored.forum.title).toBe(created.forum.title);
      expect(restored.boards).toHaveLength(created.boards.length);
      for (const [i, board] of restored.boards.entries()) {
        const original = created.boards[i]!;
        expect(board.id).not.toBe(original.id);
        expect({ ...board, id: '', edit: null, view: null }).toEqual({
          ...original,
          id: '',
          edit: null,
          view: null,
        });
        expect(exportStored(dirs.target, board.id)).toEqual(exportStored(dirs.source, original.id));
        expect(
          await resolveBoardAccess(dirs.target.forums, board.id, board.edit.token),
        ).toMatchObject({
          ok: true,
          role: 'edit',
        });
      }
      expect(restored.facilitator.url).toBe(
        `http://autre.local/f/${restored.forum.id}#token=${restored.facilitator.token}`,
      );
      expect(dirs.target.blobs.get(restored.forum.id, photo)?.data).toEqual(
        dirs.source.blobs.get(created.forum.id, photo)?.data,
      );
    },
  );

  it('ARCHIVE: the PNG shows the notes in their colours at their places', async () => {
    const { created } = await seededForum(dirs.source);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    const file = await embedImages(
      exportStored(dirs.source, board.id),
      created.forum.id,
      dirs.source.blobs,
    );
    const { box, width, height } = renderSvg(file, { fonts: loadBundledFonts(), scale: 2 });
    const png = decodePng(await renderBoardPng(file, { scale: 2 }));
    expect([png.width, png.height]).toEqual([width, height]);
    const at = (x: number, y: number) =>
      png.pixel(Math.round((x - box.x) * 2), Math.round((y - box.y) * 2));
    expect(at(110, 210).slice(0, 3)).toEqual([0xf8, 0xbb, 0xd0]); // pink note's corner
    expect(at(410, 390).slice(0, 3)).toEqual([0xff, 0xf1, 0x76]); // yellow note's corner
    expect(at(900, 650).slice(0, 3)).toEqual([0xfb, 0xf8, 0xf1]); // inside the carton
    expect(at(1300, 150).slice(0, 3)).toEqual([30, 120, 200]); // the photo
    expect(at(box.x + 5, box.y + 5).slice(0, 3)).toEqual([0xf4, 0xf1, 0xea]); // the page
    // Text was drawn: dark pixels inside the pink note.
    let dark = 0;
    for (let y = 230; y < 380; y += 2)
      for (let x = 120; x < 280; x += 2) if ((at(x, y)[0] ?? 255) < 100) dark++;
    expect(dark).toBeGreaterThan(20);
    // A board too big for memory is drawn smaller, never past the pixel cap.
    const small = decodePng(await renderBoardPng(file, { maxPixels: 20_000 }));
    expect(small.width * small.height).toBeLessThanOrEqual(20_000);
    expect(small.width / small.height).toBeCloseTo(width / height, 1);
  });
});

describe('refused archives write nothing', () => {
  let zip: Uint8Array;
  beforeEach(async () => {
    zip = await archiveOf(dirs.source, (await seededForum(dirs.source)).created.forum.id);
  });

  const cases: [string, () => Uint8Array, string, string | RegExp][] = [
    ['not a zip', () => strToU8('{"format":"carton-board"}'), 'not_zip', '(archive)'],
    [
      'no manifest',
      () => rezip(zip, (f) => delete f['manifest.json']),
      'missing_manifest',
      '(archive)',
    ],
    [
      'another format',
      () => rezip(zip, (f) => (f['manifest.json'] = strToU8('{"format":"excalidraw"}'))),
      'wrong_format',
      'manifest.json: format',
    ],
    [
      'a future version',
      () =>
        rezip(zip, (f) => {
          const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
          f['manifest.json'] = strToU8(JSON.stringify({ ...m, version: 9 }));
        }),
      'future_version',
      'manifest.json: version',
    ],
    [
      'a changed board file',
      () =>
        rezip(
          zip,
          (f) =>
            (f['boards/01-pleniere-vision-commune-des-conditions-de-succes.json'] = strToU8('{}')),
        ),
      'checksum_mismatch',
      'boards/01-pleniere-vision-commune-des-conditions-de-succes.json',
    ],
  ];
  for (const [name, make, code, path] of cases) {
    it(`ARCHIVE: ${name} → ${code}`, async () => {
      const before = ['forums', 'boards', 'blobs', 'tokens'].map((t) =>
        count(dirs.target, t as 'forums'),
      );
      expect(await refusal(() => readForumArchive(make()))).toEqual({ code, path });
      expect(
        ['forums', 'boards', 'blobs', 'tokens'].map((t) => count(dirs.target, t as 'forums')),
      ).toEqual(before);
    });
  }

  /** Replaces a board file and its checksum, so content checks are what refuses it. */
  function withBoardFile(
    edit: (file: Record<string, unknown>) => unknown,
    from: Uint8Array = zip,
  ): Uint8Array {
    return rezip(from, (f) => {
      const manifest = JSON.parse(new TextDecoder().decode(f['manifest.json'])) as ArchiveManifest;
      const entry = manifest.boards.find((b) => b.territory === 'Kamouraska')!;
      const changed = strToU8(
        JSON.stringify(edit(JSON.parse(new TextDecoder().decode(f[entry.json])))),
      );
      f[entry.json] = changed;
      const listed = manifest.files.find((file) => file.path === entry.json)!;
      listed.sha256 = createHash('sha256').update(changed).digest('hex');
      listed.bytes = changed.byteLength;
      f['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
  }

  it('ARCHIVE: an invalid board inside names the file and the JSON path', async () => {
    const bad = withBoardFile((file) => {
      (file['shapes'] as Record<string, unknown>[])[2]!['x'] = 'loin';
      return file;
    });
    const error = await (async () => {
      try {
        await readForumArchive(bad);
      } catch (e) {
        return e as ArchiveError;
      }
      throw new Error('accepted');
    })();
    expect(error.code).toBe('invalid_board');
    expect(error.path).toBe('boards/02-conditions-de-succes-kamouraska.json: shapes[2].x');
    expect(error.issues[0]?.code).toBe('invalid_value');
  });

  it('ARCHIVE: a broken embedded image (version 1 archive) is broken_image', async () => {
    const bad = withBoardFile((file) => {
      const images = file['images'] as Record<string, { data: string }>;
      for (const image of Object.values(images))
        image.data = Buffer.from('not a png at all').toString('base64');
      return file;
    }, asVersion1(zip));
    expect((await refusal(() => readForumArchive(bad))).code).toBe('broken_image');
  });

  it('ARCHIVE: zip bombs are refused from the central directory (ratio, size, count)', async () => {
    const zeros = new Uint8Array(80 * 1024 * 1024);
    const bomb = rezip(zip, (f) => {
      f['boards/01-pleniere-vision-commune-des-conditions-de-succes.json'] = zeros;
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect((await refusal(() => readForumArchive(bomb))).code).toBe('zip_bomb');
    // One entry past the limit (25 001 zipped and listed: seconds on a busy machine).
    const many = rezip(zip, (f) => {
      for (let i = 0; i <= ARCHIVE_LIMITS.maxEntries; i++) f[`extra/${i}.txt`] = strToU8('x');
    });
    expect((await refusal(() => readForumArchive(many))).code).toBe('zip_bomb');
    const limits = {
      ...ARCHIVE_LIMITS,
      maxArchiveBytes: 1e9,
      maxEntries: 500,
      maxEntryBytes: 1000,
      maxTotalBytes: 1e9,
      maxRatio: 100,
      maxBoards: 64,
    };
    expect((await refusal(() => readForumArchive(zip, limits))).code).toBe('zip_bomb');
    expect(
      (
        await refusal(() =>
          readForumArchive(zip, { ...limits, maxEntryBytes: 1e8, maxTotalBytes: 1000 }),
        )
      ).code,
    ).toBe('zip_bomb');
    expect(
      (
        await refusal(() =>
          readForumArchive(zip, { ...limits, maxEntryBytes: 1e8, maxArchiveBytes: 100 }),
        )
      ).code,
    ).toBe('too_large');
  }, 30_000);
});

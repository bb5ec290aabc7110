// ARCHIVE, C9: the pairs of ideas the facilitator said are different travel in the manifest
// beside the merges and are said different again in the imported forum (its suggestions stay
// as she left them); an older archive (no `distinct`) imports with none.
import {
  forumRoomName,
  ideaPairKey,
  readCompilation,
  SERVER_ORIGIN,
  updateCompilation,
} from '@carton/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withStoredDoc } from '../storage/stored-doc.ts';
import type { ArchiveManifest } from './manifest.ts';
import { storageSource } from './source.ts';
import { editStoredDoc, restoreInto, seededForum, sourceAndTargetPerTest } from './test-support.ts';
import { collectStream, streamForumArchive } from './write.ts';

const dirs = sourceAndTargetPerTest();

const decoder = new TextDecoder();
const PAIR = ideaPairKey('conditions presentes', 'conditions souhaitees');

async function archiveWithDistinct() {
  const { created } = await seededForum(dirs.source);
  editStoredDoc(dirs.source, forumRoomName(created.forum.id), (doc) =>
    updateCompilation(doc, { distinct: { [PAIR]: true } }, 1, SERVER_ORIGIN),
  );
  const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id, {
    png: false,
  });
  return collectStream(stream!);
}

const restoredCompilation = async (zip: Uint8Array) => {
  const restored = await restoreInto(dirs.target, zip);
  return withStoredDoc(dirs.target.boards, forumRoomName(restored.forum.id), readCompilation);
};

describe('pairs of ideas said different in the forum archive', () => {
  it('ARCHIVE, C9: kept in the manifest and restored', async () => {
    const zip = await archiveWithDistinct();
    const manifest = JSON.parse(decoder.decode(unzipSync(zip)['manifest.json'])) as ArchiveManifest;
    expect(manifest.facilitation?.compilation?.distinct).toEqual([PAIR]);
    expect((await restoredCompilation(zip))?.distinct).toEqual([PAIR]);
  });

  it('ARCHIVE: an archive without distinct imports with none', async () => {
    const files = unzipSync(await archiveWithDistinct());
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    delete manifest.facilitation?.compilation?.distinct;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    expect((await restoredCompilation(zipSync(files)))?.distinct).toEqual([]);
  });
});

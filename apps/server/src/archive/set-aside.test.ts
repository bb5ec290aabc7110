// ARCHIVE, C7: the ideas a facilitator set aside leave the archive's incontournables, travel in
// the manifest beside the merges, and are set aside again in the imported forum; an older
// archive (no `setAside`) imports as before.
import {
  forumRoomName,
  ideaKey,
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
const FINANCEMENT = ideaKey('Financement systémique');

/** The seeded forum with « Financement systémique » set aside, and its archive. */
async function archiveWithSetAside() {
  const { created } = await seededForum(dirs.source);
  editStoredDoc(dirs.source, forumRoomName(created.forum.id), (doc) =>
    updateCompilation(doc, { setAside: { [FINANCEMENT]: true } }, 1, SERVER_ORIGIN),
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

describe('ideas set aside in the forum archive', () => {
  it('ARCHIVE, C7: left out of incontournables.md and .csv, kept in the manifest and restored', async () => {
    const zip = await archiveWithSetAside();
    const files = unzipSync(zip);
    const markdown = decoder.decode(files['incontournables.md']);
    expect(markdown).toContain('Liens de relais entre les organismes');
    expect(markdown).not.toContain('Financement');
    expect(decoder.decode(files['incontournables.csv'])).not.toContain('Financement');
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    expect(manifest.facilitation?.compilation?.setAside).toEqual([FINANCEMENT]);
    expect((await restoredCompilation(zip))?.setAside).toEqual([FINANCEMENT]);
  });

  it('ARCHIVE: an archive from before ideas were set aside imports with none', async () => {
    const files = unzipSync(await archiveWithSetAside());
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    delete manifest.facilitation?.compilation?.setAside;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const compilation = await restoredCompilation(zipSync(files));
    expect(compilation?.setAside).toEqual([]);
  });
});

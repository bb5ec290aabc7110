// ARCHIVE, C8: the facilitator's words for an idea are the archive's incontournables' words,
// travel in the manifest beside the merges, and word the idea again in the imported forum; an
// older archive (no `wordings`) imports as before, and words with a line break are made plain.
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
const WORDS = 'Un financement à la mission, récurrent et systémique';

/** The seeded forum with « Financement systémique » reworded, and its archive. */
async function archiveWithWording(words = WORDS) {
  const { created } = await seededForum(dirs.source);
  editStoredDoc(dirs.source, forumRoomName(created.forum.id), (doc) =>
    updateCompilation(doc, { wordings: { [FINANCEMENT]: words } }, 1, SERVER_ORIGIN),
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
const withManifest = (zip: Uint8Array, edit: (manifest: ArchiveManifest) => void) => {
  const files = unzipSync(zip);
  const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
};

describe('the facilitator’s words for ideas in the forum archive', () => {
  it('ARCHIVE, C8: in incontournables.md and .csv, kept in the manifest and restored', async () => {
    const zip = await archiveWithWording();
    const files = unzipSync(zip);
    expect(decoder.decode(files['incontournables.md'])).toContain(`. **${WORDS}**`);
    expect(decoder.decode(files['incontournables.csv'])).toContain(`"${WORDS}"`);
    expect(decoder.decode(files['incontournables.md'])).not.toContain('Financement systémique');
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    expect(manifest.facilitation?.compilation?.wordings).toEqual({ [FINANCEMENT]: WORDS });
    expect((await restoredCompilation(zip))?.wordings).toEqual({ [FINANCEMENT]: WORDS });
  });

  it('ARCHIVE, C8: French spacing in the words comes back as the facilitator typed it', async () => {
    // The route takes any one line of visible text (R24): a no-break space before « : », a
    // narrow one before « ! », two spaces. plainName read them all as one plain space.
    const words = 'Bonne communication\u00a0: franche,  claire\u202f!';
    const zip = await archiveWithWording(words);
    expect((await restoredCompilation(zip))?.wordings).toEqual({ [FINANCEMENT]: words });
  });

  it('ARCHIVE: an archive without wordings imports with none; words are made plain text', async () => {
    const zip = await archiveWithWording();
    const older = withManifest(zip, (m) => delete m.facilitation?.compilation?.wordings);
    expect((await restoredCompilation(older))?.wordings).toEqual({});
    const broken = withManifest(zip, (m) => {
      m.facilitation!.compilation!.wordings = { [FINANCEMENT]: 'Deux\nlignes', vide: '\u202e ' };
    });
    expect((await restoredCompilation(broken))?.wordings).toEqual({ [FINANCEMENT]: 'Deux lignes' });
  });
});

// ARCHIVE, C8: the facilitator's words for an idea are the archive's incontournables' words,
// travel in the manifest beside the merges, and word the idea again in the imported forum; an
// older archive (no `wordings`) imports as before, and words with a line break are made plain.
import { ideaKey } from '@carton/board';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  archiveWithCompilation,
  manifestOf,
  restoredCompilation,
  withManifest,
} from './test-compilation.ts';
import { sourceAndTargetPerTest } from './test-support.ts';

const dirs = sourceAndTargetPerTest();

const decoder = new TextDecoder();
const FINANCEMENT = ideaKey('Financement systémique');
const WORDS = 'Un financement à la mission, récurrent et systémique';

/** The seeded forum with « Financement systémique » reworded, and its archive. */
const archiveWithWording = (words = WORDS) =>
  archiveWithCompilation(dirs, { wordings: { [FINANCEMENT]: words } });

describe('the facilitator’s words for ideas in the forum archive', () => {
  it('ARCHIVE, C8: in incontournables.md and .csv, kept in the manifest and restored', async () => {
    const zip = await archiveWithWording();
    const files = unzipSync(zip);
    expect(decoder.decode(files['incontournables.md'])).toContain(`. **${WORDS}**`);
    expect(decoder.decode(files['incontournables.csv'])).toContain(`"${WORDS}"`);
    expect(decoder.decode(files['incontournables.md'])).not.toContain('Financement systémique');
    expect(manifestOf(files).facilitation?.compilation?.wordings).toEqual({ [FINANCEMENT]: WORDS });
    expect((await restoredCompilation(dirs, zip))?.wordings).toEqual({ [FINANCEMENT]: WORDS });
  });

  it('ARCHIVE, C8: French spacing in the words comes back as the facilitator typed it', async () => {
    // The route takes any one line of visible text (R24): a no-break space before « : », a
    // narrow one before « ! », two spaces. plainName read them all as one plain space.
    const words = 'Bonne communication\u00a0: franche,  claire\u202f!';
    const zip = await archiveWithWording(words);
    expect((await restoredCompilation(dirs, zip))?.wordings).toEqual({ [FINANCEMENT]: words });
  });

  it('ARCHIVE: an archive without wordings imports with none; words are made plain text', async () => {
    const zip = await archiveWithWording();
    const older = withManifest(zip, (m) => delete m.facilitation?.compilation?.wordings);
    expect((await restoredCompilation(dirs, older))?.wordings).toEqual({});
    const broken = withManifest(zip, (m) => {
      m.facilitation!.compilation!.wordings = { [FINANCEMENT]: 'Deux\nlignes', vide: '\u202e ' };
    });
    expect((await restoredCompilation(dirs, broken))?.wordings).toEqual({
      [FINANCEMENT]: 'Deux lignes',
    });
  });
});

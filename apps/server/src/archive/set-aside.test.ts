// ARCHIVE, C7: the ideas a facilitator set aside leave the archive's incontournables, travel in
// the manifest beside the merges, and are set aside again in the imported forum; an older
// archive (no `setAside`) imports as before.
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

/** The seeded forum with « Financement systémique » set aside, and its archive. */
const archiveWithSetAside = () =>
  archiveWithCompilation(dirs, { setAside: { [FINANCEMENT]: true } });

describe('ideas set aside in the forum archive', () => {
  it('ARCHIVE, C7: left out of incontournables.md and .csv, kept in the manifest and restored', async () => {
    const zip = await archiveWithSetAside();
    const files = unzipSync(zip);
    const markdown = decoder.decode(files['incontournables.md']);
    expect(markdown).toContain('Liens de relais entre les organismes');
    expect(markdown).not.toContain('Financement');
    expect(decoder.decode(files['incontournables.csv'])).not.toContain('Financement');
    expect(manifestOf(files).facilitation?.compilation?.setAside).toEqual([FINANCEMENT]);
    expect((await restoredCompilation(dirs, zip))?.setAside).toEqual([FINANCEMENT]);
  });

  it('ARCHIVE: an archive from before ideas were set aside imports with none', async () => {
    const older = withManifest(
      await archiveWithSetAside(),
      (m) => delete m.facilitation?.compilation?.setAside,
    );
    const compilation = await restoredCompilation(dirs, older);
    expect(compilation?.setAside).toEqual([]);
  });
});

// ARCHIVE, C9: the pairs of ideas the facilitator said are different travel in the manifest
// beside the merges and are said different again in the imported forum (its suggestions stay
// as she left them); an older archive (no `distinct`) imports with none.
import { ideaPairKey } from '@carton/board';
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

const PAIR = ideaPairKey('conditions presentes', 'conditions souhaitees');

const archiveWithDistinct = () => archiveWithCompilation(dirs, { distinct: { [PAIR]: true } });

describe('pairs of ideas said different in the forum archive', () => {
  it('ARCHIVE, C9: kept in the manifest and restored', async () => {
    const zip = await archiveWithDistinct();
    expect(manifestOf(unzipSync(zip)).facilitation?.compilation?.distinct).toEqual([PAIR]);
    expect((await restoredCompilation(dirs, zip))?.distinct).toEqual([PAIR]);
  });

  it('ARCHIVE: an archive without distinct imports with none', async () => {
    const older = withManifest(
      await archiveWithDistinct(),
      (m) => delete m.facilitation?.compilation?.distinct,
    );
    expect((await restoredCompilation(dirs, older))?.distinct).toEqual([]);
  });
});

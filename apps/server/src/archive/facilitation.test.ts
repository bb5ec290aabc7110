// A forum archive is uploaded without a token (POST /api/forums/import): its manifest's votes
// and merges are hostile input. Each refusal is invalid_manifest before anything is written.
import { forumRoomName, readCompilation } from '@carton/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from './errors.ts';
import type { ArchiveManifest } from './manifest.ts';
import { readForumArchive } from './read.ts';
import { withStoredDoc } from '../storage/stored-doc.ts';
import { restoreForumArchive } from './restore.ts';
import { storageSource } from './source.ts';
import { collectStream, streamForumArchive } from './write.ts';
import {
  count,
  restoreInto,
  restoreTarget,
  seededForum,
  sourceAndTargetPerTest,
  type DataDir,
} from './test-support.ts';

const dirs = sourceAndTargetPerTest();
let zip: Uint8Array;
let manifest: ArchiveManifest;

beforeEach(async () => {
  const { created } = await seededForum(dirs.source);
  const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id, {
    png: false,
  });
  zip = await collectStream(stream!);
  manifest = JSON.parse(
    new TextDecoder().decode(unzipSync(zip)['manifest.json']),
  ) as ArchiveManifest;
});

type Facilitation = NonNullable<ArchiveManifest['facilitation']>;

function withFacilitation(facilitation: unknown): Uint8Array {
  const files = unzipSync(zip);
  files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, facilitation }));
  return zipSync(files);
}

const kamouraska = () => manifest.boards.find((b) => b.territory === 'Kamouraska')!.id;

function vote(overrides: Partial<Facilitation['votes'][number]> = {}) {
  return {
    id: 'vote-1',
    title: 'Nos priorités',
    boardIds: [kamouraska()],
    dotsPerParticipant: 3,
    state: 'closed' as const,
    openedAt: 1_698_300_000_000,
    closedAt: 1_698_300_600_000,
    counts: { [`${kamouraska()}/note-1`]: 4 },
    ...overrides,
  };
}

const dots = (data: DataDir) =>
  (data.db.prepare('SELECT COUNT(*) AS n FROM vote_dots').get() as { n: number }).n;

async function refused(archive: Uint8Array): Promise<string> {
  return (await refusal(archive)).path;
}

async function refusal(archive: Uint8Array): Promise<ArchiveError> {
  const before = [count(dirs.target, 'forums'), count(dirs.target, 'boards'), dots(dirs.target)];
  try {
    await restoreInto(dirs.target, archive);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    expect(error.code).toBe('invalid_manifest');
    expect([count(dirs.target, 'forums'), count(dirs.target, 'boards'), dots(dirs.target)]).toEqual(
      before,
    );
    return error;
  }
  throw new Error('accepted');
}

describe('ARCHIVE: hostile votes and merges in the manifest', () => {
  it('a well-formed vote is restored as that many dots', async () => {
    const archive = await readForumArchive(
      withFacilitation({ votes: [vote()], compilation: null }),
    );
    await restoreForumArchive(archive, restoreTarget(dirs.target));
    expect(dots(dirs.target)).toBe(4);
  });

  it('a huge total of dots (a million rows per note) is refused', async () => {
    const counts = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`${kamouraska()}/note-${i}`, 1_000_000]),
    );
    expect(
      await refused(withFacilitation({ votes: [vote({ counts })], compilation: null })),
    ).toMatch(/facilitation/);
  });

  it('a negative or fractional count is refused', async () => {
    for (const n of [-3, 1.5]) {
      const counts = { [`${kamouraska()}/note-1`]: n };
      expect(
        await refused(withFacilitation({ votes: [vote({ counts })], compilation: null })),
      ).toMatch(/facilitation/);
    }
  });

  it('a count on a board that is not in the archive, or not in the vote, is refused', async () => {
    const plenary = manifest.boards.find((b) => b.kind === 'plenary')!.id;
    for (const key of ['ailleurs/note-1', `${plenary}/note-1`, 'sans-barre']) {
      expect(
        await refused(
          withFacilitation({ votes: [vote({ counts: { [key]: 1 } })], compilation: null }),
        ),
      ).toMatch(/facilitation/);
    }
  });

  it('a vote or a compilation naming a board that is not in the archive is refused', async () => {
    expect(
      await refused(
        withFacilitation({
          votes: [vote({ boardIds: ['ailleurs'], counts: {} })],
          compilation: null,
        }),
      ),
    ).toMatch(/facilitation/);
    expect(
      await refused(
        withFacilitation({ votes: [], compilation: { boardIds: ['ailleurs'], merges: {} } }),
      ),
    ).toMatch(/facilitation/);
  });

  it('duplicate votes, duplicate boards in a vote, or duplicate board ids are refused', async () => {
    expect(await refused(withFacilitation({ votes: [vote(), vote()], compilation: null }))).toMatch(
      /facilitation/,
    );
    expect(
      await refused(
        withFacilitation({
          votes: [vote({ boardIds: [kamouraska(), kamouraska()] })],
          compilation: null,
        }),
      ),
    ).toMatch(/facilitation/);
  });

  it('refusals say what is wrong in Carton’s sentences (capital, full stop), ids kept as they are', async () => {
    const message = async (facilitation: unknown) =>
      (await refusal(withFacilitation(facilitation))).message;
    expect(await message({ votes: [vote(), vote()], compilation: null })).toMatch(
      /^Vote \S+ is listed twice\.$/,
    );
    expect(await message({ votes: [], compilation: { boardIds: ['ailleurs'], merges: {} } })).toBe(
      'Board ailleurs is not a board of the archive.',
    );
    expect(
      await message({ votes: [vote({ counts: { 'sans-barre': 1 } })], compilation: null }),
    ).toBe('Note sans-barre is not <board of the vote>/<note>.');
  });

  it('a flood of merges, ideas set aside, wordings and pairs (an older Carton’s export) keeps the first ones and says how many were left out', async () => {
    const keys = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
    const archive = withFacilitation({
      votes: [],
      compilation: {
        boardIds: [],
        merges: Object.fromEntries(keys('idee', 20_000).map((key) => [key, 'cible'])),
        setAside: keys('ecartee', 5_001),
        wordings: Object.fromEntries(keys('mots', 5_002).map((key) => [key, 'Des mots'])),
        distinct: keys('paire', 5_003),
      },
    });
    const restored = await restoreInto(dirs.target, archive);
    expect(restored.leftOut).toEqual({ merges: 15_000, setAside: 1, wordings: 2, distinct: 3 });
    const compilation = (await withStoredDoc(
      dirs.target.boards,
      forumRoomName(restored.forum.id),
      readCompilation,
    ))!;
    expect(Object.keys(compilation.merges).sort()).toEqual(keys('idee', 5_000));
    expect(compilation.setAside).toEqual(keys('ecartee', 5_000));
    expect(Object.keys(compilation.wordings).sort()).toEqual(keys('mots', 5_000));
    expect(compilation.distinct).toEqual(keys('paire', 5_000));
  });

  it('an archive within the limits says nothing left out', async () => {
    expect((await restoreInto(dirs.target, zip)).leftOut).toBeUndefined();
  });

  it('a key longer than the import takes is still refused', async () => {
    const merges = { ['x'.repeat(501)]: 'cible' };
    expect(
      await refused(withFacilitation({ votes: [], compilation: { boardIds: [], merges } })),
    ).toMatch(/facilitation/);
  });
});

describe('ARCHIVE: hostile names in the manifest', () => {
  function withNames(edit: (m: ArchiveManifest) => void): Uint8Array {
    const files = unzipSync(zip);
    const changed = structuredClone(manifest);
    edit(changed);
    files['manifest.json'] = strToU8(JSON.stringify(changed));
    return zipSync(files);
  }

  it('R24: a bidi override, a NUL or an invisible name is refused like in a new forum', async () => {
    const names = ['Kamouraska \u202Etxt.exe', 'Kamouraska\u0000', '\u200B'];
    for (const name of names) {
      expect(await refused(withNames((m) => (m.forum.title = name)))).toBe(
        'manifest.json: forum.title',
      );
      expect(await refused(withNames((m) => (m.boards[1]!.territory = name)))).toBe(
        'manifest.json: boards.1.territory',
      );
      expect(await refused(withNames((m) => (m.boards[1]!.title = name)))).toBe(
        'manifest.json: boards.1.title',
      );
    }
  });
});

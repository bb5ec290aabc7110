// ARCHIVE « Past the import's limits »: whatever the forum doc holds (a facilitator's socket
// writes it unchecked, F2), what the export writes passes the import's own schema and checks,
// and what it left out is counted.
import { describe, expect, it } from 'vitest';
import { checkFacilitation } from './facilitation.ts';
import { fitFacilitation } from './fit-facilitation.ts';
import { ManifestSchema, type ArchiveFacilitation } from './manifest.ts';

const BOARD = 'kamouraska';

/** A manifest of one board holding `facilitation`, as the import reads it. */
function imported(facilitation: ArchiveFacilitation) {
  const manifest = ManifestSchema.parse({
    format: 'carton-forum-archive',
    version: 2,
    exportedAt: '2026-11-29T08:00:00.000Z',
    boardFileVersion: 1,
    forum: { id: 'forum', title: 'Forum du Bas-Saint-Laurent' },
    boards: [
      {
        id: BOARD,
        position: 0,
        kind: 'territory',
        title: 'Kamouraska',
        territory: 'Kamouraska',
        json: 'boards/kamouraska.json',
        png: null,
        shapes: 0,
      },
    ],
    files: [],
    facilitation,
  });
  return { manifest, leftOut: checkFacilitation(manifest) };
}

function vote(id: string, overrides: Partial<ArchiveFacilitation['votes'][number]> = {}) {
  return {
    id,
    title: 'Nos priorités',
    boardIds: [BOARD],
    dotsPerParticipant: 3,
    state: 'closed' as const,
    openedAt: 1_000,
    closedAt: 2_000,
    counts: { [`${BOARD}/note-1`]: 2 },
    ...overrides,
  };
}

describe('the export fits the forum doc to what the import takes', () => {
  it('votes, notes, dots and voters past the limits are left out and counted', () => {
    const counts: Record<string, number> = { [`${BOARD}/forte`]: 20_000 };
    for (let i = 0; i < 5_001; i++) counts[`${BOARD}/note-${i}`] = 1;
    const votes = [
      vote('gros-vote', {
        title: 'Un titre\u202E trop long '.repeat(30),
        dotsPerParticipant: 50,
        openedAt: 1.5,
        counts,
        voters: [
          { id: 'v1', dots: Array.from({ length: 30 }, () => `${BOARD}/forte`) },
          { id: 'v2', dots: [`${BOARD}/note-5000`] },
        ],
      }),
      vote('x'.repeat(65)),
      ...Array.from({ length: 500 }, (_, i) => vote(`vote-${i}`)),
    ];
    const fitted = fitFacilitation({ votes, compilation: null });
    // 502 votes: the one with a long id and the 501st left out, with their 2 dots each.
    expect(fitted.facilitation.votes).toHaveLength(500);
    // 5,002 notes: the note with most dots and 4,999 others kept, 2 left out (1 dot each);
    // 10,000 dots of the 20,000 of one note kept.
    expect(fitted.leftOut).toEqual({ votes: 2, notes: 2, dots: 10_006 });
    const [first] = fitted.facilitation.votes;
    expect(first?.dotsPerParticipant).toBe(20);
    expect(first?.counts[`${BOARD}/forte`]).toBe(10_000);
    expect(first?.voters).toEqual([{ id: 'v1', dots: Array(20).fill(`${BOARD}/forte`) }]);

    const { manifest, leftOut } = imported(fitted.facilitation);
    expect(leftOut).toEqual({});
    expect(manifest.facilitation?.votes).toHaveLength(500);
    expect(manifest.facilitation?.votes[0]?.title.length).toBeLessThanOrEqual(200);
  });

  it('without the fit, the same votes are refused by the import', () => {
    const votes = [vote('vote', { dotsPerParticipant: 50 })];
    expect(() => imported({ votes, compilation: null })).toThrow();
    expect(imported(fitFacilitation({ votes, compilation: null }).facilitation).leftOut).toEqual(
      {},
    );
  });

  it('a forum doc within the limits is written as it is', () => {
    const facilitation: ArchiveFacilitation = {
      votes: [vote('vote', { voters: [{ id: 'v1', dots: [`${BOARD}/note-1`] }] })],
      compilation: { boardIds: [BOARD], merges: { a: 'b' }, setAside: ['c'], distinct: ['a|c'] },
    };
    expect(fitFacilitation(facilitation)).toEqual({ facilitation, leftOut: {} });
  });
});

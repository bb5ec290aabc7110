// ARCHIVE: dot votes travel with their voters under per-archive aliases (a recount per voter,
// nothing that links to a device or across archives) and come back closed.
import {
  forumRoomName,
  noteKey,
  openVote,
  readVotes,
  SERVER_ORIGIN,
  setVoteCounts,
} from '@carton/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { voterHash } from '../facilitation/vote-store.ts';
import { withStoredDoc } from '../storage/stored-doc.ts';
import { ArchiveError } from './errors.ts';
import type { ArchiveManifest } from './manifest.ts';
import { readForumArchive } from './read.ts';
import { storageSource } from './source.ts';
import { editStoredDoc, restoreInto, seededForum, sourceAndTargetPerTest } from './test-support.ts';
import { collectStream, streamForumArchive } from './write.ts';

const dirs = sourceAndTargetPerTest();

const decoder = new TextDecoder();
const OPENED_AT = Date.UTC(2023, 4, 18, 15, 0);
const EXPORTED_AT = new Date(Date.UTC(2023, 4, 18, 16, 0));
/** The devices' random voter ids (V2): never in an archive, nor their stored hashes. */
const AMELIE = 'voter-amelie-0001';
const BRUNO = 'voter-bruno-00002';

/**
 * The seeded forum with an OPEN vote on Kamouraska: Amélie puts two dots on « Financement
 * systémique » and one on « Liens de relais », Bruno one on « Financement systémique ».
 */
async function forumWithVote() {
  const { created } = await seededForum(dirs.source);
  const forumId = created.forum.id;
  const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
  const notes = await withStoredDoc(dirs.source.boards, board.id, (doc) => {
    const shapes = doc.getMap('board').get('shapes') as Y.Map<Y.Map<unknown>>;
    const byText = new Map<string, string>();
    for (const [id, shape] of shapes) byText.set(String(shape.get('text')), id);
    return byText;
  });
  const financement = notes.get('Financement systémique')!;
  const liens = notes.get('Liens de relais entre les organismes')!;
  const voteId = 'vote-priorites';
  const place = (device: string, shapeId: string) =>
    dirs.source.votes.add(
      forumId,
      voteId,
      voterHash(forumId, voteId, device),
      { boardId: board.id, shapeId },
      3,
    );
  for (const [device, shapeId] of [
    [AMELIE, financement],
    [AMELIE, liens],
    [BRUNO, financement],
    [AMELIE, financement],
  ] as const) {
    expect(place(device, shapeId)).toBe(true);
  }
  editStoredDoc(dirs.source, forumRoomName(forumId), (doc) => {
    openVote(
      doc,
      {
        id: voteId,
        title: 'Nos incontournables',
        boardIds: [board.id],
        dotsPerParticipant: 3,
        openedAt: OPENED_AT,
      },
      SERVER_ORIGIN,
    );
    setVoteCounts(
      doc,
      voteId,
      { [noteKey(board.id, financement)]: 3, [noteKey(board.id, liens)]: 1 },
      SERVER_ORIGIN,
    );
  });
  const stream = await streamForumArchive(storageSource(dirs.source), forumId, {
    png: false,
    now: EXPORTED_AT,
  });
  return { created, board, voteId, financement, liens, zip: await collectStream(stream!) };
}

const manifestOf = (zip: Uint8Array) =>
  JSON.parse(decoder.decode(unzipSync(zip)['manifest.json'])) as ArchiveManifest;

function withVotes(zip: Uint8Array, edit: (votes: ArchiveManifest['facilitation']) => void) {
  const files = unzipSync(zip);
  const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
  edit(manifest.facilitation);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

const restore = (zip: Uint8Array) => restoreInto(dirs.target, zip);

/** Each voter's dots as sorted note keys, voters in a stable order (aliases are random). */
const recount = (ballots: ReadonlyArray<{ dots: readonly string[] }>) =>
  ballots.map((ballot) => [...ballot.dots].sort().join(' ')).sort();

describe('votes in the forum archive', () => {
  it('ARCHIVE: each voter’s dots under an alias of this archive; no device id, no stored hash', async () => {
    const { zip, board, voteId, financement, liens, created } = await forumWithVote();
    const text = decoder.decode(unzipSync(zip)['manifest.json']);
    const vote = manifestOf(zip).facilitation!.votes[0]!;
    expect(vote.counts).toEqual({
      [noteKey(board.id, financement)]: 3,
      [noteKey(board.id, liens)]: 1,
    });
    expect(vote.voters?.map((voter) => voter.id).sort()).toEqual(['v1', 'v2']);
    expect(recount(vote.voters ?? [])).toEqual(
      [
        [financement, financement, liens]
          .map((s) => noteKey(board.id, s))
          .sort()
          .join(' '),
        noteKey(board.id, financement),
      ].sort(),
    );
    for (const device of [AMELIE, BRUNO]) {
      expect(text).not.toContain(device);
      expect(text).not.toContain(voterHash(created.forum.id, voteId, device));
    }
  });

  it('ARCHIVE: restored, the votes are closed at the archive’s date, each voter’s dots kept apart', async () => {
    const { zip } = await forumWithVote();
    const restored = await restore(zip);
    const board = restored.boards.find((b) => b.territory === 'Kamouraska')!;
    const [vote] = await withStoredDoc(
      dirs.target.boards,
      forumRoomName(restored.forum.id),
      readVotes,
    );
    expect(vote).toMatchObject({ state: 'closed', openedAt: OPENED_AT });
    expect(vote?.closedAt).toBe(EXPORTED_AT.getTime());
    const ballots = dirs.target.votes.ballots(vote!.id);
    // Voters that match no device: nobody can take these dots back.
    expect(ballots.every((ballot) => /^archive:v[12]$/.test(ballot.voter))).toBe(true);
    const archived = manifestOf(zip).facilitation!.votes[0]!.voters!;
    const mapped = (key: string) => `${board.id}/${key.split('/')[1]}`;
    expect(
      recount(ballots.map((b) => ({ dots: b.dots.map((d) => noteKey(d.boardId, d.shapeId)) }))),
    ).toEqual(recount(archived.map((v) => ({ dots: v.dots.map(mapped) }))));
    expect(Object.values(vote!.counts).sort()).toEqual([1, 3]);
  });

  it('ARCHIVE: an older archive (totals only, a vote still open) restores its totals, closed', async () => {
    const { zip } = await forumWithVote();
    const older = withVotes(zip, (facilitation) => {
      for (const vote of facilitation!.votes) delete vote.voters;
    });
    const restored = await restore(older);
    const [vote] = await withStoredDoc(
      dirs.target.boards,
      forumRoomName(restored.forum.id),
      readVotes,
    );
    expect(vote?.state).toBe('closed');
    const ballots = dirs.target.votes.ballots(vote!.id);
    expect(ballots.map((ballot) => [ballot.voter, ballot.dots.length])).toEqual([['archive', 4]]);
  });

  it('ARCHIVE: voters’ dots past the totals, past the vote’s dots per voter, or an alias twice are refused', async () => {
    const { zip } = await forumWithVote();
    const cases: Array<
      (vote: NonNullable<ArchiveManifest['facilitation']>['votes'][number]) => void
    > = [
      (vote) => vote.voters![0]!.dots.push(vote.voters![0]!.dots[0]!),
      (vote) => (vote.dotsPerParticipant = 1),
      (vote) => (vote.voters![1]!.id = vote.voters![0]!.id),
      (vote) => vote.voters!.push({ id: 'v9', dots: ['ailleurs/note'] }),
    ];
    for (const change of cases) {
      const hostile = withVotes(zip, (facilitation) => change(facilitation!.votes[0]!));
      let code = 'accepted';
      try {
        await readForumArchive(hostile);
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        code = error.code;
        expect(error.path).toMatch(/^manifest\.json: facilitation\.votes\.0\./);
      }
      expect(code).toBe('invalid_manifest');
    }
  });
});

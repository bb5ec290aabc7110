// ARCHIVE: each board's PNG draws the dots of the newest vote over it once closed, the dark
// badges the board and the projector show — the vote's results were readable in no picture of
// the forum archive.
import {
  Board,
  closeVote,
  exportBoard,
  forumRoomName,
  importBoard,
  openVote,
  SERVER_ORIGIN,
  setVoteCounts,
} from '@carton/board';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { drawBoardWithPhotos, drawnVoteDots } from './board-drawing.ts';
import type { ArchiveManifest } from './manifest.ts';
import { storageSource, type ArchiveSource } from './source.ts';
import {
  decodePng,
  editStoredBoard,
  editStoredDoc,
  ME,
  seededForum,
  sourceAndTargetPerTest,
} from './test-support.ts';
import { collectStream, streamForumArchive } from './write.ts';

const dirs = sourceAndTargetPerTest();
const decoder = new TextDecoder();
/** The badges' fill (#1d2b3a). */
const BADGE = [0x1d, 0x2b, 0x3a];

describe('the votes’ dots on the archive’s PNGs', () => {
  it('takes the newest vote over the board, once closed', () => {
    const closed = {
      boardIds: ['kam', 'rdl'],
      state: 'closed',
      counts: { 'kam/n1': 3, 'rdl/n2': 1 },
    };
    expect(drawnVoteDots([closed], 'kam')).toEqual(new Map([['n1', 3]]));
    const open = { boardIds: ['rdl'], state: 'open', counts: { 'rdl/n2': 2 } };
    expect(drawnVoteDots([closed, open], 'rdl')).toEqual(new Map());
    expect(drawnVoteDots([closed, open], 'kam')).toEqual(new Map([['n1', 3]]));
  });

  it('ARCHIVE: a closed vote’s counts are drawn on the board’s PNG', async () => {
    const { created } = await seededForum(dirs.source);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    let note = '';
    editStoredBoard(dirs.source, board.id, (edit) =>
      edit.run((tx) => {
        note = tx.create('note', { x: 1200, y: 1200, w: 200, h: 200, text: 'Bon leadership' });
      }, ME),
    );
    const badgePixels = async () => {
      const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id);
      const files = unzipSync(await collectStream(stream!));
      const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
      const png = decodePng(files[manifest.boards.find((b) => b.id === board.id)!.png!]!);
      let count = 0;
      for (let y = 0; y < png.height; y++)
        for (let x = 0; x < png.width; x++) {
          const [r, g, b] = png.pixel(x, y);
          if (r === BADGE[0] && g === BADGE[1] && b === BADGE[2]) count++;
        }
      return count;
    };
    const room = forumRoomName(created.forum.id);
    editStoredDoc(dirs.source, room, (doc) => {
      const vote = { id: 'v1', title: 'Nos incontournables', boardIds: [board.id] };
      openVote(doc, { ...vote, dotsPerParticipant: 3, openedAt: 1 }, SERVER_ORIGIN);
      setVoteCounts(doc, 'v1', { [`${board.id}/${note}`]: 3 }, SERVER_ORIGIN);
    });
    // Open, its dots are not the results yet: none drawn.
    const open = await badgePixels();
    editStoredDoc(dirs.source, room, (doc) => closeVote(doc, 'v1', 2, SERVER_ORIGIN));
    expect((await badgePixels()) - open).toBeGreaterThan(500);
  });

  it('moves a badge off a heart stamped in its note’s corner, as the board does', async () => {
    const doc = importBoard({
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
      shapes: [],
    });
    const note = new Board(doc).run((tx) => {
      const id = tx.create('note', { x: 100, y: 100, w: 200, h: 200, text: 'Bon leadership' });
      tx.create('stamp', { x: 230, y: 110, size: 64, kind: 'heart' });
      return id;
    }, ME);
    const file = exportBoard(doc);
    doc.destroy();
    const noBlobs = {} as ArchiveSource['blobs'];
    const drawn = await drawBoardWithPhotos(file, 'f', noBlobs, undefined, new Map([[note, 2]]));
    const badge = /<g class="vote-badge"[^>]*><rect x="([\d.-]+)" y="([\d.-]+)" width="48"/.exec(
      drawn.svg.toString('utf8'),
    );
    // At the note's top-left corner, straddling it; at its top-right it covered the heart.
    expect(Number(badge?.[1])).toBeLessThan(100);
    expect(Number(badge?.[2])).toBe(76);
  });
});

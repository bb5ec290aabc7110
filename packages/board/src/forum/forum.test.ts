import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localOrigin, SERVER_ORIGIN } from '../origin/origin.ts';
import { ideaPairKey } from '../compilation/similar.ts';
import {
  applyTimer,
  closeVote,
  ForumCommandError,
  nextTimer,
  openVote,
  reopenVote,
  setSpotlight,
  setVoteCounts,
  updateCompilation,
} from './commands.ts';
import {
  forumRoot,
  initForumDoc,
  noteKey,
  readCompilation,
  readSpotlight,
  readTimer,
  readVote,
  readVotes,
  splitNoteKey,
  timerRemainingMs,
} from './layout.ts';

describe('forum document', () => {
  it('F1: init creates the maps once; readers validate', () => {
    const doc = new Y.Doc();
    expect(readTimer(doc)).toBeNull();
    initForumDoc(doc);
    const timer = forumRoot(doc).get('timer');
    initForumDoc(doc);
    expect(forumRoot(doc).get('timer')).toBe(timer);
    expect(readTimer(doc)).toEqual({
      state: 'stopped',
      durationMs: 0,
      endsAt: null,
      remainingMs: null,
    });
    expect(readSpotlight(doc)).toEqual({ active: false, boardId: null, by: null });
    expect(readVotes(doc)).toEqual([]);
    expect(readCompilation(doc)).toEqual({
      boardIds: [],
      merges: {},
      setAside: [],
      wordings: {},
      distinct: [],
      updatedAt: null,
    });
    (timer as Y.Map<unknown>).set('state', 'exploded');
    expect(readTimer(doc)).toBeNull();
  });

  it('F3: timer start, pause, resume, add, stop at server time', () => {
    let t = nextTimer(null, { action: 'start', durationMs: 600_000 }, 1_000);
    expect(t).toMatchObject({ state: 'running', endsAt: 601_000 });
    expect(timerRemainingMs(t, 101_000)).toBe(500_000);
    t = nextTimer(t, { action: 'pause' }, 101_000);
    expect(t).toMatchObject({ state: 'paused', remainingMs: 500_000, endsAt: null });
    t = nextTimer(t, { action: 'add', addMs: 60_000 }, 200_000);
    expect(timerRemainingMs(t, 999_999)).toBe(560_000);
    t = nextTimer(t, { action: 'resume' }, 300_000);
    expect(t).toMatchObject({ state: 'running', endsAt: 860_000 });
    expect(() => nextTimer(t, { action: 'resume' }, 0)).toThrow(ForumCommandError);
    t = nextTimer(t, { action: 'stop' }, 0);
    expect(t.state).toBe('stopped');
    expect(() => nextTimer(t, { action: 'add', addMs: 1 }, 0)).toThrow(ForumCommandError);
  });

  it('F3: writers are one transaction each with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    initForumDoc(doc);
    origins.length = 0;
    applyTimer(doc, { action: 'start', durationMs: 1000 }, 5, SERVER_ORIGIN);
    setSpotlight(doc, { active: true, boardId: 'b1', by: 'Marie-Anne' }, localOrigin('f'));
    expect(origins).toEqual([SERVER_ORIGIN, localOrigin('f')]);
    expect(readTimer(doc)?.endsAt).toBe(1005);
    expect(readSpotlight(doc)).toEqual({ active: true, boardId: 'b1', by: 'Marie-Anne' });
    setSpotlight(doc, { active: false, boardId: 'b1', by: 'x' }, SERVER_ORIGIN);
    expect(readSpotlight(doc)).toEqual({ active: false, boardId: null, by: null });
  });

  it('F4: votes open, count and close', () => {
    const doc = new Y.Doc();
    openVote(
      doc,
      { id: 'v1', title: 'Priorités', boardIds: ['a', 'b'], dotsPerParticipant: 3, openedAt: 10 },
      SERVER_ORIGIN,
    );
    setVoteCounts(doc, 'v1', { 'a/shape:1': 2, 'b/shape:2': 1 }, SERVER_ORIGIN);
    setVoteCounts(doc, 'v1', { 'b/shape:2': 0 }, SERVER_ORIGIN);
    expect(readVote(doc, 'v1')).toMatchObject({
      state: 'open',
      counts: { 'a/shape:1': 2 },
      boardIds: ['a', 'b'],
    });
    closeVote(doc, 'v1', 20, SERVER_ORIGIN);
    expect(readVotes(doc)).toMatchObject([{ id: 'v1', state: 'closed', closedAt: 20 }]);
    expect(() => closeVote(doc, 'nope', 1, SERVER_ORIGIN)).toThrow(ForumCommandError);
  });

  it('F4: a closed vote reopens with its counts, opened again now', () => {
    const doc = new Y.Doc();
    openVote(
      doc,
      {
        id: 'v1',
        title: 'Nos incontournables',
        boardIds: ['b'],
        dotsPerParticipant: 3,
        openedAt: 10,
      },
      SERVER_ORIGIN,
    );
    setVoteCounts(doc, 'v1', { 'b/shape:a': 2 }, SERVER_ORIGIN);
    closeVote(doc, 'v1', 20, SERVER_ORIGIN);
    reopenVote(doc, 'v1', 30, SERVER_ORIGIN);
    expect(readVote(doc, 'v1')).toMatchObject({
      state: 'open',
      closedAt: null,
      openedAt: 30,
      counts: { 'b/shape:a': 2 },
    });
    expect(() => reopenVote(doc, 'nope', 1, SERVER_ORIGIN)).toThrow(ForumCommandError);
  });

  it('F5: compilation boards and merges', () => {
    const doc = new Y.Doc();
    updateCompilation(doc, { boardIds: ['a'], merges: { x: 'y', z: 'w' } }, 7, SERVER_ORIGIN);
    updateCompilation(doc, { merges: { z: null } }, 8, SERVER_ORIGIN);
    expect(readCompilation(doc)).toEqual({
      boardIds: ['a'],
      merges: { x: 'y' },
      setAside: [],
      wordings: {},
      distinct: [],
      updatedAt: 8,
    });
  });

  it('C8: the facilitator’s words for an idea are stored beside the merges, and given back', () => {
    const doc = new Y.Doc();
    const words = 'Bonne communication : franche, claire, respectueuse, écoute';
    updateCompilation(
      doc,
      { wordings: { 'bonne communication': `  ${words} `, plaisir: 'Du plaisir !' } },
      7,
      SERVER_ORIGIN,
    );
    expect(readCompilation(doc)?.wordings).toEqual({
      'bonne communication': words,
      plaisir: 'Du plaisir !',
    });
    // null, or only spaces, gives the idea its notes' words back.
    updateCompilation(
      doc,
      { wordings: { plaisir: null, 'bonne communication': ' ' } },
      8,
      SERVER_ORIGIN,
    );
    expect(readCompilation(doc)?.wordings).toEqual({});
  });

  it('C9: two ideas said different are remembered in the forum doc, and can be forgotten', () => {
    const doc = new Y.Doc();
    const pair = ideaPairKey('conditions presentes', 'conditions souhaitees');
    const other = ideaPairKey('accompagnement', 'accompagne moi');
    updateCompilation(doc, { distinct: { [pair]: true, [other]: true } }, 7, SERVER_ORIGIN);
    expect(readCompilation(doc)?.distinct).toEqual([other, pair].sort());
    // Another facilitator's page (a second doc synced from this one) reads the same.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readCompilation(peer)?.distinct).toEqual([other, pair].sort());
    updateCompilation(doc, { distinct: { [other]: false } }, 8, SERVER_ORIGIN);
    expect(readCompilation(doc)).toMatchObject({ distinct: [pair], updatedAt: 8 });
  });

  it('C7: ideas set aside are stored beside the merges, and put back', () => {
    const doc = new Y.Doc();
    updateCompilation(
      doc,
      { merges: { x: 'y' }, setAside: { q: true, r: true } },
      7,
      SERVER_ORIGIN,
    );
    updateCompilation(doc, { setAside: { r: false } }, 8, SERVER_ORIGIN);
    // Choosing the boards again (a recompile) leaves them set aside.
    updateCompilation(doc, { boardIds: ['a'] }, 9, SERVER_ORIGIN);
    expect(readCompilation(doc)).toMatchObject({ merges: { x: 'y' }, setAside: ['q'] });
  });
});

describe('note keys', () => {
  it('split back into the board and the note they were made of', () => {
    const key = noteKey('board:kamouraska', 'shape:abc');
    expect(splitNoteKey(key)).toEqual({ boardId: 'board:kamouraska', shapeId: 'shape:abc' });
    expect(splitNoteKey('sans-barre')).toBeNull();
  });
});

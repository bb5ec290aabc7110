import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Board,
  REMOTE_ORIGIN,
  createBoardView,
  initBoardDoc,
  localOrigin,
  type Shape,
} from '@carton/board';
import { testTranslator } from '../i18n/testTranslator';
import {
  noticeStands,
  watchWriting,
  writingGone,
  writingGoneMessage,
  type WritingGone,
} from './writingGone';

const note = {
  id: 'shape:note',
  type: 'note',
  x: 10,
  y: 20,
  rotation: 0,
  index: 'a1',
  parentId: 'shape:carton',
  text: 'Logement abordable',
  color: 'blue',
  w: 200,
  h: 200,
} as Shape;

describe('writingGone', () => {
  it('stays quiet while the note can still be written', () => {
    expect(writingGone(note, { ...note, text: 'Logement' } as Shape, 'Pierre')).toBeNull();
  });

  it('says who deleted the note, and offers its words back where it was', async () => {
    const t = await testTranslator('fr-CA');
    const gone = writingGone(note, undefined, 'Pierre')!;
    expect(writingGoneMessage(t, gone)).toBe(
      'Pierre a supprimé cette note pendant que vous écriviez.',
    );
    expect(gone.kept).toEqual({
      type: 'note',
      input: {
        x: 10,
        y: 20,
        rotation: 0,
        parentId: 'shape:carton',
        text: 'Logement abordable',
        color: 'blue',
        w: 200,
        h: 200,
      },
    });
  });

  it('says « Quelqu’un » when nobody can be named', async () => {
    const t = await testTranslator('fr-CA');
    expect(writingGoneMessage(t, writingGone(note, undefined, null)!)).toBe(
      'Quelqu’un a supprimé cette note pendant que vous écriviez.',
    );
    const en = await testTranslator('en');
    expect(writingGoneMessage(en, writingGone(note, undefined, null)!)).toBe(
      'Someone deleted this note while you were writing.',
    );
  });

  it('says who locked it, and offers nothing: its words stay on the board', async () => {
    const t = await testTranslator('fr-CA');
    const gone = writingGone(note, { ...note, locked: true } as Shape, 'Julie')!;
    expect(writingGoneMessage(t, gone)).toBe('Julie a verrouillé cette note.');
    expect(gone.kept).toBeNull();
    const title = {
      ...note,
      type: 'carton',
      title: 'Kamouraska',
      locked: true,
    } as unknown as Shape;
    expect(writingGoneMessage(t, writingGone(title, title, null)!)).toBe(
      'Quelqu’un a verrouillé ce carton.',
    );
  });

  it('offers nothing back for an empty note', () => {
    expect(writingGone({ ...note, text: '  ' } as Shape, undefined, null)!.kept).toBeNull();
  });
});

describe('watchWriting', () => {
  function writing() {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
    const board = new Board(doc);
    const me = localOrigin('emilie');
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const id = board.run(
      (tx) => tx.create('note', { x: 40, y: 300, parentId: carton, text: 'Mobilité' }),
      me,
    );
    const told: WritingGone[] = [];
    const asked: string[][] = [];
    let still = true;
    const stop = watchWriting(
      createBoardView(board),
      id,
      () => still,
      (ids) => (asked.push(ids), 'Pierre'),
      (gone) => told.push(gone),
    );
    return { board, id, carton, told, asked, stop, end: () => (still = false) };
  }

  it('tells nothing while the note is written in, by anyone', () => {
    const { board, id, told } = writing();
    board.run((tx) => tx.update(id, { text: 'Mobilité durable' }), REMOTE_ORIGIN);
    board.run((tx) => tx.update(id, { x: 60 }), localOrigin('pierre'));
    expect(told).toEqual([]);
  });

  it('tells once, with the note and its carton asked about, when the note is deleted', () => {
    const { board, id, carton, told, asked } = writing();
    board.run((tx) => tx.update(id, { text: 'Mobilité durable' }), REMOTE_ORIGIN);
    board.run((tx) => tx.delete([id]), REMOTE_ORIGIN);
    expect(asked).toEqual([[id, carton]]);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ change: 'deleted', name: 'Pierre' });
    // The words as they last were, to be kept.
    expect(told[0]!.kept).toMatchObject({ type: 'note', input: { text: 'Mobilité durable' } });
    board.run((tx) => tx.update(carton, { x: 10 }), REMOTE_ORIGIN);
    expect(told).toHaveLength(1);
  });

  it('tells when the note is locked, once', () => {
    const { board, id, told } = writing();
    board.run((tx) => tx.lock([id], true), REMOTE_ORIGIN);
    board.run((tx) => tx.update(id, { text: 'x' }), REMOTE_ORIGIN); // refused (M33)
    expect(told.map((gone) => gone.change)).toEqual(['locked']);
  });

  it('tells nothing once the writing has ended, or once no longer watched', () => {
    const ended = writing();
    ended.end();
    ended.board.run((tx) => tx.delete([ended.id]), localOrigin('emilie'));
    expect(ended.told).toEqual([]);
    const stopped = writing();
    stopped.stop();
    stopped.board.run((tx) => tx.delete([stopped.id]), REMOTE_ORIGIN);
    expect(stopped.told).toEqual([]);
  });
});

describe('noticeStands', () => {
  it('stands after the editor closed, goes when the person writes in another shape', () => {
    const gone = { id: 'shape:note' };
    expect(noticeStands(gone, 'shape:note')).toBe(true);
    expect(noticeStands(gone, null)).toBe(true);
    expect(noticeStands(gone, 'shape:other')).toBe(false);
  });
});

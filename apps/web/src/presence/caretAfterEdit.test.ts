import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import { caretAfterEdit } from './caretAfterEdit';

function peerOf(doc: Y.Doc, userId: string) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return { doc: copy, board: new Board(copy), me: localOrigin(userId) };
}

function noteText(board: Board, id: string): string {
  const note = board.getShape(id);
  return note?.type === 'note' ? note.text : '';
}

describe('the caret when someone else writes in the same note', () => {
  it('stays put when their words arrive after it', () => {
    // Émilie writes at the start; Pierre adds at the end.
    expect(caretAfterEdit('Transport Logement', 'Transport Logement abordable', 9)).toBe(9);
  });

  it('moves along when their words arrive before it', () => {
    // Pierre writes at the end; Émilie adds « Transport » at the start.
    expect(caretAfterEdit('Logement abordable', 'Transport Logement abordable', 18)).toBe(28);
    expect(caretAfterEdit('Logement abordable', 'Transport Logement abordable', 8)).toBe(18);
    // Words deleted before it.
    expect(caretAfterEdit('Transport Logement', 'Logement', 18)).toBe(8);
  });

  it('inside a replaced stretch, goes to its end; never past the text', () => {
    expect(caretAfterEdit('Mobilité rurale', 'Mobilité urbaine', 12)).toBe(15);
    expect(caretAfterEdit('abc', '', 2)).toBe(0);
    expect(caretAfterEdit('Balises', 'Balises claires', 3)).toBe(3);
  });

  it('words inserted right at the caret put it after them, as typing does', () => {
    // The first letter the editor writes for a key that opened an empty note.
    expect(caretAfterEdit('', 'L', 0)).toBe(1);
    // The common start and end must not overlap: the text grew by one letter, not two.
    expect(caretAfterEdit('aa', 'aaa', 2)).toBe(3);
    expect(caretAfterEdit('aa', 'aaa', 0)).toBe(0);
    expect(caretAfterEdit('aaa', 'aa', 3)).toBe(2);
    // Words removed right after the caret: it stays.
    expect(caretAfterEdit('Balises claires', 'Balises', 7)).toBe(7);
  });

  it('M35: when the note merges their letters typed before mine, my caret stays after mine', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
    const emilie = peerOf(doc, 'emilie');
    const id = emilie.board.run(
      (tx) => tx.create('note', { x: 0, y: 0, text: 'Logement abordable' }),
      emilie.me,
    );
    const pierre = peerOf(emilie.doc, 'pierre');
    // Each types letter by letter at their caret, the whole text written each time as the
    // editor does: Émilie after « Logement », Pierre at the start. Neither has seen the other's.
    const typeAt = (peer: typeof emilie, at: number, word: string): number => {
      for (const letter of word) {
        const text = noteText(peer.board, id);
        peer.board.run(
          (tx) => tx.update(id, { text: text.slice(0, at) + letter + text.slice(at) }),
          peer.me,
        );
        at++;
      }
      return at;
    };
    const caret = typeAt(emilie, 8, ' vraiment');
    typeAt(pierre, 0, 'Un bon ');
    const before = noteText(emilie.board, id);
    Y.applyUpdate(emilie.doc, Y.encodeStateAsUpdate(pierre.doc, Y.encodeStateVector(emilie.doc)));
    const after = noteText(emilie.board, id);
    expect(after).toBe('Un bon Logement vraiment abordable');
    expect(after.slice(0, caretAfterEdit(before, after, caret))).toBe('Un bon Logement vraiment');
  });
});

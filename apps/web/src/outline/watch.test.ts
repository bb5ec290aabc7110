import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { REBUILD_MS, watchOutline } from './watch';

describe('watchOutline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp() {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
    const board = new Board(doc);
    const view = createBoardView(board);
    const rebuild = vi.fn();
    const stop = watchOutline(view, rebuild);
    return { doc, board, view, rebuild, stop };
  }

  it('rebuilds once for a burst of edits, after the window', () => {
    const { board, rebuild } = setUp();
    const origin = localOrigin('user:test');
    let id = '';
    board.run((tx) => {
      id = tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Transport' });
    }, origin);
    // A remote drag: one write per frame.
    for (let i = 1; i <= 10; i++) board.run((tx) => tx.update(id, { x: i * 5 }), origin);
    expect(rebuild).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REBUILD_MS);
    expect(rebuild).toHaveBeenCalledTimes(1);
    board.run((tx) => tx.update(id, { text: 'Transport collectif abordable' }), origin);
    vi.advanceTimersByTime(REBUILD_MS);
    expect(rebuild).toHaveBeenCalledTimes(2);
  });

  it('never rebuilds for cursors and selections (awareness)', () => {
    const { doc, rebuild } = setUp();
    const awareness = new Awareness(doc);
    for (let i = 0; i < 50; i++) {
      awareness.setLocalState({ cursor: { x: i, y: i }, selection: [] });
    }
    vi.advanceTimersByTime(REBUILD_MS * 4);
    expect(rebuild).not.toHaveBeenCalled();
    awareness.destroy();
  });

  it('stops with the panel: no rebuild after unsubscribing', () => {
    const { board, rebuild, stop } = setUp();
    board.run(
      (tx) => tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Logement' }),
      localOrigin('user:test'),
    );
    stop();
    vi.advanceTimersByTime(REBUILD_MS * 2);
    expect(rebuild).not.toHaveBeenCalled();
  });
});

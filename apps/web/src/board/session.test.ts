import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { initBoardDoc, localOrigin } from '@carton/board';
import type { PresenceWire } from '../presence/publisher';
import type { BoardInfo } from './api';
import { zoomBy, zoomToFit } from './actions';
import { BoardSession } from './session';
import { viewIsTheFit } from './store';

// The socket and the local copy stay out of a unit test: a Y.Doc and its awareness suffice.
const connections = vi.hoisted(() => ({ opened: 0 }));
vi.mock('./connection', () => {
  class BoardConnection {
    readonly doc = new Y.Doc();
    readonly awareness = new Awareness(this.doc);
    readonly status = 'connected';
    subscribe = () => () => undefined;
    constructor() {
      connections.opened++;
      initBoardDoc(this.doc, { title: 'Kamouraska', kind: 'territory' });
    }
    destroy(): void {
      this.awareness.destroy();
    }
  }
  return { BoardConnection, takeConnection: () => new BoardConnection() };
});

const INFO: BoardInfo = {
  board: {
    id: 'b1',
    title: 'Kamouraska',
    kind: 'territory',
    territory: 'Kamouraska',
    forumId: 'f1',
  },
  role: 'view',
};
const GUEST = { userId: 'user:1', name: 'Personne invitée', color: '#2e86ab' };

/** A session on an edit link, as a participant's board page opens it. */
function editSession(): BoardSession {
  return new BoardSession('b1', 'token', { ...INFO, role: 'edit' }, GUEST, () => 'Carton');
}

describe('changing my name (« Changer de nom »)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    connections.opened = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the session, its camera and its undo history; my presence carries the new name', () => {
    const session = editSession();
    const undo = session.undo;
    session.board.run(
      (tx) => tx.create('note', { x: 10, y: 10, w: 200, h: 200 }),
      localOrigin(GUEST.userId),
    );
    session.undo.stopCapturing();
    const camera = { x: -120, y: 40, zoom: 1.5 };
    session.store.setState({ camera });
    const heard: string[] = [];
    session.subscribeIdentity(() => heard.push(session.identity.name));

    session.rename('Nathalie Lavoie');
    vi.advanceTimersByTime(100);

    expect(connections.opened).toBe(1);
    expect(session.undo).toBe(undo);
    expect(session.undo.canUndo()).toBe(true);
    expect(session.store.getState().camera).toEqual(camera);
    expect(session.identity).toMatchObject({ userId: 'user:1', name: 'Nathalie Lavoie' });
    expect(heard).toEqual(['Nathalie Lavoie']);
    const state = session.connection.awareness.getLocalState() as PresenceWire;
    expect(state.user).toEqual({ id: 'user:1', name: 'Nathalie Lavoie', color: '#2e86ab' });
    session.destroy();
  });

  it('a view link keeps its read-only presence under its new name', () => {
    const session = new BoardSession('b1', 'token', INFO, GUEST, () => 'Carton');
    session.rename('Marc');
    vi.advanceTimersByTime(100);
    const state = session.connection.awareness.getLocalState() as PresenceWire;
    expect(state.user.name).toBe('Marc');
    expect(state.readOnly).toBe(true);
    session.destroy();
  });
});

describe('« Tout afficher » is a fit a turned phone redoes', () => {
  it('remembers the camera it set, until the person moves the view', () => {
    const session = new BoardSession('b1', 'token', { ...INFO, role: 'edit' }, GUEST, () => 'X');
    session.store.setState({ viewport: { width: 390, height: 844 } });
    session.board.run(
      (tx) => tx.create('note', { x: 2000, y: 900, w: 200, h: 200 }),
      localOrigin(GUEST.userId),
    );

    zoomToFit(session);
    expect(viewIsTheFit(session.store.getState())).toBe(true);

    zoomBy(session, 1.25);
    expect(viewIsTheFit(session.store.getState())).toBe(false);
    session.destroy();
  });
});

describe('a chosen shape someone else deletes', () => {
  it('leaves my selection, the others stay chosen', () => {
    const session = editSession();
    const me = localOrigin(GUEST.userId);
    const [kept, gone] = session.board.run(
      (tx) => [
        tx.create('note', { x: 0, y: 0, text: 'Logement' }),
        tx.create('note', { x: 300, y: 0, text: 'Transport' }),
      ],
      me,
    );
    session.store.setState({ selection: [kept!, gone!] });
    session.board.run((tx) => tx.delete([gone!]), localOrigin('user:pierre'));
    expect(session.store.getState().selection).toEqual([kept]);
    session.destroy();
  });
});

// A read-only window hook for end-to-end tests and support: assert on state, not pixels.
import type { CartonTestHook } from './testHookApi';
import { readPeers } from '../presence/presence';
import { showsNoteHint } from '../shapes/note/hint';
import type { BoardSession } from './session';

export function installTestHook(session: BoardSession): () => void {
  const hook: CartonTestHook = {
    shapes: () => session.board.listShapes().map((s) => structuredClone(s)),
    selection: () => [...session.store.getState().selection],
    tool: () => session.store.getState().tool,
    camera: () => ({ ...session.store.getState().camera }),
    status: () => session.connection.status,
    role: () => session.info.role,
    peers: () =>
      readPeers(session.connection.awareness).map((p) => ({
        name: p.user.name,
        cursor: p.cursor,
        preview: p.preview
          ? `${p.preview.kind}:${p.preview.kind === 'stroke' ? p.preview.points.length : 0}`
          : null,
        selection: [...p.selection],
      })),
    worldToScreen: (x, y) => {
      const c = session.store.getState().camera;
      return { x: x * c.zoom + c.x, y: y * c.zoom + c.y };
    },
    canUndo: () => session.undo.canUndo(),
    waitingPhotos: () =>
      session.photos.list().map(({ state, width, height }) => ({ state, width, height })),
    photoUploads: () => session.photos.uploading(),
    noteHints: () => {
      const { editingId } = session.store.getState();
      const hints = session.info.role !== 'view';
      return session.board
        .listShapes()
        .filter(
          (s) =>
            s.type === 'note' &&
            showsNoteHint({ text: s.text, editing: s.id === editingId, hints }),
        )
        .map((s) => s.id);
    },
    following: () => {
      const id = session.store.getState().following;
      return id === null
        ? null
        : (readPeers(session.connection.awareness).find((p) => p.clientId === id)?.user.name ??
            null);
    },
  };
  window.__carton = Object.freeze(hook);
  return () => {
    if (window.__carton === hook) delete window.__carton;
  };
}

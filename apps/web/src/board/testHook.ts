// A read-only window hook for end-to-end tests and support: assert on state, not pixels.
import type { Shape } from '@carton/board';
import { readPeers } from '../presence/presence';
import { showsNoteHint } from '../shapes/note/hint';
import type { BoardSession } from './session';

export interface CartonTestHook {
  shapes(): Shape[];
  selection(): string[];
  tool(): string;
  camera(): { x: number; y: number; zoom: number };
  status(): string;
  role(): string;
  peers(): {
    name: string;
    cursor: { x: number; y: number } | null;
    preview: string | null;
    selection: string[];
  }[];
  following(): string | null;
  worldToScreen(x: number, y: number): { x: number; y: number };
  canUndo(): boolean;
  /** Ids of the notes drawn with the « Écrivez ici… » hint (empty, not being edited). */
  noteHints(): string[];
}

declare global {
  interface Window {
    __carton?: CartonTestHook;
  }
}

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

import * as Y from 'yjs';
import type { LocalOrigin } from '../origin/origin.ts';

export interface BoardUndoOptions {
  /** Writes closer together than this (ms) merge into one step. Default 500. */
  readonly captureTimeout?: number;
}

/** One user's undo history: only writes made with that user's LocalOrigin object (M14). */
export interface BoardUndoManager {
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Closes the current step: call at the end of a drag or of a typing burst. */
  stopCapturing(): void;
  clear(): void;
  /** Called when canUndo/canRedo may have changed. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createBoardUndoManager(
  scope: Y.Map<unknown>,
  origin: LocalOrigin,
  options: BoardUndoOptions = {},
): BoardUndoManager {
  const manager = new Y.UndoManager(scope, {
    trackedOrigins: new Set<unknown>([origin]),
    captureTimeout: options.captureTimeout ?? 500,
  });
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  manager.on('stack-item-added', notify);
  manager.on('stack-item-popped', notify);
  manager.on('stack-cleared', notify);
  return {
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    stopCapturing: () => manager.stopCapturing(),
    clear: () => manager.clear(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => {
      listeners.clear();
      manager.destroy();
    },
  };
}

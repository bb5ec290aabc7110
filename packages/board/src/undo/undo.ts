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
  /**
   * Takes back only the top step. Yjs drops a step with nothing left to take back (a peer has
   * since overwritten every value it wrote, or deleted its shape) and goes on popping: one press
   * would undo an older step of this person, unseen, maybe elsewhere on the board — or delete
   * the note a peer has just rewritten, with their words. So the steps below the top are set
   * aside while it is popped, and a step dropped this way is still heard (the button greys).
   */
  const popTop = (stack: 'undoStack' | 'redoStack', pop: () => unknown): boolean => {
    const steps = manager[stack];
    if (steps.length === 0) return false;
    manager[stack] = steps.slice(-1);
    let done: boolean;
    try {
      done = pop() !== null;
    } finally {
      manager[stack] = [...steps.slice(0, -1), ...manager[stack]];
    }
    if (!done) notify();
    return done;
  };
  return {
    undo: () => popTop('undoStack', () => manager.undo()),
    redo: () => popTop('redoStack', () => manager.redo()),
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

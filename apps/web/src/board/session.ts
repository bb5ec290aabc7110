// Everything one open board needs, created outside React and destroyed with the page:
// socket + Y.Doc, the board model and its view, the scene index, session store, undo, tools,
// presence and the shell that applies tool plans.
import {
  Board,
  isLocked,
  createBoardView,
  localOrigin,
  type BoardUndoManager,
  type BoardView,
} from '@carton/board';
import { screenToWorld } from '../geometry/camera';
import type { Point } from '../geometry/rect';
import { Presence } from '../presence/publisher';
import { createTools } from '../tools/registry';
import type { SelectionHandle, Tool, ToolContext, ToolId } from '../tools/types';
import type { BoardInfo } from './api';
import { takeConnection, type BoardConnection } from './connection';
import { selectionBox, selectionHandleAt } from './handles';
import type { Identity } from './identity';
import { startPhotoSender } from './images';
import type { PhotoSender } from './photoSender';
import { Scene } from './scene';
import { Shell } from './shell';
import { createSessionStore, type SessionStore } from './store';
import { forgetBoardPictures } from '../shapes/image/pictureCache';

export class BoardSession {
  readonly connection: BoardConnection;
  readonly board: Board;
  readonly view: BoardView;
  readonly scene: Scene;
  readonly store: SessionStore;
  readonly undo: BoardUndoManager;
  readonly tools: Record<ToolId, Tool>;
  readonly presence: Presence;
  readonly shell: Shell;
  /** Photos chosen here and not yet on the board: waiting for the network, or being sent. */
  readonly photos: PhotoSender;
  private readonly stopPhotos: () => void;
  /** Larger handles and hit tolerance after a touch. */
  coarsePointer = false;
  private me: Identity & { name: string };
  private readonly identityListeners = new Set<() => void>();
  private readonly stopPruning: () => void;

  constructor(
    readonly boardId: string,
    readonly token: string,
    readonly info: BoardInfo,
    identity: Identity & { name: string },
    cartonTitle: () => string,
  ) {
    this.me = identity;
    const readOnly = info.role === 'view';
    // Most often opened as the page started, once the server accepted the link.
    this.connection = takeConnection(boardId, token);
    this.board = new Board(this.connection.doc);
    this.view = createBoardView(this.board);
    this.scene = new Scene(this.view);
    this.store = createSessionStore(readOnly);
    const origin = localOrigin(identity.userId);
    // Steps are closed explicitly (each command, each gesture), never by a timer.
    this.undo = this.board.createUndoManager(origin, { captureTimeout: 1e12 });
    this.tools = createTools();
    this.presence = new Presence(
      this.connection.awareness,
      { id: identity.userId, name: identity.name, color: identity.color },
      readOnly,
    );
    this.shell = new Shell({
      board: this.board,
      origin,
      undo: this.undo,
      scene: this.scene,
      store: this.store,
      presence: this.presence,
      cartonTitle,
    });
    this.stopPruning = this.scene.subscribe(() => this.pruneSelection());
    const photos = startPhotoSender(this);
    this.photos = photos.sender;
    this.stopPhotos = photos.stop;
  }

  /**
   * A chosen shape someone else deleted leaves the selection: its panel (« Supprimer »,
   * « Dupliquer »…), its handles and the keys that act on it went with it. A whole-board choice
   * being dragged costs one lookup per chosen id per write.
   */
  private pruneSelection(): void {
    const { selection } = this.store.getState();
    if (selection.every((id) => this.scene.getShape(id) !== undefined)) return;
    this.store.setState({ selection: selection.filter((id) => this.scene.getShape(id)) });
  }

  /** Who I am on this board; the name changes with « Changer de nom » (rename). */
  get identity(): Identity & { name: string } {
    return this.me;
  }

  /**
   * A new name, carried by my presence: the same session (socket, camera, undo history) goes
   * on. A new session per name reconnected, fitted the view again and lost the undo steps.
   */
  rename(name: string): void {
    if (name === this.me.name) return;
    this.me = { ...this.me, name };
    this.presence.setUser({ id: this.me.userId, name, color: this.me.color });
    for (const listener of this.identityListeners) listener();
  }

  /** For useSyncExternalStore: calls `listener` after each rename; returns the stop. */
  readonly subscribeIdentity = (listener: () => void): (() => void) => {
    this.identityListeners.add(listener);
    return () => {
      this.identityListeners.delete(listener);
    };
  };

  get readOnly(): boolean {
    return this.store.getState().readOnly;
  }

  currentTool(): Tool {
    return this.tools[this.store.getState().tool];
  }

  toWorld(screen: Point): Point {
    return screenToWorld(this.store.getState().camera, screen);
  }

  toolContext(): ToolContext {
    const state = this.store.getState();
    const scene = this.scene;
    const zoom = state.camera.zoom;
    const tolerancePx = this.coarsePointer ? 12 : 4;
    return {
      zoom,
      selection: state.selection,
      style: state.style,
      shapeAt: (world, px = tolerancePx, options) => scene.shapeAt(world, px / zoom, options),
      lockedAt: (world, px = tolerancePx) => scene.lockedAt(world, px / zoom),
      handleAt: (screen): SelectionHandle | null => {
        // A locked shape chosen (to unlock it) shows no handles: nothing to resize or turn.
        if (this.selectionLocked()) return null;
        const box = selectionBox(
          state.selection,
          (id) => scene.selectionBounds(id),
          (id) => scene.getShape(id)?.type,
        );
        return box ? selectionHandleAt(box, state.camera, screen, this.coarsePointer) : null;
      },
      shapesInRect: (rect) => scene.shapesInRect(rect),
      getInfo: (id) => scene.info(id),
      childrenOf: (cartonId) =>
        scene.childrenOf(new Set([cartonId])).flatMap((id) => scene.info(id) ?? []),
      // Gathered once per gesture (tools/select/snapping.ts) over the area the finger may
      // reach: the cap only bounds that one pass on a crowded board seen from far.
      snapTargets: (rect, moving) => {
        const out = [];
        for (const id of scene.index.query(rect)) {
          if (moving.has(id)) continue;
          const parent = scene.getShape(id)?.parentId;
          if (parent && moving.has(parent)) continue;
          const b = scene.bounds(id);
          if (b) out.push(b);
          if (out.length >= 2000) break;
        }
        return out;
      },
      cartonAt: (point, exclude) => scene.cartonAt(point, exclude),
    };
  }

  /** Whether a chosen shape is locked (M33): then the selection is only to unlock it. */
  selectionLocked(selection: readonly string[] = this.store.getState().selection): boolean {
    return selection.some((id) => {
      const shape = this.scene.getShape(id);
      return shape !== undefined && isLocked(shape);
    });
  }

  destroy(): void {
    forgetBoardPictures(this.boardId, this.token);
    this.stopPruning();
    this.stopPhotos();
    this.shell.flush();
    this.presence.destroy();
    this.undo.destroy();
    this.scene.destroy();
    this.view.destroy();
    this.board.destroy();
    this.connection.destroy();
  }
}

// The shell applies tool plans: board commands (with my local origin), session store, awareness.
// Drags and resizes are coalesced to at most one document write per animation frame, and each
// gesture is one undo step (the undo manager only closes a step when told to).
import {
  BoardCommandError,
  resizeShape,
  shapeBounds,
  type Board,
  type BoardTransaction,
  type BoardUndoManager,
  type InkColor,
  type LocalOrigin,
  type NoteColor,
  type StampKind,
} from '@carton/board';
import type { Rect } from '../geometry/rect';
import type { CreatePlan, Plan } from '../tools/types';
import type { Presence } from '../presence/publisher';
import type { Scene } from './scene';
import { NO_DRAGGING, type SessionStore } from './store';

export interface ShellOptions {
  board: Board;
  origin: LocalOrigin;
  undo: BoardUndoManager;
  scene: Scene;
  store: SessionStore;
  presence: Presence;
  /** Localised default title for new cartons. */
  cartonTitle: () => string;
}

type Move = { id: string; x: number; y: number };

export class Shell {
  private pendingMoves: Move[] | null = null;
  private pendingResize: { id: string; box: Rect } | null = null;
  private frame = 0;
  private inGesture = false;

  constructor(private readonly o: ShellOptions) {}

  apply(plans: readonly Plan[]): void {
    for (const plan of plans) this.applyOne(plan);
  }

  /** A discrete command: its own undo step. */
  commit<T>(fn: (tx: BoardTransaction) => T): T | undefined {
    if (this.o.store.getState().readOnly) return undefined;
    this.flush();
    const result = this.run(fn);
    if (!this.inGesture) this.o.undo.stopCapturing();
    return result;
  }

  // Before the first sync the document has no board yet: writes are dropped, not thrown.
  private run<T>(fn: (tx: BoardTransaction) => T): T | undefined {
    try {
      return this.o.board.run(fn, this.o.origin);
    } catch (error) {
      if (error instanceof BoardCommandError) {
        console.warn('Carton: write refused', error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Opens one undo step that lasts until endGesture (drags, typing). */
  beginGesture(): void {
    this.o.undo.stopCapturing();
    this.inGesture = true;
  }

  endGesture(): void {
    this.flush();
    this.inGesture = false;
    this.o.undo.stopCapturing();
    if (this.o.store.getState().draggingIds !== NO_DRAGGING)
      this.o.store.setState({ draggingIds: NO_DRAGGING });
  }

  /** Writes inside the current gesture (no step boundary). */
  write(fn: (tx: BoardTransaction) => void): void {
    if (this.o.store.getState().readOnly) return;
    this.run(fn);
  }

  private applyOne(plan: Plan): void {
    const { store, presence } = this.o;
    switch (plan.kind) {
      case 'select':
        store.setState({ selection: plan.ids });
        presence.setSelection(plan.ids);
        return;
      case 'marquee':
        store.setState({ marquee: plan.rect });
        return;
      case 'guides':
        if (plan.guides.length || store.getState().guides.length)
          store.setState({ guides: plan.guides });
        return;
      case 'beginGesture':
        this.beginGesture();
        return;
      case 'endGesture':
        this.endGesture();
        return;
      case 'move':
        if (store.getState().draggingIds === NO_DRAGGING && plan.moves.length) {
          const ids = new Set(plan.moves.map((m) => m.id));
          for (const child of this.o.scene.childrenOf(ids)) ids.add(child);
          store.setState({ draggingIds: ids });
        }
        this.pendingMoves = plan.moves;
        if (this.inGesture) this.schedule();
        else this.commit((tx) => this.writeMoves(tx, plan.moves));
        return;
      case 'resize':
        this.pendingResize = { id: plan.id, box: plan.box };
        this.schedule();
        return;
      case 'reparent':
        this.flush();
        this.write((tx) => {
          tx.reparent(plan.ids, plan.cartonId);
          // What joins a carton must show above it.
          const carton = plan.cartonId;
          if (
            carton &&
            plan.ids.some((id) => this.o.scene.orderOf(id) < this.o.scene.orderOf(carton))
          ) {
            tx.reorder(plan.ids, 'front');
          }
        });
        return;
      case 'delete':
        this.commit((tx) => tx.delete(plan.ids));
        return;
      case 'edit':
        store.setState({ editingId: plan.id });
        return;
      case 'preview':
        store.setState({ preview: plan.preview });
        presence.setPreview(plan.preview);
        return;
      case 'pan': {
        const camera = store.getState().camera;
        store.setState({
          camera: { ...camera, x: camera.x + plan.dx, y: camera.y + plan.dy },
          following: null,
        });
        return;
      }
      case 'setTool':
        store.setState({ tool: plan.tool });
        return;
      case 'create':
        this.create(plan);
        return;
    }
  }

  private create(plan: CreatePlan): void {
    const { scene, store } = this.o;
    const style = store.getState().style;
    const parentAt = (x: number, y: number) => scene.cartonAt({ x, y }, new Set());
    let id: string | undefined;
    let edit = false;
    switch (plan.shapeType) {
      case 'note': {
        const [w, h] = [200, 200];
        const x = plan.center.x - w / 2;
        const y = plan.center.y - h / 2;
        id = this.commit((tx) =>
          tx.create('note', {
            x,
            y,
            w,
            h,
            color: plan.color as NoteColor,
            parentId: parentAt(plan.center.x, plan.center.y),
          }),
        );
        break;
      }
      case 'stamp': {
        const size = 64;
        id = this.commit((tx) =>
          tx.create('stamp', {
            x: plan.center.x - size / 2,
            y: plan.center.y - size / 2,
            size,
            kind: plan.stamp as StampKind,
            color:
              plan.stamp === 'heart'
                ? 'red'
                : plan.stamp === 'star'
                  ? 'yellow'
                  : (style.shapeColor as InkColor),
            parentId: parentAt(plan.center.x, plan.center.y),
          }),
        );
        break;
      }
      case 'text':
        id = this.commit((tx) =>
          tx.create('text', {
            x: plan.at.x,
            y: plan.at.y - 20,
            w: 360,
            h: 40,
            fontSize: 32,
            parentId: parentAt(plan.at.x, plan.at.y),
          }),
        );
        edit = true;
        break;
      case 'rect':
      case 'ellipse':
      case 'carton': {
        const size = plan.shapeType === 'carton' ? { w: 1200, h: 800 } : { w: 200, h: 120 };
        const r = plan.rect ?? {
          x: plan.at.x - size.w / 2,
          y: plan.at.y - size.h / 2,
          width: size.w,
          height: size.h,
        };
        const w = Math.max(plan.shapeType === 'carton' ? 240 : 8, r.width);
        const h = Math.max(plan.shapeType === 'carton' ? 160 : 8, r.height);
        if (plan.shapeType === 'carton') {
          id = this.commit((tx) => {
            const created = tx.create('carton', {
              x: r.x,
              y: r.y,
              w,
              h,
              title: this.o.cartonTitle(),
            });
            // A new carton goes under everything: it is the background of what it holds.
            tx.reorder([created], 'back');
            return created;
          });
          edit = true;
        } else {
          const type = plan.shapeType;
          id = this.commit((tx) =>
            tx.create(type, {
              x: r.x,
              y: r.y,
              w,
              h,
              color: plan.color as InkColor,
              parentId: parentAt(r.x + w / 2, r.y + h / 2),
            }),
          );
        }
        break;
      }
      case 'stroke': {
        if (plan.points.length === 0) return;
        const [ox, oy] = plan.points[0] as [number, number, number];
        const points = plan.points.flatMap(([x, y, p]) => [round(x - ox), round(y - oy), p]);
        this.commit((tx) =>
          tx.create('stroke', {
            x: ox,
            y: oy,
            points,
            color: plan.color as InkColor,
            width: plan.width,
            parentId: parentAt(ox, oy),
          }),
        );
        return; // strokes are not selected after drawing: keep drawing
      }
      case 'arrow': {
        const { start, end } = plan;
        const binding = (shapeId: string | null, p: { x: number; y: number }) => {
          const target = shapeId ? scene.getShape(shapeId) : undefined;
          if (!target) return null;
          const b = shapeBounds(target);
          return {
            shapeId: target.id,
            anchor: { x: clamp01((p.x - b.x) / b.w), y: clamp01((p.y - b.y) / b.h) },
          };
        };
        id = this.commit((tx) =>
          tx.create('arrow', {
            x: start.point.x,
            y: start.point.y,
            start: { x: 0, y: 0 },
            end: { x: end.point.x - start.point.x, y: end.point.y - start.point.y },
            startBinding: binding(start.shapeId, start.point),
            endBinding: binding(end.shapeId, end.point),
            color: plan.color as InkColor,
          }),
        );
        break;
      }
    }
    if (!id) return;
    store.setState({ selection: [id], editingId: edit ? id : null });
    this.o.presence.setSelection([id]);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  /** Writes the latest pending drag or resize (at most once per frame). */
  flush(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const moves = this.pendingMoves;
    const resize = this.pendingResize;
    this.pendingMoves = null;
    this.pendingResize = null;
    if (moves) this.write((tx) => this.writeMoves(tx, moves));
    if (resize) {
      this.write((tx) => {
        const shape = tx.getShape(resize.id);
        if (!shape) return;
        const { x, y, width, height } = resize.box;
        // Boxes are page bounds; shapes whose box is offset from x, y (strokes) are shifted.
        const b = shapeBounds(shape);
        const patch = resizeShape(shape, {
          x: x - (b.x - shape.x),
          y: y - (b.y - shape.y),
          w: width,
          h: height,
        });
        tx.update(resize.id, patch as never);
      });
    }
  }

  private writeMoves(tx: BoardTransaction, moves: readonly Move[]): void {
    for (const m of moves) {
      const shape = tx.getShape(m.id);
      if (!shape) continue;
      const b = shapeBounds(shape);
      const dx = m.x - b.x;
      const dy = m.y - b.y;
      if (dx !== 0 || dy !== 0) tx.update(m.id, { x: shape.x + dx, y: shape.y + dy });
    }
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);

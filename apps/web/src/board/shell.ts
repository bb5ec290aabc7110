// The shell applies tool plans: board commands (with my local origin), session store, awareness.
// Drags and resizes are coalesced to at most one document write per animation frame, and each
// gesture is one undo step (the undo manager only closes a step when told to).
import {
  BoardCommandError,
  shapeBounds,
  type Board,
  type BoardTransaction,
  type BoardUndoManager,
  type LocalOrigin,
  type NoteShape,
  type Shape,
  type StampShape,
  TooManyShapesError,
} from '@carton/board';
import { visibleWorldRect } from '../geometry/camera';
import {
  carriedStamps,
  stampOnChangedNote,
  stampsOf,
  type CarriedStamps,
} from '../tools/stamp/carriedStamps';
import type { CreatePlan, Guide, Plan, Transform } from '../tools/types';
import type { Presence } from '../presence/publisher';
import { createShape } from './creation';
import { isTouchFirst } from './touchFirst';
import type { Scene } from './scene';
import { transformPatch } from './shellTransform';
import { NO_DRAGGING, type SessionStore } from './store';
import { sayBoardFull, type Translate } from './tooManyShapes';

export interface ShellOptions {
  board: Board;
  origin: LocalOrigin;
  undo: BoardUndoManager;
  scene: Scene;
  store: SessionStore;
  presence: Presence;
  /** Localised default title for new cartons. */
  cartonTitle: () => string;
  /** Whether a finger is the main pointer now (a placed note then opens for writing). */
  touchFirst?: () => boolean;
  /** The catalogue's sentences (tests pass one language's); default the app's i18next. */
  translate?: Translate;
}

type Move = { id: string; x: number; y: number };
type Shift = { dx: number; dy: number };

function sameGuides(a: readonly Guide[], b: readonly Guide[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => {
      const h = b[i];
      return h && g.axis === h.axis && g.at === h.at && g.from === h.from && g.to === h.to;
    })
  );
}

/** A scale or rotate gesture: the shapes as they were when it began, written from there. */
interface TransformGesture {
  /** Cartons first: moving a carton moves its children (M6), which are written after it. */
  shapes: Shape[];
  /** Children of transformed cartons that must stay where they were (a resized carton's). */
  keep: Shape[];
  /** Children a turned carton takes along (written even when locked, M33). */
  carried: ReadonlySet<string>;
  /** The stamps on the resized or turned notes, each with its note, as they were. */
  stamps: readonly { stamp: StampShape; note: NoteShape }[];
}

export class Shell {
  private pendingMoves: Move[] | null = null;
  private pendingTransform: Transform | null = null;
  private transformStart: TransformGesture | null = null;
  private frame = 0;
  private inGesture = false;
  /** Stamps on the notes being moved, read once when the move began (see carriedStamps). */
  private carried: CarriedStamps | null = null;

  /** Writes (and step ends) waiting while an import holds the board (see holdWrites). */
  private held: (() => void)[] | null = null;

  constructor(private readonly o: ShellOptions) {}

  /**
   * An import written in several transactions (export/importers.ts) must stay ONE undo step, with
   * nothing of mine between its parts: meanwhile my writes and the ends of my steps wait here, in
   * order, and run when the returned release is called. Undo and redo wait for it too (actions.ts).
   */
  holdWrites(): () => void {
    this.flush();
    const queue: (() => void)[] = [];
    this.held = queue;
    return () => {
      if (this.held !== queue) return;
      this.held = null;
      for (const write of queue) write();
    };
  }

  /** Whether an import holds my writes now. */
  get writesHeld(): boolean {
    return this.held !== null;
  }

  private closeStep(): void {
    if (this.held) this.held.push(() => this.o.undo.stopCapturing());
    else this.o.undo.stopCapturing();
  }

  apply(plans: readonly Plan[]): void {
    for (const plan of plans) this.applyOne(plan);
  }

  /** A discrete command: its own undo step. */
  commit<T>(fn: (tx: BoardTransaction) => T): T | undefined {
    if (this.o.store.getState().readOnly) return undefined;
    this.flush();
    const result = this.run(fn);
    if (!this.inGesture) {
      this.closeStep();
      this.carried = null;
    }
    return result;
  }

  // Before the first sync the document has no board yet: writes are dropped, not thrown.
  private run<T>(fn: (tx: BoardTransaction) => T): T | undefined {
    if (this.held) {
      this.held.push(() => void this.run(fn));
      return undefined;
    }
    try {
      return this.o.board.run(fn, this.o.origin);
    } catch (error) {
      // M37: nothing was written; the participant learns why, in a sentence.
      if (error instanceof TooManyShapesError) {
        sayBoardFull(this.o.store, this.o.translate);
        return undefined;
      }
      if (error instanceof BoardCommandError) {
        console.warn('Carton: write refused', error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Opens one undo step that lasts until endGesture (drags, typing). */
  beginGesture(): void {
    this.closeStep();
    this.inGesture = true;
  }

  endGesture(): void {
    this.flush();
    this.transformStart = null;
    this.carried = null;
    this.inGesture = false;
    this.closeStep();
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
        // A drag along a snapped line sends the same guides with each move: the store (and
        // the selection layer it redraws) is left alone until they change.
        if (!sameGuides(plan.guides, store.getState().guides))
          store.setState({ guides: plan.guides });
        return;
      case 'beginGesture':
        this.beginGesture();
        return;
      case 'endGesture':
        this.endGesture();
        return;
      case 'move':
        if (plan.moves.length && (this.carried === null || !this.inGesture)) {
          const ids = this.withChildren(plan.moves.map((m) => m.id));
          this.carried = carriedStamps(this.o.scene, ids);
          // Carried stamps are drawn with their note, above it, on the drag layer.
          for (const stamp of this.carried.keys()) ids.add(stamp);
          if (store.getState().draggingIds === NO_DRAGGING) store.setState({ draggingIds: ids });
        }
        this.pendingMoves = plan.moves;
        if (this.inGesture) this.schedule();
        else this.commit((tx) => this.writeMoves(tx, plan.moves));
        return;
      case 'transform':
        this.transformStart ??= this.snapshot(plan.ids, plan.transform);
        this.pendingTransform = plan.transform;
        if (this.inGesture) this.schedule();
        else {
          // Outside a gesture (a scripted turn): written now, as its own undo step.
          this.flush();
          this.transformStart = null;
          this.closeStep();
        }
        return;
      case 'reparent':
        this.flush();
        this.write((tx) => {
          // A note's stamps go where it goes, after it: brought forward, they stay above it.
          const ids = [...plan.ids, ...stampsOf(this.carried ?? new Map(), plan.ids)];
          tx.reparent(ids, plan.cartonId);
          // What joins a carton must show above it.
          const carton = plan.cartonId;
          if (
            carton &&
            plan.ids.some((id) => this.o.scene.orderOf(id) < this.o.scene.orderOf(carton))
          ) {
            tx.reorder(ids, 'front');
          }
        });
        return;
      case 'delete':
        // Named in the document: a device that sees it later (reconnecting) says who (M36).
        this.commit((tx) => tx.delete(plan.ids, this.o.presence.userName));
        return;
      case 'edit':
        // A locked shape's words are part of the layout (M33): unlock it to write.
        if (this.o.scene.info(plan.id)?.locked) return;
        store.setState({ editingId: plan.id, placedNoteId: null });
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
      case 'arrowStart':
        if (store.getState().arrowStart !== plan.id) store.setState({ arrowStart: plan.id });
        return;
      case 'create':
        this.create(plan);
        return;
    }
  }

  private create(plan: CreatePlan): void {
    const { scene, store } = this.o;
    const created = this.commit((tx) =>
      createShape(tx, plan, {
        scene,
        style: store.getState().style,
        cartonTitle: this.o.cartonTitle,
        visible: visibleWorldRect(store.getState().camera, store.getState().viewport),
        touchFirst: (this.o.touchFirst ?? isTouchFirst)(),
      }),
    );
    // Strokes are not selected after drawing: the pen keeps drawing.
    if (!created || plan.shapeType === 'stroke') return;
    store.setState({
      selection: [created.id],
      editingId: created.edit ? created.id : null,
      // The word window (keyboard.ts) is for a note placed and not yet opened.
      placedNoteId: plan.shapeType === 'note' && !created.edit ? created.id : null,
    });
    this.o.presence.setSelection([created.id]);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  /** Writes the latest pending drag, resize or rotation (at most once per frame). */
  flush(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const moves = this.pendingMoves;
    const transform = this.pendingTransform;
    this.pendingMoves = null;
    this.pendingTransform = null;
    if (moves) this.write((tx) => this.writeMoves(tx, moves));
    const start = this.transformStart;
    if (transform && start) this.write((tx) => this.writeTransform(tx, start, transform));
  }

  // A rotated carton takes its children along (they turn with it); a resized one leaves them
  // where they are (the select tool then adopts or releases them).
  private snapshot(ids: readonly string[], transform: Transform): TransformGesture {
    const { scene } = this.o;
    const set = new Set(ids);
    const cartons = new Set(ids.filter((id) => scene.getShape(id)?.type === 'carton'));
    const children = scene.childrenOf(cartons).filter((id) => !set.has(id));
    const rotating = transform.kind === 'rotate';
    const moved = rotating ? [...ids, ...children] : [...ids];
    const read = (list: readonly string[]) => list.flatMap((id) => scene.getShape(id) ?? []);
    const shapes = read(moved).sort(
      (a, b) => Number(b.type === 'carton') - Number(a.type === 'carton'),
    );
    // A heart on a note keeps its place on it, as it does when the note is dragged; one that
    // is resized or turned itself (chosen, or in a turned carton) is not carried.
    const onNotes = carriedStamps(scene, new Set(shapes.map((shape) => shape.id)));
    const stamps = [...onNotes].flatMap(([stampId, noteId]) => {
      const stamp = scene.getShape(stampId);
      const note = scene.getShape(noteId);
      return stamp?.type === 'stamp' && note?.type === 'note' ? [{ stamp, note }] : [];
    });
    return {
      shapes,
      // A resized carton's heart that follows its resized note is not kept in place.
      keep: rotating ? [] : read(children).filter((child) => !onNotes.has(child.id)),
      carried: new Set(rotating ? children : []),
      stamps,
    };
  }

  // A turned carton's children, and a resized one's kept in place, are carried by it: its
  // locked headings and divider follow it (M33) as they follow its move (M6).
  private writeTransform(tx: BoardTransaction, g: TransformGesture, t: Transform): void {
    for (const shape of g.shapes) {
      const patch = transformPatch(shape, t);
      if (patch) tx.update(shape.id, patch as never, { carried: g.carried.has(shape.id) });
    }
    for (const child of g.keep) {
      const now = tx.getShape(child.id);
      if (now && (now.x !== child.x || now.y !== child.y))
        tx.update(child.id, { x: child.x, y: child.y }, { carried: true });
    }
    for (const { stamp, note } of g.stamps) {
      const changed = tx.getShape(note.id);
      if (changed?.type === 'note' && tx.getShape(stamp.id))
        tx.update(stamp.id, stampOnChangedNote(stamp, note, changed));
    }
  }

  private writeMoves(tx: BoardTransaction, moves: readonly Move[]): void {
    const shifts = new Map<string, Shift>();
    for (const m of moves) {
      const shape = tx.getShape(m.id);
      if (!shape) continue;
      const b = shapeBounds(shape);
      const dx = m.x - b.x;
      const dy = m.y - b.y;
      if (dx !== 0 || dy !== 0) tx.update(m.id, { x: shape.x + dx, y: shape.y + dy });
      shifts.set(m.id, { dx, dy });
    }
    this.moveCarried(tx, shifts);
  }

  /**
   * Shapes arranged by `tx` (« Aligner », « Répartir »…; those already in place have no move):
   * the stamps on the moved notes follow, in the same transaction, and join the notes' cartons
   * with them after. A stamp arranged itself is not carried. The commit's end forgets them.
   */
  carryStamps(
    tx: BoardTransaction,
    arranged: readonly string[],
    moves: readonly ({ id: string } & Shift)[],
  ): void {
    this.carried = carriedStamps(this.o.scene, this.withChildren(arranged));
    this.moveCarried(tx, new Map(moves.map((m) => [m.id, m])));
  }

  /** The shapes and the children of the cartons among them (M6: they move with it). */
  private withChildren(ids: readonly string[]): Set<string> {
    const set = new Set(ids);
    for (const child of this.o.scene.childrenOf(set)) set.add(child);
    return set;
  }

  // A stamp moves by its note's shift, or by the shift of the carton that moved the note.
  private moveCarried(tx: BoardTransaction, shifts: ReadonlyMap<string, Shift>): void {
    for (const [stampId, noteId] of this.carried ?? []) {
      const parent = tx.getShape(noteId)?.parentId;
      const shift = shifts.get(noteId) ?? (parent ? shifts.get(parent) : undefined);
      const stamp = tx.getShape(stampId);
      if (!shift || !stamp || (shift.dx === 0 && shift.dy === 0)) continue;
      tx.update(stampId, { x: stamp.x + shift.dx, y: stamp.y + shift.dy });
    }
  }
}

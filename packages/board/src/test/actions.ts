import * as Y from 'yjs';
import type { Board } from '../board/board.ts';
import { BoardCommandError } from '../commands/errors.ts';
import type { ReorderDirection } from '../commands/types.ts';
import { shapesMapOf } from '../doc/layout.ts';
import type { LocalOrigin } from '../origin/origin.ts';
import { INK_COLORS, NOTE_COLORS } from '../shapes/common/palette.ts';
import type { Shape } from '../shapes/registry.ts';
import { resizeShape, shapeBounds } from '../shapes/registry.ts';
import { STAMP_KINDS } from '../shapes/stamp/stamp.ts';
import type { BoardUndoManager } from '../undo/undo.ts';
import { CONDITIONS_PRESENTES, CONDITIONS_SOUHAITEES, TERRITORIES } from './fixtures.ts';
import type { Rng } from './prng.ts';

export interface FuzzPeer {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly me: LocalOrigin;
  readonly undo: BoardUndoManager;
}

const DIRECTIONS: readonly ReorderDirection[] = ['front', 'back', 'forward', 'backward'];
const TEXTS = [...CONDITIONS_PRESENTES, ...CONDITIONS_SOUHAITEES];

function ids(shapes: readonly Shape[]): string[] {
  return shapes.map((shape) => shape.id);
}

function createRandom(rng: Rng, peer: FuzzPeer, shapes: readonly Shape[]): void {
  const cartons = shapes.filter((shape) => shape.type === 'carton');
  const parentId = cartons.length > 0 && rng.chance(0.5) ? rng.pick(cartons).id : null;
  const at = { x: rng.int(-500, 2000), y: rng.int(-500, 1500), parentId };
  const bindable = shapes.filter((shape) => shape.type !== 'arrow');
  const bind = () =>
    bindable.length > 0 && rng.chance(0.6)
      ? { shapeId: rng.pick(bindable).id, anchor: { x: rng.next(), y: rng.next() } }
      : null;
  peer.board.run((tx) => {
    switch (rng.int(0, 9)) {
      case 0:
        tx.create('note', { ...at, text: rng.pick(TEXTS), color: rng.pick(NOTE_COLORS) });
        break;
      case 1:
        tx.create('carton', { ...at, title: rng.pick(TERRITORIES), w: 800, h: 600 });
        break;
      case 2:
        tx.create('stroke', {
          ...at,
          points: [0, 0, 0.5, rng.int(1, 80), rng.int(1, 80), 0.7, rng.int(1, 80), 90, 0.4],
          color: rng.pick(INK_COLORS),
        });
        break;
      case 3:
        tx.create('text', { ...at, text: 'Conditions présentes', fontSize: 40 });
        break;
      case 4:
        tx.create('rect', { ...at, w: rng.int(10, 300), h: rng.int(10, 300), fill: 'semi' });
        break;
      case 5:
        tx.create('ellipse', { ...at, w: rng.int(10, 300), h: rng.int(10, 300) });
        break;
      case 6:
        tx.create('arrow', {
          ...at,
          end: { x: 150, y: 40 },
          startBinding: bind(),
          endBinding: bind(),
        });
        break;
      case 7:
        tx.create('image', {
          ...at,
          blobId: 'blob:flyer-logement',
          mime: 'image/jpeg',
          naturalWidth: 1200,
          naturalHeight: 800,
        });
        break;
      default:
        tx.create('stamp', { ...at, kind: rng.pick(STAMP_KINDS), size: rng.int(24, 96) });
    }
  }, peer.me);
}

/** A record a buggy or newer peer might write: readers must skip it, never crash. */
function writeForeignRecord(rng: Rng, peer: FuzzPeer): void {
  const shapes = shapesMapOf(peer.doc);
  if (shapes === undefined) return;
  const id = `shape:foreign-${rng.int(0, 1e9)}`;
  const variant = rng.int(0, 3);
  peer.doc.transact(() => {
    const record =
      variant === 0
        ? { id, type: 'sticker3d', index: 'a0', x: 1, y: 2, depth: 3 }
        : variant === 1
          ? { id, type: 'note', index: 'a0', x: 'left', y: 0, text: 'Bon leadership' }
          : { id: 'shape:not-my-key', type: 'rect', index: '??', x: 0, y: 0 };
    shapes.set(id, new Y.Map<unknown>(Object.entries(record)));
  }, peer.me);
}

/** A buggy peer damages one prop of a live shape: readers must skip or repair, never crash. */
function corruptShape(rng: Rng, peer: FuzzPeer, target: Shape): void {
  const map = shapesMapOf(peer.doc)?.get(target.id);
  if (!(map instanceof Y.Map)) return;
  const damage: [string, unknown][] = [
    ['x', 'left'],
    ['index', 'not an index'],
    ['color', 42],
    ['parentId', 'shape:nowhere'],
    ['w', -3],
    ['type', 'hologram'],
  ];
  const [key, value] = rng.pick(damage);
  peer.doc.transact(() => map.set(key, value), peer.me);
}

const WORDS = ['ici ', 'Accès ', 'RH ', 'à l’écoute ', '😀', 'des citoyens.nes '];

/**
 * M35: a few letters typed or deleted in a note's, heading's or carton's text, as the editor
 * writes them (the whole text, spliced by the model); now and then an older client's plain
 * string write. False when the target has no such text.
 */
function typeInText(rng: Rng, peer: FuzzPeer, target: Shape): boolean {
  const key = target.type === 'carton' ? 'title' : 'text';
  if (target.type !== 'note' && target.type !== 'text' && target.type !== 'carton') return false;
  const current = target.type === 'carton' ? target.title : target.text;
  const at = rng.int(0, current.length);
  const next = (
    rng.chance(0.7)
      ? current.slice(0, at) + rng.pick(WORDS) + current.slice(at)
      : current.slice(0, at) + current.slice(at + rng.int(1, 6))
  ).slice(0, 500);
  if (rng.chance(0.1)) {
    const map = shapesMapOf(peer.doc)?.get(target.id);
    peer.doc.transact(() => map?.set(key, next), peer.me);
  } else {
    peer.board.run((tx) => tx.update(target.id, { [key]: next }), peer.me);
  }
  return true;
}

/** One random model command (or undo/redo) on one peer. */
export function randomAction(rng: Rng, peer: FuzzPeer): string {
  const shapes = peer.board.listShapes();
  const roll = rng.next();
  const some = (max: number) => ids(rng.some(shapes, max));
  try {
    if (shapes.length < 3 || roll < 0.22) {
      createRandom(rng, peer, shapes);
      return 'create';
    }
    const target = rng.pick(shapes);
    if (roll < 0.38) {
      peer.board.run(
        (tx) =>
          tx.update(target.id, { x: target.x + rng.int(-80, 80), y: target.y + rng.int(-80, 80) }),
        peer.me,
      );
      return 'move';
    }
    if (roll < 0.42 && typeInText(rng, peer, target)) return 'type';
    if (roll < 0.46) {
      peer.board.run((tx) => {
        if (target.type === 'note')
          tx.update(target.id, { text: rng.pick(TEXTS), color: rng.pick(NOTE_COLORS) });
        else if (target.type === 'carton') tx.update(target.id, { title: rng.pick(TERRITORIES) });
        else if (target.type !== 'image') tx.update(target.id, { color: rng.pick(INK_COLORS) });
      }, peer.me);
      return 'edit';
    }
    if (roll < 0.5) {
      const box = shapeBounds(target);
      peer.board.run(
        (tx) =>
          tx.update(target.id, resizeShape(target, { ...box, w: box.w * 1.5 + 1, h: box.h + 10 })),
        peer.me,
      );
      return 'resize';
    }
    if (roll < 0.58) {
      peer.board.run((tx) => tx.reorder(some(3), rng.pick(DIRECTIONS)), peer.me);
      return 'reorder';
    }
    if (roll < 0.66) {
      const cartons = shapes.filter((shape) => shape.type === 'carton');
      const into = cartons.length > 0 && rng.chance(0.7) ? rng.pick(cartons).id : null;
      peer.board.run((tx) => tx.reparent(some(3), into), peer.me);
      return 'reparent';
    }
    if (roll < 0.72) {
      peer.board.run((tx) => tx.delete(some(2)), peer.me);
      return 'delete';
    }
    if (roll < 0.77) {
      peer.board.run((tx) => tx.duplicate(some(2), { x: 30, y: 30 }), peer.me);
      return 'duplicate';
    }
    if (roll < 0.79) {
      // M33: locks come and go, so every other command also meets locked shapes.
      peer.board.run((tx) => tx.lock(some(2), rng.chance(0.5)), peer.me);
      return 'lock';
    }
    if (roll < 0.81) {
      const arrows = shapes.filter((shape) => shape.type === 'arrow');
      const bindable = shapes.filter((shape) => shape.type !== 'arrow');
      if (arrows.length === 0 || bindable.length === 0) return 'skip';
      const arrow = rng.pick(arrows);
      const binding = { shapeId: rng.pick(bindable).id, anchor: { x: 0.5, y: rng.next() } };
      peer.board.run(
        (tx) =>
          tx.update(
            arrow.id,
            rng.chance(0.5) ? { startBinding: binding } : { endBinding: binding },
          ),
        peer.me,
      );
      return 'bind';
    }
    if (roll < 0.9) {
      peer.undo.undo();
      return 'undo';
    }
    if (roll < 0.97) {
      peer.undo.redo();
      return 'redo';
    }
    if (roll < 0.98) {
      peer.undo.stopCapturing();
      return 'stop-capturing';
    }
    if (roll < 0.99) {
      corruptShape(rng, peer, target);
      return 'corrupt';
    }
    writeForeignRecord(rng, peer);
    return 'foreign';
  } finally {
    if (rng.chance(0.7)) peer.undo.stopCapturing();
  }
}

export function isCommandError(error: unknown): boolean {
  return error instanceof BoardCommandError;
}

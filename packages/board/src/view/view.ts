import * as Y from 'yjs';
import type { Board } from '../board/board.ts';
import { jsonEqual } from '../json/json.ts';
import type { BoardMeta, ShapesMap } from '../doc/layout.ts';
import { META_KEY, readMeta, rootMap, shapesMapOf, SHAPES_KEY } from '../doc/layout.ts';
import type { ReadCache } from '../read/read.ts';
import { compareShapes, readShape } from '../read/read.ts';
import type { Shape } from '../shapes/registry.ts';

/** Immutable per-shape snapshots for the UI, updated incrementally from the document (M15). */
export interface BoardView {
  getShape(id: string): Shape | undefined;
  /** Bottom to top; the same array until order or membership changes. */
  getOrderedIds(): readonly string[];
  getMeta(): BoardMeta | null;
  /**
   * After any change to shapes or meta, with the ids whose snapshots changed (appeared,
   * disappeared or differ; empty when only meta changed), so a listener need not compare every
   * shape. The set is the view's own: read it during the call, do not keep it.
   */
  subscribe(listener: (changedIds: ReadonlySet<string>) => void): () => void;
  /** Only when that shape's snapshot changes (including appearing or disappearing). */
  subscribeShape(id: string, listener: () => void): () => void;
  destroy(): void;
}

/** Stored references of a record, read raw so dependents are found even when unreadable. */
interface References {
  readonly parent: string | null;
  readonly targets: readonly string[];
}

const NO_REFERENCES: References = { parent: null, targets: [] };

function rawReferences(map: unknown): References {
  if (!(map instanceof Y.Map)) return NO_REFERENCES;
  const parentId = map.get('parentId');
  const targets: string[] = [];
  for (const key of ['startBinding', 'endBinding']) {
    const binding: unknown = map.get(key);
    const shapeId =
      typeof binding === 'object' && binding !== null
        ? (binding as { shapeId?: unknown }).shapeId
        : undefined;
    if (typeof shapeId === 'string') targets.push(shapeId);
  }
  if (typeof parentId !== 'string' && targets.length === 0) return NO_REFERENCES;
  return { parent: typeof parentId === 'string' ? parentId : null, targets };
}

function sameSnapshot(a: Shape, b: Shape): boolean {
  const ar = a as unknown as Record<string, unknown>;
  const br = b as unknown as Record<string, unknown>;
  const keys = Object.keys(ar);
  if (keys.length !== Object.keys(br).length) return false;
  for (const key of keys) if (!jsonEqual(ar[key], br[key])) return false;
  return true;
}

export function createBoardView(board: Board): BoardView {
  const doc = board.doc;
  const root = rootMap(doc);
  const snapshots = new Map<string, Shape>();
  const references = new Map<string, References>();
  // Who depends on an id: children on their carton (its presence), arrows on their targets
  // (their geometry). Built from raw stored references, so dangling ones are found too.
  const childrenByParent = new Map<string, Set<string>>();
  const arrowsByTarget = new Map<string, Set<string>>();
  const listeners = new Set<(changedIds: ReadonlySet<string>) => void>();
  const shapeListeners = new Map<string, Set<() => void>>();
  let ordered: readonly string[] = [];
  // Ids whose place in the order may have changed since `ordered` was computed; null = resort all.
  let orderTouched: Set<string> | null = null;
  const touchOrder = (id: string): void => {
    if (orderTouched !== null) orderTouched.add(id);
  };
  let meta = readMeta(doc);
  let shapes: ShapesMap | undefined = shapesMapOf(doc);

  const linkOne = (index: Map<string, Set<string>>, target: string, id: string, add: boolean) => {
    let set = index.get(target);
    if (add) {
      if (set === undefined) index.set(target, (set = new Set()));
      set.add(id);
    } else if (set !== undefined) {
      set.delete(id);
      if (set.size === 0) index.delete(target);
    }
  };

  const link = (id: string, refs: References, add: boolean): void => {
    if (refs.parent !== null) linkOne(childrenByParent, refs.parent, id, add);
    for (const target of refs.targets) linkOne(arrowsByTarget, target, id, add);
  };

  /**
   * Re-reads one id; adds it to `changed` if its snapshot changed, and to `membership` if it
   * appeared or disappeared.
   */
  const refresh = (
    id: string,
    changed: Set<string>,
    membership: Set<string>,
    cache: ReadCache,
  ): void => {
    const map = shapes?.get(id);
    const oldRefs = references.get(id) ?? NO_REFERENCES;
    const newRefs = rawReferences(map);
    if (oldRefs !== newRefs) {
      link(id, oldRefs, false);
      link(id, newRefs, true);
      if (newRefs === NO_REFERENCES) references.delete(id);
      else references.set(id, newRefs);
    }
    const before = snapshots.get(id);
    const after = shapes === undefined ? undefined : readShape(shapes, id, cache);
    if (after === undefined) {
      if (before === undefined) return;
      snapshots.delete(id);
      touchOrder(id);
      membership.add(id);
    } else if (before === undefined) {
      snapshots.set(id, after);
      touchOrder(id);
      membership.add(id);
    } else if (sameSnapshot(before, after)) {
      return; // keep the old object: unchanged shapes keep their identity
    } else {
      snapshots.set(id, after);
      if (before.index !== after.index) touchOrder(id);
    }
    changed.add(id);
  };

  // Touched ids first; then arrows bound to a changed shape, and children of a carton that
  // appeared or disappeared (a carton's title edit does not re-read its hundred notes).
  const apply = (touched: ReadonlySet<string>): Set<string> => {
    const changed = new Set<string>();
    const membership = new Set<string>();
    const cache: ReadCache = new Map();
    for (const id of touched) refresh(id, changed, membership, cache);
    const dependents = new Set<string>();
    const add = (ids: ReadonlySet<string> | undefined) => {
      if (ids !== undefined) for (const id of ids) if (!touched.has(id)) dependents.add(id);
    };
    for (const id of changed) {
      add(arrowsByTarget.get(id));
      if (membership.has(id)) add(childrenByParent.get(id));
    }
    for (const id of dependents) refresh(id, changed, membership, cache);
    return changed;
  };

  const fullOrder = (): string[] =>
    [...snapshots.values()].sort(compareShapes).map((shape) => shape.id);

  // A few shapes moved in z or came and went (the common case: one created, one brought to
  // front): take them out and binary-insert them, instead of sorting 10,000 shapes again.
  const patchedOrder = (touched: ReadonlySet<string>): string[] => {
    if (touched.size > 64) return fullOrder();
    const next = ordered.filter((id) => !touched.has(id));
    for (const id of touched) {
      const shape = snapshots.get(id);
      if (shape === undefined) continue;
      let low = 0;
      let high = next.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compareShapes(snapshots.get(next[mid] as string) as Shape, shape) < 0) low = mid + 1;
        else high = mid;
      }
      next.splice(low, 0, id);
    }
    return next;
  };

  const notify = (changed: ReadonlySet<string>, metaChanged: boolean): void => {
    for (const id of changed) {
      const set = shapeListeners.get(id);
      if (set !== undefined) for (const listener of [...set]) listener();
    }
    if (changed.size > 0 || metaChanged) for (const listener of [...listeners]) listener(changed);
  };

  const everything = (): Set<string> => {
    const ids = new Set<string>(snapshots.keys());
    for (const id of references.keys()) ids.add(id);
    if (shapes !== undefined) for (const id of shapes.keys()) ids.add(id);
    return ids;
  };

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const touched = new Set<string>();
    let full = false;
    let metaChanged = false;
    for (const event of events) {
      if (event.target === root) {
        if (!(event instanceof Y.YMapEvent)) continue;
        if (event.keysChanged.has(SHAPES_KEY)) full = true;
        if (event.keysChanged.has(META_KEY)) metaChanged = true;
        continue;
      }
      const path = event.path;
      if (path[0] === META_KEY) metaChanged = true;
      else if (path[0] === SHAPES_KEY) {
        if (path.length === 1) {
          if (event instanceof Y.YMapEvent) for (const key of event.keysChanged) touched.add(key);
        }
        // A prop of one shape, or letters typed in its text (a Y.Text: [shapes, id, key], M35).
        else if (typeof path[1] === 'string') touched.add(path[1]);
      }
    }
    if (metaChanged) {
      const next = readMeta(doc);
      metaChanged = !jsonEqual(next, meta);
      if (metaChanged) meta = next;
    }
    if (full) {
      shapes = shapesMapOf(doc);
      orderTouched = null;
    }
    notify(apply(full ? everything() : touched), metaChanged);
  };

  apply(new Set(shapes === undefined ? [] : shapes.keys()));
  root.observeDeep(observer);

  return {
    getShape: (id) => snapshots.get(id),
    getOrderedIds: () => {
      if (orderTouched === null || orderTouched.size > 0) {
        const next = orderTouched === null ? fullOrder() : patchedOrder(orderTouched);
        orderTouched = new Set();
        const same = next.length === ordered.length && next.every((id, i) => ordered[i] === id);
        if (!same) ordered = Object.freeze(next);
      }
      return ordered;
    },
    getMeta: () => meta,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeShape: (id, listener) => {
      let set = shapeListeners.get(id);
      if (set === undefined) shapeListeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) shapeListeners.delete(id);
      };
    },
    destroy: () => {
      root.unobserveDeep(observer);
      listeners.clear();
      shapeListeners.clear();
    },
  };
}

import type { BoardTransaction, ShapeCreateInput } from '../../commands/types.ts';
import type { Point } from '../../shapes/common/geometry.ts';
import type { ShapeType } from '../../shapes/registry.ts';
import type { InteropWarning } from '../errors.ts';

/** A binding to another planned shape, by its key. */
export interface PlannedBinding {
  readonly key: string;
  readonly anchor: Point;
}

/**
 * One shape to create: props as `tx.create` takes them (page coordinates), with references to
 * other planned shapes by `key` instead of ids (ids exist only once created).
 */
export interface PlannedShape {
  readonly key: string;
  readonly type: ShapeType;
  readonly props: Readonly<Record<string, unknown>> & { readonly x: number; readonly y: number };
  /** A planned carton's key. */
  readonly parentKey?: string;
  /** A carton already on the board. */
  readonly parentId?: string;
  readonly startBinding?: PlannedBinding;
  readonly endBinding?: PlannedBinding;
  /** Image shapes: the pending blob whose stored id, once uploaded, the shape shows. */
  readonly blobKey?: string;
}

/** Bytes an import brings (Excalidraw images): the caller stores them, then applies the plan. */
export interface PendingBlob {
  readonly key: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** What an import of another tool's file produces: shapes in z-order, blobs, warnings. */
export interface ImportPlan {
  readonly shapes: readonly PlannedShape[];
  readonly pendingBlobs: readonly PendingBlob[];
  readonly warnings: readonly InteropWarning[];
}

/** A stored blob, as the upload answered (POST /api/boards/:id/images). */
export interface StoredBlobRef {
  readonly blobId: string;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
}

export interface ApplyPlanOptions {
  /** Moves every shape by this much (e.g. to the centre of the view). */
  readonly offset?: Point;
  /** Pending blob key → stored blob; image shapes without one are skipped. */
  readonly blobs?: ReadonlyMap<string, StoredBlobRef>;
}

/**
 * Creates a plan's shapes inside the caller's `board.run` (one undo step for a local origin):
 * in plan order (z-order), arrows last so their targets exist. Returns key → new id.
 */
export function applyPlan(
  tx: BoardTransaction,
  plan: ImportPlan,
  options: ApplyPlanOptions = {},
): Map<string, string> {
  const ids = new Map<string, string>();
  tx.ensureRoom(plan.shapes.length); // M37: the whole plan fits, or nothing is written
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  const bind = (binding: PlannedBinding | undefined) => {
    const shapeId = binding === undefined ? undefined : ids.get(binding.key);
    return shapeId === undefined || binding === undefined
      ? null
      : { shapeId, anchor: binding.anchor };
  };
  const ordered = [
    ...plan.shapes.filter((shape) => shape.type !== 'arrow'),
    ...plan.shapes.filter((shape) => shape.type === 'arrow'),
  ];
  for (const planned of ordered) {
    const input: Record<string, unknown> = {
      ...planned.props,
      x: planned.props.x + dx,
      y: planned.props.y + dy,
      parentId:
        planned.parentKey !== undefined
          ? (ids.get(planned.parentKey) ?? null)
          : (planned.parentId ?? null),
    };
    if (planned.type === 'arrow') {
      input['startBinding'] = bind(planned.startBinding);
      input['endBinding'] = bind(planned.endBinding);
    }
    if (planned.type === 'image') {
      const blob = planned.blobKey === undefined ? undefined : options.blobs?.get(planned.blobKey);
      if (blob === undefined) continue;
      Object.assign(input, blob);
    }
    ids.set(planned.key, tx.create(planned.type, input as ShapeCreateInput<ShapeType>));
  }
  return ids;
}

// The shapes of one layer: the static layer draws everything not being dragged, the drag layer
// draws only what is being dragged and the arrows bound to it (so a drag redraws a few shapes,
// not the board). Shapes sit in z-order chunks of CHUNK_SIZE (see chunks.ts).
import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import { Group } from 'react-konva';
import type { BoardView } from '@carton/board';
import {
  CartonFarTitle,
  farTitleHeight,
  freeAboveCarton,
} from '../../shapes/carton/CartonFarTitle';
import { ShapeNode } from '../../shapes/ShapeNode';
import type { Detail } from '../../shapes/types';
import { useSession, useSessionState } from '../context';
import { NO_DRAGGING } from '../store';
import { zOrderChunks } from './chunks';
import { withBoundArrows } from './dragSet';
import { DragLayerMarks } from './Interaction';

interface Props {
  ids: readonly string[];
  detail: Detail;
  /** See ShapeNode: the narrowest note that keeps its text at the low level of detail. */
  noteTextWidth: number;
  layer: 'static' | 'drag';
}

const NO_IDS: readonly string[] = [];
/** Shapes per Konva group (see chunks.ts). */
const CHUNK_SIZE = 256;

export const ShapesContent = memo(function ShapesContent({
  ids,
  detail,
  noteTextWidth,
  layer,
}: Props) {
  const { view, info, scene } = useSession();
  // Hints say what to do: only for someone who can do it.
  const hints = info.role !== 'view';
  const draggingIds = useSessionState((s) => s.draggingIds);
  // The set is made once per drag (the ids do not change while the camera stays).
  const dragging = useMemo(
    () => withBoundArrows(ids, draggingIds, (id) => scene.getShape(id)),
    [ids, draggingIds, scene],
  );
  const editingId = useSessionState((s) => s.editingId);
  // The one shape chosen, not being written in, and what chose it: an empty note says how to
  // write in it (« Touchez encore pour écrire », shapes/note/hint.ts).
  const chosen = useSessionState((s) =>
    s.selection.length === 1 && s.editingId === null ? s.selection[0] : null,
  );
  const lastInput = useSessionState((s) => s.lastInput);
  const erasing = useSessionState((s) => (s.preview?.kind === 'erase' ? s.preview.ids : NO_IDS));
  const shown = useMemo(
    () =>
      dragging === NO_DRAGGING
        ? layer === 'static'
          ? ids
          : NO_IDS
        : ids.filter((id) => dragging.has(id) === (layer === 'drag')),
    [ids, dragging, layer],
  );
  const chunks = useMemo(
    () => zOrderChunks(shown, (id) => scene.orderOf(id), CHUNK_SIZE),
    [shown, scene],
  );
  // Only cartons have a far title: one node each, not one per shape re-rendered on every change
  // of the scene (a drag's every move, at a phone's fitted zoom). A shape never changes type.
  const cartons = useMemo(
    () => (detail === 'low' ? shown.filter((id) => scene.getShape(id)?.type === 'carton') : NO_IDS),
    [detail, shown, scene],
  );
  return (
    <>
      {/* Under every shape: the band lies outside its carton, and covers nothing drawn. */}
      {cartons.map((id) => (
        <FarTitleNode key={`title:${id}`} id={id} view={view} />
      ))}
      {chunks.map((chunk) => (
        <Group key={chunk.key}>
          {chunk.ids.map((id) => (
            <ShapeNode
              key={id}
              id={id}
              view={view}
              detail={detail}
              noteTextWidth={noteTextWidth}
              editing={id === editingId}
              fading={erasing.includes(id)}
              hints={hints}
              chosenWith={id === chosen ? lastInput : null}
            />
          ))}
        </Group>
      ))}
      {layer === 'drag' && <DragLayerMarks />}
    </>
  );
});

// Far out, carton titles are drawn just above the cartons (see CartonFarTitle), in the room
// the shapes above leave (re-measured when any shape's bounds change).
const FarTitleNode = memo(function FarTitleNode({ id, view }: { id: string; view: BoardView }) {
  const { scene } = useSession();
  const subscribe = useCallback(
    (listener: () => void) => view.subscribeShape(id, listener),
    [view, id],
  );
  const shape = useSyncExternalStore(subscribe, () => view.getShape(id));
  const version = useSyncExternalStore(scene.subscribe, scene.getVersion);
  const free = useMemo(() => {
    if (shape?.type !== 'carton') return Infinity;
    const full = farTitleHeight(shape);
    const strip = { x: shape.x, y: shape.y - full, width: shape.w, height: full };
    const above = scene
      .visibleIds(strip)
      .flatMap((other) =>
        other === id || scene.getShape(other)?.parentId === id ? [] : (scene.bounds(other) ?? []),
      );
    return freeAboveCarton(shape, above);
    // `version` stands for the other shapes' bounds.
  }, [scene, shape, id, version]);
  return shape?.type === 'carton' ? <CartonFarTitle shape={shape} free={free} /> : null;
});

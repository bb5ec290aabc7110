// The interaction layer (made after the board's first frame, hidden while empty): selection
// outlines and handles, marquee, snapping guides, my gesture preview and the other people's
// selections and previews. Sizes are in screen pixels. While all my selection is dragged, its
// outlines, handles and guides are drawn on the drag layer instead (DragLayerMarks), which
// redraws with every move anyway.
import { memo, useCallback, useSyncExternalStore } from 'react';
import { Arc, Circle, Group, Label, Layer, Line, Rect, Tag, Text } from 'react-konva';
import { unionRects } from '../../geometry/rect';
import { ARROW_START_COLOR, SELECTION_COLOR } from '../../theme/colors';
import { PreviewNode } from '../../presence/PreviewNode';
import { FONT_FAMILY } from '../../shapes/common/fonts';
import { outlineFor } from '../../shapes/registry';
import { marksOf, sameMarks } from '../../presence/peerViews';
import { usePeersWith } from '../../presence/usePeers';
import { useSession, useSessionState } from '../context';
import { buildingSelection } from '../keyboardSelect';
import {
  handlePosition,
  handleRadius,
  resizeHandlesFor,
  rotateHandleOffset,
  rotateHandlePosition,
  selectionBox,
} from '../handles';
import type { Guide } from '../../tools/types';
import { selectionOnDragLayer } from './dragSet';
import { useLayerMade } from './useLayerMade';

function Outline({
  id,
  color,
  zoom,
  dashed,
}: {
  id: string;
  color: string;
  zoom: number;
  dashed?: boolean;
}) {
  const { view } = useSession();
  const subscribe = useCallback(
    (listener: () => void) => view.subscribeShape(id, listener),
    [view, id],
  );
  const shape = useSyncExternalStore(subscribe, () => view.getShape(id));
  if (!shape) return null;
  const ShapeOutline = outlineFor(shape);
  return <ShapeOutline shape={shape} color={color} zoom={zoom} dashed={dashed ?? false} />;
}

// One box around the selection (one shape or many): eight resize handles and a rotate handle
// above it, drawn at screen size (bigger after a touch).
function Handles({ ids, zoom, coarse }: { ids: readonly string[]; zoom: number; coarse: boolean }) {
  const session = useSession();
  const { scene } = session;
  useSyncExternalStore(scene.subscribe, scene.getVersion);
  // A locked shape is chosen only to unlock it: a padlock instead of handles (M33).
  if (session.selectionLocked(ids)) return <LockMarks ids={ids} zoom={zoom} />;
  const box = selectionBox(
    ids,
    (id) => scene.selectionBounds(id),
    (id) => scene.getShape(id)?.type,
  );
  if (!box) return null;
  const b = box.world;
  const size = (coarse ? 18 : 10) / zoom;
  const rotate = rotateHandlePosition(b, rotateHandleOffset(coarse) / zoom);
  const knob = (coarse ? 11 : 6) / zoom;
  // As many handles as the box's size on screen leaves room for (see resizeHandlesFor).
  const resize = box.resizable
    ? resizeHandlesFor(
        { ...b, width: b.width * zoom, height: b.height * zoom },
        handleRadius(coarse),
      )
    : [];
  return (
    <>
      {(ids.length > 1 || Boolean(scene.getShape(ids[0] ?? '')?.rotation)) && (
        <Rect
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          stroke={SELECTION_COLOR}
          strokeWidth={1 / zoom}
          dash={[4 / zoom, 3 / zoom]}
        />
      )}
      <Line
        points={[rotate.x, b.y, rotate.x, rotate.y + knob]}
        stroke={SELECTION_COLOR}
        strokeWidth={1.5 / zoom}
      />
      <Circle
        name="selection-handle"
        x={rotate.x}
        y={rotate.y}
        radius={knob}
        fill="#ffffff"
        stroke={SELECTION_COLOR}
        strokeWidth={1.5 / zoom}
      />
      {resize.map((h) => {
        const p = handlePosition(b, h);
        return (
          <Rect
            key={h}
            name="selection-handle"
            x={p.x - size / 2}
            y={p.y - size / 2}
            width={size}
            height={size}
            fill="#ffffff"
            stroke={SELECTION_COLOR}
            strokeWidth={1.5 / zoom}
            cornerRadius={2 / zoom}
          />
        );
      })}
    </>
  );
}

/** The padlock's body, in screen pixels (the shackle sits on it). */
const LOCK_W = 14;
const LOCK_H = 11;

// A small padlock at the top right of each chosen locked shape: enough to say why it does not
// move, and nothing on the projected board when nobody has chosen it.
function LockMarks({ ids, zoom }: { ids: readonly string[]; zoom: number }) {
  const { scene } = useSession();
  useSyncExternalStore(scene.subscribe, scene.getVersion);
  return (
    <>
      {ids.slice(0, MAX_OUTLINES).map((id) => {
        const shape = scene.getShape(id);
        const b = scene.selectionBounds(id);
        if (!shape?.locked || !b) return null;
        return (
          <Group
            key={id}
            name="lock-mark"
            x={b.x + b.width + MARK_GAP / zoom}
            y={b.y - (MARK_GAP + LOCK_H) / zoom}
            scaleX={1 / zoom}
            scaleY={1 / zoom}
          >
            <Rect
              x={-3}
              y={-9}
              width={LOCK_W + 6}
              height={LOCK_H + 12}
              fill="#ffffff"
              cornerRadius={4}
            />
            <Arc
              x={LOCK_W / 2}
              y={0}
              innerRadius={3.5}
              outerRadius={5.5}
              angle={180}
              rotation={180}
              fill={SELECTION_COLOR}
            />
            <Rect width={LOCK_W} height={LOCK_H} fill={SELECTION_COLOR} cornerRadius={2} />
          </Group>
        );
      })}
    </>
  );
}

/** The name tag's text size, in screen pixels whatever the zoom. */
const TAG_FONT_PX = 12;

// Someone else's choice, named: a tag in their colour above the first shape they chose. On a
// phone no cursor (and so no name) comes with their gesture, and the dashed box alone did not
// say who was writing in that note.
function PeerTag({
  id,
  name,
  color,
  zoom,
}: {
  id: string;
  name: string;
  color: string;
  zoom: number;
}) {
  const { scene } = useSession();
  useSyncExternalStore(scene.subscribe, scene.getVersion);
  const b = scene.selectionBounds(id);
  if (!b) return null;
  const height = TAG_FONT_PX + 8;
  return (
    <Label
      name="peer-tag"
      x={b.x}
      y={b.y - (height + 4) / zoom}
      scaleX={1 / zoom}
      scaleY={1 / zoom}
    >
      <Tag fill={color} cornerRadius={5} />
      <Text
        text={name}
        fontFamily={FONT_FAMILY}
        fontSize={TAG_FONT_PX}
        fontStyle="600"
        fill="#fff"
        padding={4}
      />
    </Label>
  );
}

/** Screen pixels between a marked shape's box and its mark: clear of the selection's outline. */
const MARK_GAP = 8;

// A dashed outline a little outside one shape: the arrow tool's chosen start (so a finger that
// tapped it sees that something happened), or the shape the keyboard is on while it builds a
// selection of several (WCAG 2.4.7, the focus must show).
function ShapeMark({
  id,
  zoom,
  name,
  color,
}: {
  id: string;
  zoom: number;
  name: string;
  color: string;
}) {
  const { scene } = useSession();
  useSyncExternalStore(scene.subscribe, scene.getVersion);
  const b = scene.selectionBounds(id);
  if (!b) return null;
  const gap = MARK_GAP / zoom;
  return (
    <Rect
      name={name}
      x={b.x - gap}
      y={b.y - gap}
      width={b.width + gap * 2}
      height={b.height + gap * 2}
      stroke={color}
      strokeWidth={3 / zoom}
      dash={[10 / zoom, 6 / zoom]}
      cornerRadius={6 / zoom}
    />
  );
}

/** Beyond this many selected shapes, one box around them all (select-all on a big board). */
const MAX_OUTLINES = 60;

function GroupOutline({ ids, zoom }: { ids: readonly string[]; zoom: number }) {
  const { scene } = useSession();
  useSyncExternalStore(scene.subscribe, scene.getVersion);
  const b = unionRects(ids.flatMap((id) => scene.selectionBounds(id) ?? []));
  if (!b) return null;
  return (
    <Rect
      x={b.x}
      y={b.y}
      width={b.width}
      height={b.height}
      stroke={SELECTION_COLOR}
      strokeWidth={2 / zoom}
    />
  );
}

// My selection: each chosen shape's outline, and the handles around them all.
function SelectionMarks({ selection, zoom }: { selection: readonly string[]; zoom: number }) {
  const session = useSession();
  const editingId = useSessionState((s) => s.editingId);
  const arrowTool = useSessionState((s) => s.tool === 'arrow');
  return (
    <>
      {selection.length <= MAX_OUTLINES ? (
        selection.map((id) => <Outline key={id} id={id} color={SELECTION_COLOR} zoom={zoom} />)
      ) : (
        <GroupOutline ids={selection} zoom={zoom} />
      )}
      {/* A view link's reader chooses shapes to hear them: no handles, nothing to resize. The
          arrow tool chooses a start it does not resize: its dashed mark, not handles, shows it
          (a finger's big handles hid a small note on a zoomed-out phone). */}
      {selection.length > 0 && !editingId && !session.readOnly && !arrowTool && (
        <Handles ids={selection} zoom={zoom} coarse={session.coarsePointer} />
      )}
    </>
  );
}

// Snapping guides: dashed lines through the edges or centres lined up.
function Guides({ guides, zoom }: { guides: readonly Guide[]; zoom: number }) {
  return guides.map((g, i) => (
    <Line
      key={i}
      points={g.axis === 'x' ? [g.at, g.from, g.at, g.to] : [g.from, g.at, g.to, g.at]}
      stroke="#e91e63"
      strokeWidth={1 / zoom}
      dash={[4 / zoom, 4 / zoom]}
    />
  ));
}

/**
 * On the drag layer, above the dragged shapes, while all my selection is dragged: its outlines,
 * handles and the snapping guides, which change with every move as the shapes do.
 */
export function DragLayerMarks() {
  const zoom = useSessionState((s) => s.camera.zoom);
  const selection = useSessionState((s) => s.selection);
  const guides = useSessionState((s) => s.guides);
  const shown = useSessionState((s) => selectionOnDragLayer(s.selection, s.draggingIds));
  if (!shown) return null;
  return (
    <>
      <SelectionMarks selection={selection} zoom={zoom} />
      <Guides guides={guides} zoom={zoom} />
    </>
  );
}

export const Interaction = memo(function Interaction() {
  const zoom = useSessionState((s) => s.camera.zoom);
  const selection = useSessionState((s) => s.selection);
  const marquee = useSessionState((s) => s.marquee);
  const guides = useSessionState((s) => s.guides);
  const preview = useSessionState((s) => s.preview);
  const onDragLayer = useSessionState((s) => selectionOnDragLayer(s.selection, s.draggingIds));
  const arrowStart = useSessionState((s) => (s.tool === 'arrow' ? s.arrowStart : null));
  const keyboardFocus = useSessionState((s) => (buildingSelection(s) ? s.focusedShape : null));
  // A mouse over a locked shape: its padlock says why a drag there moves nothing (M33).
  const hoverLocked = useSessionState((s) =>
    s.hoverLocked !== null && !s.selection.includes(s.hoverLocked) ? s.hoverLocked : null,
  );
  // Peers' selections and gestures only: their cursors moving do not redraw this layer.
  const peers = usePeersWith(marksOf, sameMarks);
  // Hidden when there is nothing to draw: a shown canvas costs the compositor every frame.
  const empty =
    (onDragLayer || (selection.length === 0 && guides.length === 0)) &&
    !marquee &&
    !preview &&
    peers.length === 0 &&
    arrowStart === null &&
    keyboardFocus === null &&
    hoverLocked === null;
  // Made after the board's first frame, or at the first mark to draw (see useLayerMade).
  const made = useLayerMade(!empty, true);
  if (!made) return null;
  return (
    <Layer listening={false} visible={!empty}>
      {peers.map((peer) => (
        <Group key={peer.clientId}>
          {peer.selection.slice(0, 50).map((id) => (
            <Outline key={id} id={id} color={peer.color} zoom={zoom} dashed />
          ))}
          {peer.selection.length > 0 && (
            <PeerTag id={peer.selection[0]!} name={peer.name} color={peer.color} zoom={zoom} />
          )}
          {peer.preview && <PreviewNode preview={peer.preview} zoom={zoom} />}
        </Group>
      ))}
      {!onDragLayer && <SelectionMarks selection={selection} zoom={zoom} />}
      {marquee && (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.width}
          height={marquee.height}
          fill="rgba(30,136,229,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={1 / zoom}
        />
      )}
      {!onDragLayer && <Guides guides={guides} zoom={zoom} />}
      {arrowStart !== null && (
        <ShapeMark id={arrowStart} zoom={zoom} name="arrow-start-mark" color={ARROW_START_COLOR} />
      )}
      {keyboardFocus !== null && (
        <ShapeMark
          id={keyboardFocus}
          zoom={zoom}
          name="keyboard-focus-mark"
          color={SELECTION_COLOR}
        />
      )}
      {hoverLocked !== null && <LockMarks ids={[hoverLocked]} zoom={zoom} />}
      {preview && <PreviewNode preview={preview} zoom={zoom} />}
    </Layer>
  );
});

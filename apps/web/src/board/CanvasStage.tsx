// The canvas: wires pointer input and the three Konva layers (static shapes, dragged shapes,
// interaction). Konva does no hit-testing here (listening off): the scene index answers that.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type Konva from 'konva';
import { useTranslation } from 'react-i18next';
import { Layer } from 'react-konva';
import { useStore } from 'zustand';
import { voteNewsStore } from '../forum/voteNews';
import { Cursors } from '../presence/Cursors';
import { SelectionAnnouncer } from '../ui/SelectionAnnouncer';
import { TextEditor } from '../ui/TextEditor';
import { PLACEABLE_TOOLS } from './navigate';
import { useSession, useSessionState } from './context';
import { CanvasInput } from './input';
import { Interaction } from './layers/Interaction';
import { ShapesContent } from './layers/ShapesContent';
import { useLayerMade } from './layers/useLayerMade';
import { WaitingPhotosLayer } from './layers/WaitingPhotos';
import { WaitingPhotoRemove } from '../ui/WaitingPhotoRemove';
import { SurfaceStage } from './panSurfaceStage';
import { usePanSurface } from './usePanSurface';
import { useVisibleIds } from './useVisibleIds';
import { useBoardTitle } from './useBoardTitle';

const CURSORS: Record<string, string> = {
  hand: 'grab',
  select: 'default',
  eraser: 'cell',
  text: 'text',
};

/**
 * A faint dot grid that moves with the camera: a layer of its own, a step larger than the
 * viewport on each side, that usePanSurface only translates (no repaint while panning).
 */
const DOT_GRID: React.CSSProperties = {
  position: 'absolute',
  left: 0,
  top: 0,
  backgroundImage: 'radial-gradient(circle, rgba(120,100,60,0.28) 1px, transparent 1.2px)',
  willChange: 'transform',
  pointerEvents: 'none',
};

export function CanvasStage() {
  const session = useSession();
  const boardTitle = useBoardTitle(session);
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const viewport = useSessionState((s) => s.viewport);
  const tool = useSessionState((s) => s.tool);
  const readOnly = useSessionState((s) => s.readOnly);
  // While a dot vote is open, Enter and Suppr vote (forum/VoteLayer): the keys' line says so.
  const voting = useStore(voteNewsStore(session), (s) => s.voting);
  const spacePan = useSessionState((s) => s.spacePan);
  // The hover cursor (handles, shapes, a pan in progress): CanvasInput sets it only on a change.
  const hoverCursor = useSessionState((s) => s.hoverCursor);
  const dragging = useSessionState((s) => s.draggingIds.size > 0);
  // The drag layer is made after the board's first frame (see useLayerMade); never for a view
  // link, which does not drag.
  const dragLayer = useLayerMade(dragging, !readOnly);
  // The stage is made once the viewport is measured, at its size: not at the store's first
  // guess and then resized.
  const [measured, setMeasured] = useState(false);
  // The stage renders at the drawn camera; panning between redraws moves it by CSS only.
  const surface = usePanSurface(session.store, viewport);
  const { drawn, margin, stageRef } = surface;
  const { ids, detail, noteTextWidth } = useVisibleIds(drawn, viewport, margin);

  // Measured before the first paint, so that the stage is made at the viewport's real size.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const resize = () => {
      const rect = element.getBoundingClientRect();
      const width = Math.round(rect.width);
      const height = Math.round(rect.height);
      const { viewport: last } = session.store.getState();
      // The observer's first call repeats the size just read: no new viewport, no re-render.
      if (last.width !== width || last.height !== height)
        session.store.setState({ viewport: { width, height } });
    };
    resize();
    setMeasured(true);
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => observer.disconnect();
  }, [session]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const input = new CanvasInput(session, element);
    return () => input.destroy();
  }, [session]);

  const onStage = useCallback(
    (stage: Konva.Stage | null) => {
      // Konva's bare <canvas> elements are pixels with no name: the board's name, help and
      // selection announcements above speak for them.
      stage?.content.setAttribute('aria-hidden', 'true');
      stageRef(stage);
    },
    [stageRef],
  );

  return (
    <div
      ref={container}
      className="canvas"
      tabIndex={0}
      role="application"
      aria-label={t('board.canvasLabel', { title: boardTitle })}
      aria-describedby="canvas-help"
      style={{ cursor: hoverCursor ?? (spacePan ? 'grab' : (CURSORS[tool] ?? 'crosshair')) }}
    >
      <div ref={surface.gridRef} style={DOT_GRID} aria-hidden="true" />
      {measured && (
        <SurfaceStage
          stageRef={onStage}
          size={surface.size}
          style={{
            position: 'absolute',
            left: -margin.x,
            top: -margin.y,
            transformOrigin: `${margin.x}px ${margin.y}px`,
            willChange: 'transform',
          }}
          x={drawn.x + margin.x}
          y={drawn.y + margin.y}
          scaleX={drawn.zoom}
          scaleY={drawn.zoom}
          listening={false}
        >
          <Layer ref={surface.layerRef} listening={false}>
            <ShapesContent ids={ids} detail={detail} noteTextWidth={noteTextWidth} layer="static" />
          </Layer>
          {/* A hidden layer's canvas is not composited: each shown canvas costs every frame. */}
          {dragLayer && (
            <Layer listening={false} visible={dragging}>
              <ShapesContent ids={ids} detail={detail} noteTextWidth={noteTextWidth} layer="drag" />
            </Layer>
          )}
          <WaitingPhotosLayer zoom={drawn.zoom} />
          <Interaction />
        </SurfaceStage>
      )}
      <Cursors />
      {!readOnly && <WaitingPhotoRemove />}
      <TextEditor />
      {/* The keys, read with the canvas's name and shown while the keyboard is on it. */}
      <p id="canvas-help" className="canvas-help">
        {!readOnly && PLACEABLE_TOOLS.has(tool) ? `${t(`a11y.place.${tool}`)} ` : ''}
        {!readOnly && tool === 'hand' ? `${t('a11y.panHelp')} ` : ''}
        {t(readOnly ? 'a11y.readHelp' : voting ? 'a11y.voteHelp' : 'a11y.canvasHelp')}
        {readOnly ? '' : ` ${t('a11y.multiHelp')}`}
      </p>
      <SelectionAnnouncer />
    </div>
  );
}

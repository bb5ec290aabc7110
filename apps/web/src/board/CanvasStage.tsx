// The canvas: wires pointer input and the three Konva layers (static shapes, dragged shapes,
// interaction). Konva does no hit-testing here (listening off): the scene index answers that.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Stage } from 'react-konva';
import { Cursors } from '../presence/Cursors';
import { SelectionAnnouncer } from '../ui/SelectionAnnouncer';
import { TextEditor } from '../ui/TextEditor';
import { PLACEABLE_TOOLS } from './navigate';
import { useSession, useSessionState } from './context';
import { CanvasInput } from './input';
import { Interaction } from './layers/Interaction';
import { ShapesContent } from './layers/ShapesContent';
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
  const spacePan = useSessionState((s) => s.spacePan);
  // The hover cursor (handles, shapes, a pan in progress): CanvasInput sets it only on a change.
  const hoverCursor = useSessionState((s) => s.hoverCursor);
  const dragging = useSessionState((s) => s.draggingIds.size > 0);
  // The stage renders at the drawn camera; panning between redraws moves it by CSS only.
  const surface = usePanSurface(session.store, viewport);
  const { drawn, margin } = surface;
  const { ids, detail, noteTextWidth } = useVisibleIds(drawn, viewport, margin);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const input = new CanvasInput(session, element);
    // Konva's bare <canvas> elements are pixels with no name: the board's name, help and
    // selection announcements above speak for them.
    element.querySelector('.konvajs-content')?.setAttribute('aria-hidden', 'true');
    const resize = () => {
      const { width, height } = element.getBoundingClientRect();
      session.store.setState({
        viewport: { width: Math.round(width), height: Math.round(height) },
      });
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => {
      observer.disconnect();
      input.destroy();
    };
  }, [session]);

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
      <Stage
        ref={surface.stageRef}
        style={{
          position: 'absolute',
          left: -margin.x,
          top: -margin.y,
          transformOrigin: `${margin.x}px ${margin.y}px`,
          willChange: 'transform',
        }}
        width={viewport.width + 2 * margin.x}
        height={viewport.height + 2 * margin.y}
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
        <Layer listening={false} visible={dragging}>
          <ShapesContent ids={ids} detail={detail} noteTextWidth={noteTextWidth} layer="drag" />
        </Layer>
        <Interaction />
      </Stage>
      <Cursors />
      <TextEditor />
      {/* The keys, read with the canvas's name and shown while the keyboard is on it. */}
      <p id="canvas-help" className="canvas-help">
        {!readOnly && PLACEABLE_TOOLS.has(tool) ? `${t(`a11y.place.${tool}`)} ` : ''}
        {!readOnly && tool === 'hand' ? `${t('a11y.panHelp')} ` : ''}
        {t(readOnly ? 'a11y.readHelp' : 'a11y.canvasHelp')}
        {readOnly ? '' : ` ${t('a11y.multiHelp')}`}
      </p>
      <SelectionAnnouncer />
    </div>
  );
}

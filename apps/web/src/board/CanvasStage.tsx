// The canvas: wires pointer input and the three Konva layers (static shapes, dragged shapes,
// interaction). Konva does no hit-testing here (listening off): the scene index answers that.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Stage } from 'react-konva';
import { Cursors } from '../presence/Cursors';
import { TextEditor } from '../ui/TextEditor';
import { useSession, useSessionState } from './context';
import { CanvasInput } from './input';
import { Interaction } from './layers/Interaction';
import { ShapesContent } from './layers/ShapesContent';
import { useVisibleIds } from './useVisibleIds';

const CURSORS: Record<string, string> = {
  hand: 'grab',
  select: 'default',
  eraser: 'cell',
  text: 'text',
};

/** A faint dot grid that moves with the camera (CSS, so it costs the canvas nothing). */
function dotGrid(camera: { x: number; y: number; zoom: number }): React.CSSProperties {
  let step = 32 * camera.zoom;
  while (step < 12) step *= 4; // far out, a coarser grid rather than a grey haze
  return {
    backgroundImage: 'radial-gradient(circle, rgba(120,100,60,0.28) 1px, transparent 1.2px)',
    backgroundSize: `${step}px ${step}px`,
    backgroundPosition: `${camera.x}px ${camera.y}px`,
  };
}

export function CanvasStage() {
  const session = useSession();
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const camera = useSessionState((s) => s.camera);
  const viewport = useSessionState((s) => s.viewport);
  const tool = useSessionState((s) => s.tool);
  const spacePan = useSessionState((s) => s.spacePan);
  const { ids, detail } = useVisibleIds();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const input = new CanvasInput(session, element);
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
      aria-label={t('board.canvasLabel', { title: session.info.board.title })}
      style={{
        // The hover cursor (handles, shapes, a pan in progress) is set by CanvasInput only when
        // it changes; read here unconditionally, in render order like any hook.
        cursor:
          useSessionState((s) => s.hoverCursor) ??
          (spacePan ? 'grab' : (CURSORS[tool] ?? 'crosshair')),
        ...dotGrid(camera),
      }}
    >
      <Stage
        width={viewport.width}
        height={viewport.height}
        x={camera.x}
        y={camera.y}
        scaleX={camera.zoom}
        scaleY={camera.zoom}
        listening={false}
      >
        <Layer listening={false}>
          <ShapesContent ids={ids} detail={detail} layer="static" />
        </Layer>
        <Layer listening={false}>
          <ShapesContent ids={ids} detail={detail} layer="drag" />
        </Layer>
        <Layer listening={false}>
          <Interaction />
        </Layer>
      </Stage>
      <Cursors />
      <TextEditor />
    </div>
  );
}

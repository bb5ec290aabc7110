// One version drawn read-only with the editor's own shape components: its board file is
// imported into a throwaway Y.Doc (never connected, never stored) and fitted to the overlay.
import { useEffect, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import { Board, createBoardView, importBoard, type BoardView } from '@carton/board';
import { Scene } from '../board/scene';
import { fitBounds } from '../geometry/camera';
import type { Rect } from '../geometry/rect';
import { ShapeNode } from '../shapes/ShapeNode';

interface PreviewModel {
  view: BoardView;
  ids: readonly string[];
  bounds: Rect | null;
  destroy(): void;
}

function openPreview(file: unknown): PreviewModel {
  const doc = importBoard(file);
  const board = new Board(doc);
  const view = createBoardView(board);
  const scene = new Scene(view);
  const ids = scene.orderedIds();
  let bounds: Rect | null = null;
  for (const id of ids) {
    const b = scene.bounds(id);
    if (!b) continue;
    if (!bounds) bounds = { ...b };
    else {
      const right = Math.max(bounds.x + bounds.width, b.x + b.width);
      const bottom = Math.max(bounds.y + bounds.height, b.y + b.height);
      bounds.x = Math.min(bounds.x, b.x);
      bounds.y = Math.min(bounds.y, b.y);
      bounds.width = right - bounds.x;
      bounds.height = bottom - bounds.y;
    }
  }
  return {
    view,
    ids,
    bounds,
    destroy: () => {
      scene.destroy();
      view.destroy();
      board.destroy();
      doc.destroy();
    },
  };
}

export function VersionPreview({ file, onError }: { file: unknown; onError: (e: Error) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [model, setModel] = useState<PreviewModel | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    let created: PreviewModel | null = null;
    try {
      created = openPreview(file);
      setModel(created);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
    return () => {
      setModel(null);
      created?.destroy();
    };
  }, [file, onError]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize({ width: Math.round(width), height: Math.round(height) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const camera =
    model?.bounds && size.width > 0
      ? fitBounds(model.bounds, size, 32, 1)
      : { x: size.width / 2, y: size.height / 2, zoom: 1 };
  return (
    <div
      ref={container}
      className="version-canvas"
      data-testid="version-preview"
      data-shapes={model?.ids.length ?? 0}
    >
      {model && size.width > 0 && (
        <Stage
          width={size.width}
          height={size.height}
          x={camera.x}
          y={camera.y}
          scaleX={camera.zoom}
          scaleY={camera.zoom}
          listening={false}
        >
          <Layer listening={false}>
            {model.ids.map((id) => (
              <ShapeNode
                key={id}
                id={id}
                view={model.view}
                detail="full"
                editing={false}
                fading={false}
              />
            ))}
          </Layer>
        </Stage>
      )}
    </div>
  );
}

// The pan surface's Konva stage, whose canvases are sized once per real change of its size.
// Each resize of a layer's canvas costs its bitmap and a full draw of the layer (20–50 ms for a
// laptop's stage, several times that for a phone's at 3 device pixels), so a page load or a
// phone's keyboard opening must not pay it twice.
import { useCallback, useLayoutEffect, useRef, useState, type ComponentProps } from 'react';
import type Konva from 'konva';
import { Stage } from 'react-konva';
import type { Viewport } from '../geometry/camera';

/**
 * Konva's Stage resizes every layer's canvas, and draws it, on each of its `widthChange` and
 * `heightChange` (react-konva sets the width then the height, as does `stage.size()`): twice for
 * a change of both. When both change, the width is set without its event, so that the height's
 * event resizes every canvas once, to both.
 */
export function resizeStage(stage: Konva.Stage, size: Viewport): void {
  if (stage.width() !== size.width && stage.height() !== size.height) {
    stage._shouldFireChangeEvents = false;
    try {
      stage.width(size.width);
    } finally {
      stage._shouldFireChangeEvents = true;
    }
  }
  stage.size(size);
}

type StageProps = Omit<ComponentProps<typeof Stage>, 'width' | 'height' | 'ref'>;

interface Props extends StageProps {
  size: Viewport;
  stageRef: (stage: Konva.Stage | null) => void;
}

/**
 * react-konva's Stage, made at its size when mounted (mount it once the viewport is measured),
 * then resized by resizeStage: the size react-konva is given stays the first one, so it never
 * sets the width and the height one after the other.
 */
export function SurfaceStage({ size, stageRef, ...props }: Props) {
  const [initial] = useState(size);
  const stage = useRef<Konva.Stage | null>(null);
  const ref = useCallback(
    (node: Konva.Stage | null) => {
      stage.current = node;
      stageRef(node);
    },
    [stageRef],
  );
  const { width, height } = size;
  useLayoutEffect(() => {
    if (stage.current) resizeStage(stage.current, { width, height });
  }, [width, height]);
  return <Stage {...props} ref={ref} width={initial.width} height={initial.height} />;
}

// A gesture in flight (mine or someone else's): a stroke being drawn, an arrow, a box.
import { memo, useMemo } from 'react';
import { Arrow, Ellipse, Rect } from 'react-konva';
import { StrokeOutline, strokeOutline } from '../shapes/stroke/outline';
import { CARTON_BORDER, ink } from '../theme/colors';
import type { Preview } from '../tools/types';

export const PreviewNode = memo(function PreviewNode({
  preview,
  zoom,
}: {
  preview: Preview;
  zoom: number;
}) {
  const polygon = useMemo(
    () => (preview.kind === 'stroke' ? strokeOutline(preview.points, preview.width) : []),
    [preview],
  );
  switch (preview.kind) {
    case 'stroke':
      return <StrokeOutline fill={ink(preview.color)} polygon={polygon} />;
    case 'arrow':
      return (
        <Arrow
          points={[preview.start.x, preview.start.y, preview.end.x, preview.end.y]}
          stroke={ink(preview.color)}
          fill={ink(preview.color)}
          strokeWidth={4}
          pointerLength={16}
          pointerWidth={16}
          opacity={0.7}
        />
      );
    case 'box': {
      const r = preview.rect;
      const stroke = preview.shapeType === 'carton' ? CARTON_BORDER : ink(preview.color);
      return preview.shapeType === 'ellipse' ? (
        <Ellipse
          x={r.x + r.width / 2}
          y={r.y + r.height / 2}
          radiusX={r.width / 2}
          radiusY={r.height / 2}
          stroke={stroke}
          strokeWidth={2 / zoom}
          dash={[6 / zoom, 4 / zoom]}
        />
      ) : (
        <Rect
          x={r.x}
          y={r.y}
          width={r.width}
          height={r.height}
          stroke={stroke}
          strokeWidth={2 / zoom}
          dash={[6 / zoom, 4 / zoom]}
        />
      );
    }
    case 'erase':
      return null;
  }
});

// A gesture in flight (mine or someone else's): a stroke being drawn, an arrow, a box.
import { memo, useMemo } from 'react';
import { Arrow, Ellipse, Rect, Shape as KonvaShape } from 'react-konva';
import { strokeOutline } from '../shapes/stroke/StrokeShape';
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
    () =>
      preview.kind === 'stroke'
        ? strokeOutline(
            preview.points,
            preview.width,
            preview.points.every((p) => p[2] === 0.5),
          )
        : [],
    [preview],
  );
  switch (preview.kind) {
    case 'stroke':
      return (
        <KonvaShape
          fill={ink(preview.color)}
          sceneFunc={(ctx, node) => {
            if (polygon.length < 4) return;
            ctx.beginPath();
            ctx.moveTo(polygon[0] ?? 0, polygon[1] ?? 0);
            for (let i = 2; i + 1 < polygon.length; i += 2)
              ctx.lineTo(polygon[i] ?? 0, polygon[i + 1] ?? 0);
            ctx.closePath();
            ctx.fillShape(node);
          }}
        />
      );
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

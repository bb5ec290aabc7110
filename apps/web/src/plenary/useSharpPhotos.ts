// Where a live board's SVG is drawn (a mosaic tile, a territory shown large, a projector's
// slide), its photos come from their small copies; those this element shows bigger than the
// copy draws sharply get their whole picture (LiveDrawing.sharpenShown), measured again after
// each new drawing and when the element's size changes (a window made full screen).
import { useEffect, useRef } from 'react';

export function useSharpPhotos<E extends Element>(
  live: { sharpenShown: (root: ParentNode) => void },
  svg: string,
) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !svg) return;
    const measure = () => live.sharpenShown(element);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [live, svg]);
  return ref;
}

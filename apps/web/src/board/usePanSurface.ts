// Wires the pan surface (see panSurface.ts): React renders the stage at the drawn camera, which
// changes only on a zoom, a pan past the margin, a resize or when the view comes to rest; between
// those, a store subscription moves the stage's container and the dot grid by direct DOM writes.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import type { Camera, Viewport } from '../geometry/camera';
import {
  dotGridOffset,
  dotGridStep,
  needsRedraw,
  sameCamera,
  stageSize,
  surfaceMargin,
  surfaceTransform,
  type Margin,
} from './panSurface';
import type { SessionStore } from './store';

/** A still view is drawn again at the live camera, so the next pan has the whole margin. */
const SETTLE_MS = 140;

export interface PanSurface {
  drawn: Camera;
  margin: Margin;
  /** The stage's size (see SurfaceStage): the viewport and the margin around it. */
  size: Viewport;
  /** For the Stage's `ref`: its container div is the element moved while panning. */
  stageRef: (stage: Konva.Stage | null) => void;
  /** For the static layer's `ref`: its draws say which camera the canvases show. */
  layerRef: (layer: Konva.Layer | null) => (() => void) | undefined;
  gridRef: (element: HTMLDivElement | null) => void;
}

function placeGrid(element: HTMLElement, camera: Camera, viewport: Viewport): void {
  const step = dotGridStep(camera.zoom);
  const offset = dotGridOffset(camera, step);
  const style = element.style;
  const size = `${step}px ${step}px`;
  // Inline style writes of an unchanged value may still cost a style recalculation: skip them.
  if (style.backgroundSize !== size) style.backgroundSize = size;
  const width = `${viewport.width + 2 * step}px`;
  if (style.width !== width) style.width = width;
  const height = `${viewport.height + 2 * step}px`;
  if (style.height !== height) style.height = height;
  style.transform = `translate(${offset.x - step}px, ${offset.y - step}px)`;
}

export function usePanSurface(store: SessionStore, viewport: Viewport): PanSurface {
  const [drawn, setDrawn] = useState<Camera>(() => store.getState().camera);
  const margin = useMemo(() => surfaceMargin(viewport), [viewport]);
  const size = useMemo(() => stageSize(viewport, margin), [viewport, margin]);
  const stageBox = useRef<HTMLDivElement | null>(null);
  const grid = useRef<HTMLDivElement | null>(null);
  /** The camera the canvases' pixels were drawn at. */
  const painted = useRef(drawn);
  /** The camera of the latest React commit: what the next layer draw paints. */
  const committed = useRef(drawn);
  /** The camera last asked of React (the commit may be pending). */
  const requested = useRef(drawn);
  const marginRef = useRef(margin);

  useLayoutEffect(() => {
    committed.current = drawn;
    marginRef.current = margin;
  }, [drawn, margin]);

  const place = useCallback(() => {
    const { camera, viewport: size } = store.getState();
    if (stageBox.current)
      stageBox.current.style.transform = surfaceTransform(painted.current, camera);
    if (grid.current) placeGrid(grid.current, camera, size);
  }, [store]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const commit = () => {
      const live = store.getState().camera;
      if (sameCamera(requested.current, live)) return;
      requested.current = live;
      setDrawn(live);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      // The fingers of a pinch lifted: drawn sharp at once, at the zoom they left.
      if (previous.pinching && !state.pinching) {
        clearTimeout(timer);
        commit();
      }
      if (state.camera === previous.camera && state.viewport === previous.viewport) return;
      clearTimeout(timer);
      if (
        state.viewport !== previous.viewport ||
        needsRedraw(
          requested.current,
          state.camera,
          marginRef.current,
          state.pinching ? state.viewport : undefined,
        )
      )
        commit();
      // Pinching, drawn when the fingers lift: a slow phone's frame can outlast the settling.
      else if (!state.pinching) timer = setTimeout(commit, SETTLE_MS);
      place();
    });
    // The camera may have moved between the first render and this subscription.
    commit();
    place();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, place]);

  const onDraw = useCallback(() => {
    painted.current = committed.current;
    place();
  }, [place]);

  const stageRef = useCallback(
    (stage: Konva.Stage | null) => {
      stageBox.current = stage?.container() ?? null;
      place();
    },
    [place],
  );
  const layerRef = useCallback(
    (layer: Konva.Layer | null) => {
      if (!layer) return;
      layer.on('draw.panSurface', onDraw);
      return () => {
        layer.off('draw.panSurface');
      };
    },
    [onDraw],
  );
  const gridRef = useCallback(
    (element: HTMLDivElement | null) => {
      grid.current = element;
      place();
    },
    [place],
  );
  return { drawn, margin, size, stageRef, layerRef, gridRef };
}

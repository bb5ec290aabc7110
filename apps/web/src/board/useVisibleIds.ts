// Culling: only shapes whose bounds meet the stage (the viewport plus the pan margin, at the drawn
// camera) are mounted, and so drawn. The drawn camera changes only when the view is redrawn
// (see panSurface.ts), so a pan re-queries every margin's worth of travel, not every frame.
import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { Camera, Viewport } from '../geometry/camera';
import { noteTextMinWidth } from '../shapes/note/detail';
import { useSession } from './context';
import { stageWorldRect, type Margin } from './panSurface';

// Below this zoom, notes and strokes draw as plain blocks. A territory board or the plenary fitted
// on a laptop lands near 30 %, where note text is still legible: the cheap path starts lower.
export const LOW_DETAIL_ZOOM = 0.25;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function useVisibleIds(
  drawn: Camera,
  viewport: Viewport,
  margin: Margin,
): { ids: readonly string[]; detail: 'full' | 'low'; noteTextWidth: number } {
  const { scene } = useSession();
  const version = useSyncExternalStore(scene.subscribe, scene.getVersion);
  const query = stageWorldRect(drawn, viewport, margin);
  const key = `${query.x}|${query.y}|${query.width}|${query.height}`;
  const previous = useRef<readonly string[]>([]);
  const ids = useMemo(() => {
    const next = scene.visibleIds(query);
    if (sameIds(next, previous.current)) return previous.current;
    previous.current = next;
    return next;
    // `key` stands for `query`, `version` for the scene's content.
  }, [scene, key, version]);
  const low = drawn.zoom < LOW_DETAIL_ZOOM;
  return {
    ids,
    detail: low ? 'low' : 'full',
    noteTextWidth: low ? noteTextMinWidth(drawn.zoom) : Infinity,
  };
}

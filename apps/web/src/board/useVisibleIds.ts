// Culling: only shapes whose bounds meet the (padded) viewport are rendered. The query rect is
// snapped to a coarse grid so panning re-queries only every half screen, not every frame.
import { useMemo, useRef, useSyncExternalStore } from 'react';
import { visibleWorldRect } from '../geometry/camera';
import type { Rect } from '../geometry/rect';
import { useSession, useSessionState } from './context';

// Below this zoom, notes and strokes draw as plain blocks. A territory board or the plenary fitted
// on a laptop lands near 30 %, where note text is still legible: the cheap path starts lower.
export const LOW_DETAIL_ZOOM = 0.25;

function paddedQuery(
  camera: { x: number; y: number; zoom: number },
  viewport: { width: number; height: number },
): Rect {
  const visible = visibleWorldRect(camera, viewport);
  const stepX = Math.max(1, visible.width / 2);
  const stepY = Math.max(1, visible.height / 2);
  const x = Math.floor(visible.x / stepX) * stepX - stepX;
  const y = Math.floor(visible.y / stepY) * stepY - stepY;
  return { x, y, width: visible.width + stepX * 3, height: visible.height + stepY * 3 };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function useVisibleIds(): { ids: readonly string[]; detail: 'full' | 'low' } {
  const { scene } = useSession();
  const version = useSyncExternalStore(scene.subscribe, scene.getVersion);
  const camera = useSessionState((s) => s.camera);
  const viewport = useSessionState((s) => s.viewport);
  const query = paddedQuery(camera, viewport);
  const key = `${query.x}|${query.y}|${query.width}|${query.height}`;
  const previous = useRef<readonly string[]>([]);
  const ids = useMemo(() => {
    const next = scene.visibleIds(query);
    if (sameIds(next, previous.current)) return previous.current;
    previous.current = next;
    return next;
    // `key` stands for `query`, `version` for the scene's content.
  }, [scene, key, version]);
  return { ids, detail: camera.zoom < LOW_DETAIL_ZOOM ? 'low' : 'full' };
}

// Culling: only shapes whose bounds meet the stage (the viewport plus the pan margin, at the drawn
// camera) are mounted, and so drawn. The drawn camera changes only when the view is redrawn
// (see panSurface.ts), so a pan re-queries every margin's worth of travel, not every frame.
import { useMemo, useSyncExternalStore } from 'react';
import type { Camera, Viewport } from '../geometry/camera';
import type { Rect } from '../geometry/rect';
import { noteTextMinWidth } from '../shapes/note/detail';
import { useSession } from './context';
import type { Scene } from './scene';
import { stageWorldRect, type Margin } from './panSurface';

// Below this zoom, notes and strokes draw as plain blocks. A territory board or the plenary fitted
// on a laptop lands near 30 %, where note text is still legible: the cheap path starts lower.
export const LOW_DETAIL_ZOOM = 0.25;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reads the ids visible in a rectangle at the scene's version: re-queried when the scene or the
 * rectangle changed, and the previous array returned while the ids are the same (so a subscriber
 * re-renders only for a real change — a drag changes the scene on every frame).
 */
export function visibleIdsReader(
  scene: Pick<Scene, 'getVersion' | 'visibleIds'>,
): (query: Rect) => readonly string[] {
  let last: { key: string; version: number; ids: readonly string[] } | null = null;
  return (query) => {
    const key = `${query.x}|${query.y}|${query.width}|${query.height}`;
    const version = scene.getVersion();
    if (last && last.key === key && last.version === version) return last.ids;
    const next = scene.visibleIds(query);
    const ids = last && sameIds(next, last.ids) ? last.ids : next;
    last = { key, version, ids };
    return ids;
  };
}

export function useVisibleIds(
  drawn: Camera,
  viewport: Viewport,
  margin: Margin,
): { ids: readonly string[]; detail: 'full' | 'low'; noteTextWidth: number } {
  const { scene } = useSession();
  const query = stageWorldRect(drawn, viewport, margin);
  const read = useMemo(() => visibleIdsReader(scene), [scene]);
  const ids = useSyncExternalStore(scene.subscribe, () => read(query));
  const low = drawn.zoom < LOW_DETAIL_ZOOM;
  return {
    ids,
    detail: low ? 'low' : 'full',
    noteTextWidth: low ? noteTextMinWidth(drawn.zoom) : Infinity,
  };
}

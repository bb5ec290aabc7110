// The outline of the open board, kept up to date while the panel is open (see watch.ts): patched
// when a change moves no line (incremental.ts), rebuilt otherwise.
import { useEffect, useState } from 'react';
import type { Shape } from '@carton/board';
import type { BoardSession } from '../board/session';
import { patchOutline, type ShapesById } from './incremental';
import { buildOutline, reuseEntries, type Outline } from './outline';
import { watchOutline } from './watch';

interface Built {
  readonly outline: Outline;
  /** The view's ordered ids it was built from: the same array while order and membership hold. */
  readonly ids: readonly string[];
  readonly shapes: ShapesById;
}

function outlineOf(session: BoardSession, previous: Built | null): Built {
  const { view } = session;
  const ids = view.getOrderedIds();
  const shapes = new Map<string, Shape>();
  for (const id of ids) {
    const shape = view.getShape(id);
    if (shape) shapes.set(id, shape);
  }
  if (previous && previous.ids === ids) {
    const patched = patchOutline(previous.outline, previous.shapes, shapes);
    if (patched) return patched === previous.outline ? previous : { outline: patched, ids, shapes };
  }
  const outline = reuseEntries(previous?.outline ?? null, buildOutline([...shapes.values()]));
  return { outline, ids, shapes };
}

export function useOutline(session: BoardSession): Outline {
  const [built, setBuilt] = useState(() => outlineOf(session, null));
  useEffect(() => {
    const rebuild = () => setBuilt((previous) => outlineOf(session, previous));
    // Anything written between the first render and the subscription.
    rebuild();
    return watchOutline(session.view, rebuild);
  }, [session]);
  return built.outline;
}

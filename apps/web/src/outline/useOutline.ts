// The outline of the open board, kept up to date while the panel is open. It listens to the
// board view, which changes only with the document — cursors and selections (awareness) never
// reach it — and rebuilds at most every REBUILD_MS, so a drag or a burst of remote edits on a
// 10,000-shape board costs a few rebuilds, not one per update.
import { useEffect, useState } from 'react';
import type { BoardSession } from '../board/session';
import { buildOutline, reuseEntries, type Outline } from './outline';

export const REBUILD_MS = 250;

function outlineOf(session: BoardSession, previous: Outline | null): Outline {
  const { view } = session;
  const shapes = view.getOrderedIds().flatMap((id) => view.getShape(id) ?? []);
  return reuseEntries(previous, buildOutline(shapes));
}

export function useOutline(session: BoardSession): Outline {
  const [outline, setOutline] = useState(() => outlineOf(session, null));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const rebuild = () => {
      timer = null;
      setOutline((previous) => outlineOf(session, previous));
    };
    const schedule = () => {
      timer ??= setTimeout(rebuild, REBUILD_MS);
    };
    const unsubscribe = session.view.subscribe(schedule);
    // Anything written between the first render and this subscription.
    schedule();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [session]);
  return outline;
}

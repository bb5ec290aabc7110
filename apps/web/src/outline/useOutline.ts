// The outline of the open board, kept up to date while the panel is open (see watch.ts).
import { useEffect, useState } from 'react';
import type { BoardSession } from '../board/session';
import { buildOutline, reuseEntries, type Outline } from './outline';
import { watchOutline } from './watch';

function outlineOf(session: BoardSession, previous: Outline | null): Outline {
  const { view } = session;
  const shapes = view.getOrderedIds().flatMap((id) => view.getShape(id) ?? []);
  return reuseEntries(previous, buildOutline(shapes));
}

export function useOutline(session: BoardSession): Outline {
  const [outline, setOutline] = useState(() => outlineOf(session, null));
  useEffect(() => {
    const rebuild = () => setOutline((previous) => outlineOf(session, previous));
    // Anything written between the first render and the subscription.
    rebuild();
    return watchOutline(session.view, rebuild);
  }, [session]);
  return outline;
}

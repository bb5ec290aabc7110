// When a hidden layer (drag, interaction) is made: its canvas is as big as the stage, and making
// one costs a full-size bitmap (~0.6 s on a phone at 3 device pixels and a quarter of a laptop's
// CPU). Made with the board, it delayed the board's first frame; made at its first need, it
// stalled the first tap or drag as long. So it is made once the board is drawn and the browser
// is idle, or at its first need if that comes sooner, and then kept.
import { useEffect, useState } from 'react';
import { whenIdleAfterFirstFrame } from '../../ui/LazyFallbackPrefetch';
import { useSession } from '../context';

/**
 * Whether the layer is made yet: true from the first render where `needed`, or once the browser
 * is idle after the board's first frame when `ahead` (false for a layer this person may never
 * need, such as the drag layer of a view link).
 */
export function useLayerMade(needed: boolean, ahead: boolean): boolean {
  const session = useSession();
  const [made, setMade] = useState(needed);
  if (needed && !made) setMade(true);
  useEffect(() => {
    if (made || !ahead) return;
    return whenIdleAfterFirstFrame(session.connection.whenSynced(), () => setMade(true));
  }, [session, made, ahead]);
  return made;
}

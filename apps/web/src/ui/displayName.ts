// Which name a board page opens with. The name prompt is the first screen of an edit link: a
// participant's notes and cursor carry the name. A view link only looks (a tablet by the door, a
// guest): it opened behind « Comment voulez-vous qu’on vous appelle ? » before showing anything.
// A viewer with no name on this device takes the default one instead; others see it in the
// people list, marked read-only by its presence, and a later edit link still asks.
import type { Role } from '../board/api';

/** The remembered name, else a viewer's default; null when the prompt must ask (an editor). */
export function nameToOpenWith(
  role: Role,
  remembered: string | null,
  viewerDefault: string,
): string | null {
  if (remembered) return remembered;
  return role === 'view' ? viewerDefault : null;
}

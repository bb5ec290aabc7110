// My presence: writes my awareness state. Updates are coalesced (about one per frame); a timer,
// not requestAnimationFrame, so a page in the background still tells others where it is.
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../geometry/rect';
import type { Preview } from '../tools/types';
import type { PresenceState, PresenceUser, PresenceView } from './presence';

export class Presence {
  private pending: Partial<PresenceState> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly awareness: Awareness,
    user: PresenceUser,
    readOnly: boolean,
  ) {
    const initial: PresenceState = {
      user,
      cursor: null,
      selection: [],
      preview: null,
      view: null,
      readOnly,
    };
    awareness.setLocalState(initial);
  }

  setCursor(cursor: Point | null): void {
    this.queue({ cursor });
  }

  setView(view: PresenceView): void {
    this.queue({ view });
  }

  setSelection(selection: string[]): void {
    this.queue({ selection });
  }

  /** Previews (a stroke being drawn) go out at once: others see the stroke as it is drawn. */
  setPreview(preview: Preview | null): void {
    this.queue({ preview });
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.setLocalState(null);
  }

  private queue(patch: Partial<PresenceState>): void {
    Object.assign(this.pending, patch);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const current = this.awareness.getLocalState() as PresenceState | null;
      if (!current) return;
      this.awareness.setLocalState({ ...current, ...this.pending });
      this.pending = {};
    }, 20);
  }
}

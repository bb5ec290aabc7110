// My presence: writes my awareness state. Updates are coalesced to at most one per 50 ms
// (20 Hz, the server's presence budget, R29: frames past it are skipped, a flood closes the
// socket); a timer, not requestAnimationFrame, so a page in the background still tells others
// where it is.
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../geometry/rect';
import type { Preview } from '../tools/types';
import type { PresenceState, PresenceUser, PresenceView } from './presence';
import { StrokeWindowSender } from './strokeWindow';

/** One awareness update per this many ms at most: 20 Hz. */
export const PRESENCE_INTERVAL_MS = 50;

export class Presence {
  private pending: Partial<PresenceState> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly strokeSender = new StrokeWindowSender();

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
      stroke: null,
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

  /**
   * Previews go out with the next update: others see a gesture as it is made. A stroke being
   * drawn goes as a window of its latest points (strokeWindow.ts), encoded when it is sent.
   */
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
      const patch = this.pending;
      this.pending = {};
      if ('preview' in patch) {
        const preview = patch.preview ?? null;
        if (preview?.kind === 'stroke') {
          patch.stroke = this.strokeSender.next(preview.points, preview.color, preview.width);
          patch.preview = null;
        } else {
          this.strokeSender.reset();
          patch.stroke = null;
        }
      }
      this.awareness.setLocalState({ ...current, ...patch });
    }, PRESENCE_INTERVAL_MS);
  }
}

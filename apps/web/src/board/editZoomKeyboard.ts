// A phone's note opened for writing is placed above where the keyboard is assumed to rise (the
// lower 45 %), before the keyboard is there. When it comes up later, taller than assumed, or the
// phone turns, the visual viewport resizes: the note is re-fitted above the keyboard once the
// resize settles (see refitAboveKeyboard) — unless the person moved the view meanwhile, which
// wins as it does over the glide. Closing the editor takes the view back to where it was.
import type { Camera } from '../geometry/camera';
import { glideCamera, type Glide } from './cameraGlide';
import type { SessionStore } from './store';

/** A keyboard's rise fires several resizes over ~250 ms: re-fit once, after the last. */
export const SETTLE_MS = 150;

/** Only the part of VisualViewport (or window) this listens to. */
export interface ResizeSource {
  addEventListener(type: 'resize', listener: () => void): void;
  removeEventListener(type: 'resize', listener: () => void): void;
}

export interface KeyboardFollow {
  /** The editor closed: stops following and takes the view back, unless the person moved it. */
  close(): void;
}

/**
 * Glides from `from` to `first` (the legible camera, or none when the note already is) and
 * re-fits with `refit` (the camera for the area free of the keyboard now, or null) after each
 * settled resize of `viewport`.
 */
export function followKeyboard(
  store: SessionStore,
  from: Camera,
  first: Camera | null,
  refit: (camera: Camera) => Camera | null,
  viewport: ResizeSource | null,
): KeyboardFollow {
  let glide: Glide | null = first ? glideCamera(store, first) : null;
  // The camera this follow set last is still the store's: nobody else moved the view.
  const untouched = () => (glide ? glide.untouched() : store.getState().camera === from);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopListening = () => {
    clearTimeout(timer);
    viewport?.removeEventListener('resize', onResize);
  };
  const settle = () => {
    if (!untouched()) return stopListening();
    const next = refit(glide?.target ?? from);
    if (next) glide = glideCamera(store, next);
  };
  function onResize() {
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  }
  viewport?.addEventListener('resize', onResize);
  return {
    close() {
      stopListening();
      if (glide?.stop()) glideCamera(store, from);
    },
  };
}

// Moves the camera to another over a few frames instead of jumping: the person sees where the
// view went (and where it comes back from). A gesture of theirs meanwhile wins: the glide stops
// as soon as the camera is not the one it last set.
import type { Camera } from '../geometry/camera';
import { cameraBetween } from './editZoom';
import type { SessionStore } from './store';
import { prefersReducedMotion } from '../ui/reducedMotion';

const GLIDE_MS = 240;

export interface Glide {
  /** Where it goes. */
  readonly target: Camera;
  /** Stops where it is; true when the camera is still the glide's (nobody moved it). */
  stop(): boolean;
  /** Whether the camera is still the one it set last (running or done): nobody moved it. */
  untouched(): boolean;
}

const running = new WeakMap<SessionStore, Glide>();

/** Stops the glide running on this page's camera, if any (see Glide.stop). */
export function stopGlide(store: SessionStore): boolean {
  return running.get(store)?.stop() ?? true;
}

export function glideCamera(store: SessionStore, to: Camera): Glide {
  stopGlide(store);
  const from = store.getState().camera;
  let last = from;
  let frame = 0;
  const set = (camera: Camera) => {
    last = camera;
    store.setState({ camera });
  };
  const glide: Glide = {
    target: to,
    untouched: () => store.getState().camera === last,
    stop() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      if (running.get(store) === glide) running.delete(store);
      return store.getState().camera === last;
    },
  };
  if (typeof requestAnimationFrame !== 'function' || prefersReducedMotion()) {
    set(to);
    return glide;
  }
  running.set(store, glide);
  let start: number | null = null;
  const step = (now: number) => {
    frame = 0;
    if (store.getState().camera !== last) return void glide.stop();
    start ??= now;
    const t = (now - start) / GLIDE_MS;
    set(cameraBetween(from, to, t));
    if (t < 1) frame = requestAnimationFrame(step);
    else glide.stop();
  };
  frame = requestAnimationFrame(step);
  return glide;
}

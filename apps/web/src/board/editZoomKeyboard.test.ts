import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Camera } from '../geometry/camera';
import { followKeyboard, SETTLE_MS, type ResizeSource } from './editZoomKeyboard';
import { createSessionStore } from './store';

/** A visual viewport whose resizes the test fires. */
function viewport() {
  const listeners = new Set<() => void>();
  const source: ResizeSource = {
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
  };
  return { source, resize: () => listeners.forEach((l) => l()), listeners };
}

const from: Camera = { x: 0, y: 0, zoom: 0.4 };
const legible: Camera = { x: -1125, y: -596, zoom: 1.2 };
const refitted: Camera = { x: -900, y: -470, zoom: 0.95 };

describe('a phone note’s camera following the keyboard', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('re-fits once the resizes settle, with the camera it had placed', () => {
    const store = createSessionStore(false);
    store.setState({ camera: from });
    const vv = viewport();
    const refit = vi.fn((_at: Camera): Camera | null => refitted);
    followKeyboard(store, from, legible, refit, vv.source);
    // No requestAnimationFrame here: the glide lands at once.
    expect(store.getState().camera).toBe(legible);
    vv.resize();
    vv.resize();
    vi.advanceTimersByTime(SETTLE_MS - 1);
    vv.resize();
    expect(refit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(refit).toHaveBeenCalledTimes(1);
    expect(refit).toHaveBeenCalledWith(legible);
    expect(store.getState().camera).toBe(refitted);
  });

  it('leaves the view alone once the person moved it, and then stops listening', () => {
    const store = createSessionStore(false);
    store.setState({ camera: from });
    const vv = viewport();
    const refit = vi.fn((_at: Camera): Camera | null => refitted);
    const follow = followKeyboard(store, from, legible, refit, vv.source);
    const moved = { ...legible, y: legible.y - 200 };
    store.setState({ camera: moved });
    vv.resize();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(refit).not.toHaveBeenCalled();
    expect(store.getState().camera).toBe(moved);
    expect(vv.listeners.size).toBe(0);
    // Closed: not taken back either.
    follow.close();
    expect(store.getState().camera).toBe(moved);
  });

  it('re-fits a note that needed no zoom at first, and closing takes the view back', () => {
    const store = createSessionStore(false);
    store.setState({ camera: from });
    const vv = viewport();
    const follow = followKeyboard(store, from, null, () => refitted, vv.source);
    expect(store.getState().camera).toBe(from);
    vv.resize();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(store.getState().camera).toBe(refitted);
    follow.close();
    expect(store.getState().camera).toBe(from);
    expect(vv.listeners.size).toBe(0);
  });
});

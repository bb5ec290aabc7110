import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSessionStore,
  fitAndRemember,
  noteInput,
  refitWhenTurned,
  viewIsTheFit,
  type SessionStore,
  type Turns,
} from './store';

describe('the people list at first', () => {
  it('starts folded on a view link, open for an editor on a wide screen', () => {
    // No window here: the size test counts as wide, as a tablet or a laptop would.
    expect(createSessionStore(true).getState().peopleOpen).toBe(false);
    expect(createSessionStore(false).getState().peopleOpen).toBe(true);
  });
});

describe('what the person last pressed with (noteInput)', () => {
  it('is kept for a chosen empty note’s hint, and told to the page only when it changes', () => {
    const store = createSessionStore(false);
    expect(store.getState().lastInput).toBeNull();
    const told = vi.fn();
    store.subscribe(told);
    noteInput(store, 'touch');
    noteInput(store, 'touch');
    expect(store.getState().lastInput).toBe('touch');
    noteInput(store, 'keys');
    expect(store.getState().lastInput).toBe('keys');
    expect(told).toHaveBeenCalledTimes(2);
  });
});

describe('a phone turned (refitWhenTurned)', () => {
  /** A stand-in for matchMedia('(orientation: landscape)'): turn() is the phone turning. */
  function phone() {
    const target = new EventTarget();
    return {
      turns: target as unknown as Turns,
      turn: () => target.dispatchEvent(new Event('change')),
    };
  }
  let frames: (() => void)[] = [];
  const runFrames = () => {
    for (let i = 0; i < 2; i++) {
      const pending = frames;
      frames = [];
      pending.forEach((f) => f());
    }
  };
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A fit that, like zoomToFit, sets a camera made for the viewport. */
  function fitter(store: SessionStore) {
    let fits = 0;
    const fit = () => {
      fits++;
      const { width, height } = store.getState().viewport;
      store.setState({ camera: { x: width / 2, y: height / 2, zoom: width / 1000 } });
    };
    return { fit, fits: () => fits };
  }

  it('fits the board again for the new size while the view is still the last fit', () => {
    const store = createSessionStore(false);
    const { fit } = fitter(store);
    const { turns, turn } = phone();
    const stop = refitWhenTurned(store, fit, turns);
    store.setState({ viewport: { width: 390, height: 844 } });
    fitAndRemember(store, fit);
    expect(viewIsTheFit(store.getState())).toBe(true);

    turn();
    store.setState({ viewport: { width: 844, height: 390 } });
    expect(store.getState().camera).toEqual({ x: 422, y: 195, zoom: 0.844 });
    runFrames();
    expect(store.getState().camera).toEqual({ x: 422, y: 195, zoom: 0.844 });
    expect(viewIsTheFit(store.getState())).toBe(true);
    stop();
  });

  it('waits two frames for the layout when the size changed before the turn was told', () => {
    const store = createSessionStore(false);
    const { fit } = fitter(store);
    const { turns, turn } = phone();
    const stop = refitWhenTurned(store, fit, turns);
    store.setState({ viewport: { width: 390, height: 844 } });
    fitAndRemember(store, fit);
    store.setState({ viewport: { width: 844, height: 390 } });
    expect(store.getState().camera).toEqual({ x: 195, y: 422, zoom: 0.39 });
    turn();
    runFrames();
    expect(store.getState().camera).toEqual({ x: 422, y: 195, zoom: 0.844 });
    stop();
  });

  it('leaves a view the person panned or zoomed alone', () => {
    const store = createSessionStore(false);
    const { fit, fits } = fitter(store);
    const { turns, turn } = phone();
    const stop = refitWhenTurned(store, fit, turns);
    fitAndRemember(store, fit);
    const mine = { x: -300, y: 120, zoom: 1.4 };
    store.setState({ camera: mine });
    expect(viewIsTheFit(store.getState())).toBe(false);

    turn();
    store.setState({ viewport: { width: 844, height: 390 } });
    runFrames();
    expect(fits()).toBe(1);
    expect(store.getState().camera).toBe(mine);
    stop();
  });

  it('does nothing before a first fit (an empty board), nor after being stopped', () => {
    const store = createSessionStore(false);
    const { fit, fits } = fitter(store);
    const { turns, turn } = phone();
    const stop = refitWhenTurned(store, fit, turns);
    turn();
    store.setState({ viewport: { width: 844, height: 390 } });
    runFrames();
    expect(fits()).toBe(0);
    fitAndRemember(store, fit);
    stop();
    turn();
    store.setState({ viewport: { width: 390, height: 844 } });
    runFrames();
    expect(fits()).toBe(1);
  });
});

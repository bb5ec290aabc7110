// After a tap on the canvas selects something on a touch screen, or a shape is placed (mouse
// too), pans the camera so the selection's handles clear the bottom panels (see
// handlesClearance.ts). Only a tap: a drag or a marquee keeps the camera where the finger left
// it, and re-tapping the selection does nothing.
import { useEffect } from 'react';
import { useSession } from '../board/context';
import { cameraClearingSelection, type ClearBand } from './handlesClearance';

/** The canvas band between the header and the toolbar / selection actions, as laid out now. */
function clearBand(canvas: Element): ClearBand | null {
  const area = canvas.getBoundingClientRect();
  if (area.height === 0) return null;
  const header = document.querySelector('.editor-header')?.getBoundingClientRect();
  const panels = ['.toolbar', '.style-panel'].flatMap((selector) => {
    const r = document.querySelector(selector)?.getBoundingClientRect();
    return r && r.height > 0 ? [r.top] : [];
  });
  return {
    top: Math.max(0, (header?.bottom ?? area.top) - area.top),
    bottom: Math.min(area.bottom, ...panels) - area.top,
  };
}

export function useHandlesClear(): void {
  const session = useSession();
  useEffect(() => {
    const { store, scene } = session;
    const key = () => store.getState().selection.join(' ');
    let before: string | null = null;
    let moved = false;
    /** Turned since the last touch (see `turned`). */
    let turning = false;
    let frame = 0;
    const canvas = () => document.querySelector('.canvas');
    // A finger's tap that selects, or any press that places a shape: on a laptop too, a note
    // placed low sat half under the colours and actions its selection brings up.
    const onCanvas = (e: PointerEvent) =>
      (e.pointerType === 'touch' || !['select', 'hand'].includes(store.getState().tool)) &&
      e.target instanceof Node &&
      !(e.target instanceof HTMLTextAreaElement) &&
      canvas()?.contains(e.target) === true;
    // Capture phase on the window: runs before the canvas's own handler changes the selection.
    const down = (e: PointerEvent) => {
      turning = false;
      before = onCanvas(e) ? key() : null;
      moved = false;
    };
    const unsubscribe = store.subscribe((s) => {
      if (s.draggingIds.size > 0 || s.marquee) moved = true;
    });
    const up = (e: PointerEvent) => {
      if (!onCanvas(e) || before === null || moved) return;
      const from = before;
      before = null;
      cancelAnimationFrame(frame);
      // After the canvas's own handler (a placed shape is selected on pointer-up) and the next
      // layout: the selection's actions have just appeared above the toolbar.
      frame = requestAnimationFrame(() => {
        const selected = store.getState().selection.join(' ');
        if (selected !== from) clear();
      });
    };
    // Turned sideways or back, the panels move under a selection: on a phone of 844 × 390 the
    // note chosen upright sat under its own colours. Once the new layout is drawn (two frames:
    // the canvas is resized in the first), its handles are cleared again.
    const orientation =
      typeof matchMedia === 'function' ? matchMedia('(orientation: landscape)') : null;
    // Until the next touch, a late resize of the canvas (a busy phone lays out in steps) clears
    // them again: clearing what is already clear changes nothing.
    const turned = () => {
      turning = true;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(clear);
      });
    };
    const resized = new ResizeObserver(() => {
      if (turning) turned();
    });
    const element = canvas();
    if (element) resized.observe(element);
    function clear() {
      const element = canvas();
      const state = store.getState();
      if (!element || state.following !== null || state.selection.length === 0) return;
      // A shape placed and opened for writing at once (a phone's note) has its own view
      // (zoomForEditing: legible, above the keyboard): moved here a frame later, a note placed
      // low under the panel stopped that zoom, and the participant wrote in a 47 px box.
      if (state.editingId !== null) return;
      const band = clearBand(element);
      const camera =
        band &&
        cameraClearingSelection(
          state.camera,
          state.selection,
          (id) => scene.selectionBounds(id),
          (id) => scene.getShape(id)?.type,
          band,
        );
      if (camera) store.setState({ camera });
    }
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    orientation?.addEventListener('change', turned);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      orientation?.removeEventListener('change', turned);
      resized.disconnect();
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [session]);
}

// A full-screen dialog (a projected QR code, a large mosaic tile, export) closes on Escape
// wherever the focus is inside the page, so the listener sits on the window. It listens first
// (capture) and keeps the key to itself: the board behind must not also act on that Escape
// (it would let go of the chosen shape).
import { useEffect } from 'react';

export function useCloseOnEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
}

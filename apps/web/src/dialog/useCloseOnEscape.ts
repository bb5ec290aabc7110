// A full-screen dialog (a projected QR code, a large mosaic tile, export) closes on Escape
// wherever the focus is inside the page, so the listener sits on the window.
import { useEffect } from 'react';

export function useCloseOnEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}

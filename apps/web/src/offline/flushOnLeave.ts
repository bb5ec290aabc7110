// A page about to go (tab closed, app switched, phone locked) may not come back: what waits to be
// stored is written then. `pagehide` is the last event a closing tab reliably gets (unload is not
// fired on mobile), and `visibilitychange` to hidden is often the last a phone's page gets before
// the system kills it.
interface Target {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export function flushOnLeave(
  flush: () => void,
  page: Target = window,
  doc: Target & { visibilityState: string } = document,
): () => void {
  const onHidden = () => {
    if (doc.visibilityState === 'hidden') flush();
  };
  page.addEventListener('pagehide', flush);
  doc.addEventListener('visibilitychange', onHidden);
  return () => {
    page.removeEventListener('pagehide', flush);
    doc.removeEventListener('visibilitychange', onHidden);
  };
}

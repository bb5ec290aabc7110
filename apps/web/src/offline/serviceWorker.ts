// Registers the app-shell worker (public/sw.js) so a board page can be reloaded offline.
// Browsers allow service workers only in secure contexts: https, or http://localhost. On a
// venue's plain-http LAN address the page still edits offline (IndexedDB) but cannot be
// reloaded without the server.

/** Set on <html> once the shell is cached: a reload offline will open this page. */
export const OFFLINE_READY_ATTRIBUTE = 'data-offline-ready';

function loadedResources(): string[] {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(location.origin));
  return [...new Set(urls)];
}

export function registerAppShell(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type === 'carton:cached') {
      document.documentElement.setAttribute(OFFLINE_READY_ATTRIBUTE, 'true');
    }
  };
  container.addEventListener('message', onMessage);
  container
    .register('/sw.js', { scope: '/' })
    .then(() => container.ready)
    .then((registration) => {
      registration.active?.postMessage({ type: 'carton:cache', urls: loadedResources() });
    })
    .catch(() => {
      // No worker (blocked, unsupported): the board still works online and offline in-page.
    });
}

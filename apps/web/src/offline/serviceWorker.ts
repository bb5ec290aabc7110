// Registers the app-shell worker (public/sw.js) so a board page can be reloaded offline.
// Browsers allow service workers only in secure contexts: https, or http://localhost. On a
// venue's plain-http LAN address the page still edits offline (IndexedDB) but cannot be
// reloaded without the server: `appShellState` says which, so the page can warn before a reload.

/** Set on <html> once the shell is cached: a reload offline will open this page. */
export const OFFLINE_READY_ATTRIBUTE = 'data-offline-ready';

/**
 * `ready`: a reload offline opens this page from the device. `pending`: not yet (first visit,
 * worker installing). `unavailable`: never on this address (plain http, no worker support).
 */
export type AppShellState = 'ready' | 'pending' | 'unavailable';

let state: AppShellState = 'pending';
const listeners = new Set<() => void>();

function setState(next: AppShellState): void {
  if (state === next) return;
  state = next;
  for (const listener of listeners) listener();
}

export const appShellState = (): AppShellState => state;

export function subscribeAppShell(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function loadedResources(): string[] {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(location.origin));
  return [...new Set(urls)];
}

export function registerAppShell(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    setState('unavailable');
    return;
  }
  const container = navigator.serviceWorker;
  // This page came from the worker: its shell is cached already.
  if (container.controller) setState('ready');
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type === 'carton:cached') {
      document.documentElement.setAttribute(OFFLINE_READY_ATTRIBUTE, 'true');
      setState('ready');
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
      if (state !== 'ready') setState('unavailable');
    });
}

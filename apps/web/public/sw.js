/* global self, caches */
// Carton's app shell, kept on the device so a board page opens (from its IndexedDB copy) when
// the server cannot be reached. Never caches the API or the socket: board data lives in
// IndexedDB, tokens only in the page. Pages: network first, the cached shell when offline.
// Hashed assets: cache first (their names change with their content).
const CACHE = 'carton-shell-v1';
const SHELL = '/';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

function cacheable(url) {
  return (
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/sync') &&
    url.pathname !== '/sw.js'
  );
}

// The page lists what it loaded before this worker controlled it (first visit).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'carton:cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((u) => typeof u === 'string')
    .map((u) => new URL(u, self.location.origin))
    .filter(cacheable)
    .map((u) => u.pathname);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          [SHELL, ...urls].map((path) =>
            cache.match(path).then((hit) => hit || cache.add(path).catch(() => undefined)),
          ),
        ),
      )
      .then(() => event.source && event.source.postMessage({ type: 'carton:cached' })),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!cacheable(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((hit) => hit || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(url.pathname).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }
  event.respondWith(
    fetch(request).catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())),
  );
});

// Kunna's service worker: lets the attendance page open again on a tablet that reloads without network.
// Registered only by production builds (web/src/app/core/offline-shell.ts).
//
// Cache policy, network first everywhere (nothing is served stale while the network works):
// - the app shell: page navigations (kept as one index.html) and the app's own static files (scripts, styles, icons);
// - of the API, only what the attendance page needs: who is signed in (auth/me), a session and its attendance list,
//   for sessions opened on this device. No other API answer is ever stored.
// The API cache is emptied when anyone signs in or out, when a device becomes a kiosk tablet or leaves kiosk mode, and
// when the server says the sign-in has ended (401) or the device is a kiosk (403 on auth/me), so the next person on a
// shared tablet never sees the previous one's data, not even offline.
const SHELL_CACHE = 'kunna-shell-v1';
const API_CACHE = 'kunna-api-v1';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STATIC_FILE = /\.(js|css|svg|png|ico|woff2?)$/i;
/** Requests that change who this device acts for: the cached API answers belong to someone else afterwards. */
const CHANGES_WHO = [/^\/api\/auth\//, /^\/api\/kiosk(\/|$)/, /\/kiosk-credential$/];
const OFFLINE_API = [new RegExp('^/api/auth/me$'), new RegExp(`^/api/sessions/${UUID}$`, 'i'), new RegExp(`^/api/sessions/${UUID}/attendance$`, 'i')];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add('/index.html'))
      .then(() => self.skipWaiting()),
  );
});

// The page loaded before this worker took control: it sends what it fetched so far (the scripts of the page it shows,
// the attendance data), and the worker stores those of them the policy above allows.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'warm' || !Array.isArray(data.urls)) return;
  event.waitUntil(warm(data.urls.filter((url) => typeof url === 'string').slice(0, 200)));
});

async function warm(urls) {
  for (const raw of urls) {
    const url = new URL(raw, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    const api = url.pathname.startsWith('/api/');
    const cacheName = api ? API_CACHE : SHELL_CACHE;
    if (api ? url.search !== '' || !OFFLINE_API.some((pattern) => pattern.test(url.pathname)) : !STATIC_FILE.test(url.pathname)) continue;
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (response.status === 200) await (await caches.open(cacheName)).put(url.href, response);
    } catch {
      // No network now: the next visit fills the cache.
    }
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE && name !== API_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const api = url.pathname.startsWith('/api/');
  if (request.method !== 'GET') {
    // Signing in or out, redeeming a code, or starting or leaving kiosk mode: forget the cached answers.
    if (api && CHANGES_WHO.some((pattern) => pattern.test(url.pathname))) event.waitUntil(caches.delete(API_CACHE));
    return;
  }
  if (api) {
    if (url.search === '' && OFFLINE_API.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkFirst(request, API_CACHE, request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL_CACHE, new Request('/index.html')));
    return;
  }
  if (request.destination === 'script' || request.destination === 'style' || request.destination === 'image' || request.destination === 'font') {
    event.respondWith(networkFirst(request, SHELL_CACHE, request));
  }
});

/** The network's answer (stored when 200); without network the stored one, if any. */
async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') {
      const copy = response.clone();
      const cache = await caches.open(cacheName);
      await cache.put(key, copy);
    } else if ((response.status === 401 || response.status === 403) && cacheName === API_CACHE) {
      await caches.delete(API_CACHE);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName });
    if (cached) return cached;
    throw error;
  }
}

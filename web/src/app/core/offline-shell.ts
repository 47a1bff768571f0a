import { isDevMode } from '@angular/core';

/**
 * Registers the service worker (web/public/sw.js) in production builds, so the attendance page opens again when a
 * tablet reloads without network. What the page fetched before the worker took control is handed to it to store
 * (the worker decides what its cache policy allows); development builds never register it, so they are never stale.
 */
export function registerOfflineShell(): void {
  if (isDevMode() || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const warm = () => {
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    container.controller?.postMessage({ type: 'warm', urls });
  };
  container.addEventListener('controllerchange', warm);
  container
    .register('/sw.js')
    .then(() => container.ready)
    .then(() => warm())
    .catch((error: unknown) => console.warn('Service worker not registered', error));
}

// The scan page's service worker: keeps the page's shell (HTML, style, scripts, icons) so a handheld can open
// /scan while the box is out of reach. API calls and the hub are never touched here: the page itself keeps
// scans in IndexedDB and sends them when the box answers again.
'use strict';
const CACHE = 'inventory-shell-v2';
const SHELL = ['/scan', '/_content/Inventory.Web.UI/css/app.css', '/_content/Inventory.Web.UI/js/app.js', '/js/scan.js', '/lib/zxing.min.js', '/manifest.webmanifest',
  '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one, and only real pages: a signed-out /scan answers with a redirect to the sign-in page,
    // which must not be kept as the scan page.
    await Promise.all(SHELL.map(async url => {
      try {
        const res = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
        if (res.ok && res.type === 'basic') await cache.put(url, res);
      } catch (e) { /* offline while installing: the next visit fills it */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) return;
  // Network first, so a box update shows at once; the cached copy when the box cannot be reached.
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok && res.type === 'basic' && !res.redirected) await cache.put(url.pathname, res.clone());
      return res;
    } catch (e) {
      const cached = await cache.match(url.pathname);
      if (cached) return cached;
      throw e;
    }
  })());
});

// 数读 Shudu service worker: keeps every file of one build in the Cache API so the site
// opens and analyses with no network at all.
//
// This file is a TEMPLATE. scripts/postbuild.py writes dist/sw.js from it after each
// release build, replacing the two placeholders below with the build's file list (each
// path with the SHA-256 of its bytes) and a version (a hash of that whole list), so any
// change to any file of the build gives a new sw.js, which the browser installs as an
// update. Do not link this file from index.html.
//
// Lifecycle:
//   install  - fetch every file of the build (integrity-checked against its hash) into a
//              new cache named for this scope and version; any failure keeps the old one.
//   activate - delete the caches of older versions of *this* scope (other deployments on
//              the same origin, e.g. /tools/shudu-test/, keep theirs), then take control.
//   fetch    - cache first for the build's files; everything else goes to the network.
//
// URLs are relative: they resolve against the location of sw.js, which is the site's root,
// whatever path the site is served from.

const VERSION = '__SHUDU_VERSION__';
/** [path relative to the site root, 'sha256-<base64>'] for every file of the build. */
const FILES = __SHUDU_FILES__;

const SCOPE = self.registration.scope;
const PREFIX = `shudu:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const url = (path) => new URL(path, self.location.href).href;
const INDEX = url('index.html');

async function fetchChecked(path, integrity) {
  // First try the HTTP cache (the page has just loaded these files); if the bytes there
  // are not this build's (stale unhashed file), fetch again past the HTTP cache.
  for (const cache of ['default', 'reload']) {
    try {
      const response = await fetch(new Request(url(path), { cache, integrity, credentials: 'same-origin' }));
      if (response.ok) return response;
    } catch (_) { /* integrity mismatch or network error: try again, then give up */ }
  }
  throw new Error(`shudu sw: cannot fetch ${path} of build ${VERSION}`);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const [path, integrity] of FILES) {
      await cache.put(url(path), await fetchChecked(path, integrity));
    }
    await self.skipWaiting();
  })().catch(async (e) => {
    await caches.delete(CACHE); // never leave a half-filled cache behind
    throw e;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const target = new URL(request.url);
  target.search = '';
  target.hash = '';
  // The site's root (…/tools/shudu/) is its index.html.
  const key = target.href === SCOPE ? INDEX : target.href;
  event.respondWith((async () => {
    // caches.match with cacheName does not create the cache if a newer version removed it.
    const hit = await caches.match(key, { cacheName: CACHE });
    if (hit) return hit;
    if (request.mode === 'navigate') {
      try {
        return await fetch(request);
      } catch (e) {
        const index = await caches.match(INDEX, { cacheName: CACHE }); // offline: any page of the site is the app
        if (index) return index;
        throw e;
      }
    }
    return fetch(request);
  })());
});

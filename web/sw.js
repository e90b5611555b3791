// Service worker: Lede works offline. The build stamps VERSION with a hash of
// every asset and PRECACHE with their list, so any change installs a new
// worker whose fresh cache replaces the old one on activation. Assets are
// served cache-first; anything else (the HTTP API) goes to the network.

const VERSION = "__LEDE_BUILD_VERSION__";
const PRECACHE = ["__LEDE_PRECACHE__"];
const PREFIX = "lede-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      // "no-cache" revalidates with the server: fresh files, but the ones the
      // page has just downloaded come from the HTTP cache, not again.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(VERSION).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === "navigate") {
        try {
          return await fetch(request);
        } catch {
          return (await cache.match("./")) || Response.error();
        }
      }
      return fetch(request);
    }),
  );
});

/*! wallet-help service worker: keeps the widget, its config and the visited pages usable
    offline. Registered by the loader when the tag has data-sw; it learns where the widget's
    files are from its own URL (?base=…&config=…). */
// `make dist` (scripts/hash-assets.mjs) replaces __WALLET_HELP_BUILD__ with this build's id
// and file names: {id: "<hash>", loader: "wallet-help.js", hashed: ["wallet_help.<hash>.js", …]}.
const BUILD = __WALLET_HELP_BUILD__;
// The widget's files get one cache per build, so two builds never mix; pages and the config
// keep their own cache across builds, so an update does not lose what was read offline.
const CACHE = "wallet-help-" + BUILD.id;
const PAGES = "wallet-help-pages";
const params = new URL(self.location.href).searchParams;
const base = params.get("base") || new URL("./wallet-help/", self.location.href).href;
const config = params.get("config") || "";
// A content-hashed name never changes its bytes, so those files are served from the cache
// first. The loader keeps its name across builds and the page's tag pins its integrity, so
// it comes from the network first: a cached old loader would fail the new tag's check.
const HASHED = BUILD.hashed.map((f) => new URL(f, base).href);
const LOADER = new URL(BUILD.loader, base).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(CACHE).then((cache) => cache.addAll(HASHED.concat(LOADER))),
      config && caches.open(PAGES).then((cache) => cache.add(config)),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const keep = [CACHE, PAGES];
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("wallet-help-") && !keep.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  // ignoreVary: module scripts are fetched with an Origin header the install step did not send.
  const cached = await caches.match(request, { ignoreSearch: true, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

// The loader, pages and the config: the newest when online, the last copy when not.
async function networkFirst(request, cacheName = PAGES) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.mode !== "navigate", ignoreVary: true });
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return; // reports go straight to the network (the outbox retries)
  const url = request.url.split("#")[0];
  const path = url.split("?")[0];
  if (HASHED.includes(path)) event.respondWith(cacheFirst(request));
  else if (path === LOADER) event.respondWith(networkFirst(request, CACHE));
  else if (url === config || request.mode === "navigate") event.respondWith(networkFirst(request));
  else if (new URL(url).origin === self.location.origin && request.destination === "style") event.respondWith(networkFirst(request));
});

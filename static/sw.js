/*! wallet-help service worker: keeps the widget, its config and the visited pages usable
    offline. Registered by the loader when the tag has data-sw; it learns where the widget's
    files are from its own URL (?base=…&config=…). */
const VERSION = "0.1.0";
const CACHE = "wallet-help-" + VERSION;
const params = new URL(self.location.href).searchParams;
const base = params.get("base") || new URL("./wallet-help/", self.location.href).href;
const config = params.get("config") || "";
// The widget's own files change only with VERSION, so they are served from the cache first.
const ASSETS = ["wallet-help.js", "wallet-help.css", "wallet_help.js", "wallet_help_bg.wasm"].map((f) => new URL(f, base).href);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(config ? ASSETS.concat(config) : ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("wallet-help-") && k !== CACHE).map((k) => caches.delete(k))))
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

// Pages and the config: the newest when online, the last copy when not.
async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
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
  if (ASSETS.includes(url.split("?")[0])) event.respondWith(cacheFirst(request));
  else if (url === config || request.mode === "navigate") event.respondWith(networkFirst(request));
  else if (new URL(url).origin === self.location.origin && request.destination === "style") event.respondWith(networkFirst(request));
});

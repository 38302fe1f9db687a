/*! wallet-help service worker: keeps the widget, its config and the visited pages usable
    offline. Two ways to use it:
    - registered by the loader (the tag's data-sw): it is the page's worker, and learns where
      the widget's files are from its own URL (?base=…&config=…);
    - imported into a site's own worker: self.WalletHelpSW = {base, config, pages}, then
      importScripts("…/sw.js"). It then adds its handlers beside the site's, answers only
      requests it owns, and leaves the worker's lifecycle (skipWaiting, clients.claim) alone. */
(() => {
  // `make dist` (scripts/hash-assets.mjs) replaces __WALLET_HELP_BUILD__ with this build's id
  // and file names: {id: "<hash>", loader: "wallet-help.js", hashed: ["wallet_help.<hash>.js", …],
  // content: {"en": "content-en.<hash>.txt", …}}.
  const BUILD = __WALLET_HELP_BUILD__;
  // The widget's files get one cache per build, so two builds never mix; pages and the config
  // keep their own cache across builds, so an update does not lose what was read offline.
  const CACHE = "wallet-help-" + BUILD.id;
  const PAGES = "wallet-help-pages";
  const here = self.location.href;
  const params = new URL(here).searchParams;
  const settings = self.WalletHelpSW || {};
  // Registered by the loader, this is the page's worker and runs its own lifecycle; imported
  // (or registered by hand, without ?base=) it is a guest in the site's worker.
  const standalone = !self.WalletHelpSW && params.has("base");
  const base = new URL(settings.base || params.get("base") || "./wallet-help/", here).href;
  const config = settings.config ? new URL(settings.config, here).href : params.get("config") || "";
  // Whether it keeps and answers the pages in its scope (and their stylesheets). A site whose
  // worker handles pages itself sets pages: false.
  const pages = settings.pages !== false;
  // A content-hashed name never changes its bytes, so those files are served from the cache
  // first. The loader keeps its name across builds and the page's tag pins its integrity, so
  // it comes from the network first: a cached old loader would fail the new tag's check.
  const HASHED = BUILD.hashed.map((f) => new URL(f, base).href);
  const LOADER = new URL(BUILD.loader, base).href;
  // One content file per language, also content-hashed. Only the reader's language is kept at
  // install (the browser's, by the widget's own rule: zh-TW, zh-HK, zh-MO and zh-Hant* read
  // traditional Chinese, other zh* simplified); another one is kept when the widget reads it,
  // so a language nobody here reads is never downloaded.
  const CONTENT = Object.values(BUILD.content).map((f) => new URL(f, base).href);
  const lang = navigator.language;
  const READER = new URL(BUILD.content[/^zh-(tw|hk|mo|hant)/i.test(lang) ? "zh-TW" : /^zh/i.test(lang) ? "zh-CN" : "en"], base).href;

  // `Cache-Control: no-store` (an account page, say) means no copy: none is made, and one made
  // before the page said so is dropped.
  const noStore = (response) =>
    (response.headers.get("cache-control") || "").split(",").some((d) => d.trim().toLowerCase() === "no-store");

  // Keeps a copy of a good answer. A redirected one is not kept: a navigation may not be
  // answered with it. The widget's own files are kept whatever their headers say.
  async function keep(cacheName, request, response) {
    const cache = await caches.open(cacheName);
    if (cacheName !== CACHE && noStore(response)) await cache.delete(request, { ignoreVary: true });
    else if (response.ok && !response.redirected) await cache.put(request, response.clone());
  }

  // The page that registered the worker was loaded before the worker existed, so no fetch event
  // saw it: the worker fetches the windows open in its scope once more and keeps them, so the
  // first visit is enough to come back offline. (Passing the page in the worker's URL would
  // give each page its own URL, and the worker would install anew on every page.)
  async function keepOpenPages() {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const urls = new Set(windows.map((w) => w.url.split("#")[0]).filter((u) => u.startsWith(self.registration.scope)));
    await Promise.all([...urls].map((url) => fetch(url).then((response) => keep(PAGES, url, response), () => {})));
  }

  self.addEventListener("install", (event) => {
    const work = Promise.all([
      caches.open(CACHE).then((cache) => cache.addAll(HASHED.concat(LOADER, READER))),
      config && caches.open(PAGES).then((cache) => cache.add(config)),
      pages && keepOpenPages(),
    ]);
    // A guest must not make the site's worker fail to install: it warns and goes without.
    event.waitUntil(standalone
      ? work.then(() => self.skipWaiting())
      : work.catch((e) => console.warn("[wallet-help] no offline copy of the widget: " + e)));
  });

  self.addEventListener("activate", (event) => {
    // Only caches of other wallet-help builds go; the site's own caches are not ours to touch.
    const keepCaches = [CACHE, PAGES];
    const old = caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith("wallet-help-") && !keepCaches.includes(k)).map((k) => caches.delete(k))));
    event.waitUntil(standalone ? old.then(() => self.clients.claim()) : old);
  });

  async function cacheFirst(request) {
    // ignoreVary: module scripts are fetched with an Origin header the install step did not send.
    const cached = await caches.match(request, { ignoreSearch: true, ignoreVary: true });
    if (cached) return cached;
    const response = await fetch(request);
    await keep(CACHE, request, response);
    return response;
  }

  // The loader, pages and the config: the newest when online, the last copy when not.
  async function networkFirst(request, cacheName = PAGES) {
    try {
      const response = await fetch(request);
      await keep(cacheName, request, response);
      return response;
    } catch (offline) {
      const cached = await caches.match(request, { ignoreSearch: request.mode !== "navigate", ignoreVary: true });
      if (cached) return cached;
      throw offline;
    }
  }

  // The operator's language packs (the config file's languages.*.url), learnt from the config
  // each time it is answered, before the widget can ask for one; kept like the config.
  let packs = [];
  async function learnPacks(response) {
    try {
      const file = await response.clone().json();
      packs = Object.values(file.languages || {}).map((l) => new URL(l.url, config).href.split("#")[0]);
    } catch (notJson) {
      packs = [];
    }
    return response;
  }

  // Answers only what is its own: the widget's files, the config and its packs, and (with `pages`) the
  // navigations and same-origin stylesheets in its scope. Everything else, reports included
  // (POST: the outbox retries them), is left to the network or to the site's own handlers.
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = request.url.split("#")[0];
    const path = url.split("?")[0];
    const page = request.mode === "navigate" || (new URL(url).origin === self.location.origin && request.destination === "style");
    if (HASHED.includes(path) || CONTENT.includes(path)) event.respondWith(cacheFirst(request));
    else if (path === LOADER) event.respondWith(networkFirst(request, CACHE));
    else if (url === config) event.respondWith(networkFirst(request).then(learnPacks));
    else if (packs.includes(url) || (pages && page)) event.respondWith(networkFirst(request));
  });
})();

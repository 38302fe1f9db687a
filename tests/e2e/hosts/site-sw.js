// A site's own service worker, as an operator who already has one writes it: it takes in
// wallet-help's worker with importScripts() and keeps handling its own route. Served by
// tests/e2e/offline.test.mjs at /site-sw.js.
self.WalletHelpSW = { base: "/wallet-help/", config: "/wallet-help/config.json" };
importScripts("/sw.js");

// The site's own work at install, and its own answers: they must keep working beside the
// widget's handlers.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open("site-cache").then((cache) => cache.put("/site/installed", new Response("yes"))));
});
self.addEventListener("fetch", (event) => {
  if (new URL(event.request.url).pathname === "/site/ping") event.respondWith(new Response("pong from the site's worker"));
});

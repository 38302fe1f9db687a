// Offline after one visit on host pages (tests/e2e/hosts/, served from the collector's origin
// by the test): a page sent with Cache-Control: no-store is never kept, and a site with its own
// service worker imports the widget's (site-sw.js) and still answers its own routes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, launcher, waitForOfflineCopy } from "./support.mjs";

const HOSTS = join(ROOT, "tests", "e2e", "hosts");

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/**
 * A context with workers allowed that serves tests/e2e/hosts/<file> at /hosts/<file> and
 * site-sw.js at /site-sw.js, HTML pages with `headers`. Routes also answer the worker's own
 * requests, so going offline starts with `context.unrouteAll()`.
 */
async function hostContext(headers = {}, locale = "en-US") {
  const context = await browser.newContext({ locale, serviceWorkers: "allow" });
  await context.route(/\/(hosts\/[\w.-]+|site-sw\.js)$/, (route) => {
    const file = new URL(route.request().url()).pathname.split("/").pop();
    const html = file.endsWith(".html");
    route.fulfill({ contentType: html ? "text/html; charset=utf-8" : "text/javascript", headers: html ? headers : {},
      body: readFileSync(join(HOSTS, file)) });
  });
  const page = await context.newPage();
  const log = { console: [], errors: [] };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => log.errors.push(e.message));
  return { context, page, log };
}

const offline = async (context) => { await context.unrouteAll({ behavior: "wait" }); await context.setOffline(true); };

/** Opens the panel and finds an article by search, all from the worker's copies. */
async function searchWorks(page) {
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("searchbox").fill("refund");
  await page.locator(".wh-results .wh-item").first().click();
  assert.match(await page.locator(".wh-article-title").textContent(), /refund/i);
}

test("a page sent with Cache-Control: no-store is not kept, at install nor later; one without it is", async () => {
  const url = server.url + "/hosts/offline.html";
  const kept = async (page) => page.evaluate((u) => caches.match(u).then((r) => !!r), url);

  // The control: the same page without the header, one visit, then offline.
  const plain = await hostContext();
  await plain.page.goto(url);
  await waitForOfflineCopy(plain.page, url);
  await offline(plain.context);
  await plain.page.reload();
  await searchWorks(plain.page);
  assert.deepEqual(plain.log.errors, []);
  await plain.context.close();

  const { context, page, log } = await hostContext({ "cache-control": "private, no-store" });
  await page.goto(url);
  // The worker is installed with the widget's files, but not with the page.
  await waitForOfflineCopy(page);
  assert.equal(await kept(page), false, "not kept at install");
  // A second visit, now through the worker: still not kept.
  await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await launcher(page).waitFor();
  assert.equal(await kept(page), false, "not kept when the worker sees it");
  await offline(context);
  await assert.rejects(page.reload(), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("imported into the site's own worker: offline after one visit, and the site's route and install still work", async () => {
  const url = server.url + "/hosts/site-worker.html";
  const { context, page, log } = await hostContext();
  await page.goto(url);
  await waitForOfflineCopy(page, url, server.url + "/wallet-help/config.json");
  const state = () => page.evaluate(async () => ({
    controlled: !!navigator.serviceWorker.controller,
    script: (await navigator.serviceWorker.ready).active.scriptURL,
    site: await caches.match("/site/installed").then((r) => r && r.text()),
    ping: await fetch("/site/ping").then((r) => r.text(), () => "no answer"),
  }));
  // A guest does not claim the page: the site's worker decides that (it does not here), so the
  // first visit stays uncontrolled, and /site/ping goes to the network (404 from the collector).
  const first = await state();
  assert.deepEqual({ ...first, ping: undefined }, { controlled: false, script: server.url + "/site-sw.js", site: "yes", ping: undefined });

  await offline(context);
  await page.reload();
  const again = await state();
  assert.equal(again.controlled, true);
  assert.equal(again.ping, "pong from the site's worker");
  await searchWorks(page);
  // The site's own cache is still there beside the widget's.
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((k) => !k.startsWith("wallet-help-")), ["site-cache"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the worker keeps the reader's language at install, and another one once it is read", async () => {
  const url = server.url + "/hosts/offline.html";
  const { context, page, log } = await hostContext({}, "zh-CN");
  await page.goto(url);
  await waitForOfflineCopy(page, url);
  const cached = () => page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(r.url);
    return ["en", "zh-CN", "zh-TW"].filter((tag) => names.some((u) => new RegExp(`/content-${tag}\\.[0-9a-f]{8}\\.txt$`).test(u)));
  });
  assert.deepEqual(await cached(), ["zh-CN"], "only the browser's language at install");
  // Read once in English through the worker: kept too.
  await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await launcher(page).click();
  await page.evaluate(() => window.WalletHelp.setLocale("en"));
  await page.getByRole("tab", { name: "Questions" }).waitFor();
  await page.waitForFunction(() => caches.keys().then(async (keys) => {
    for (const key of keys) for (const r of await (await caches.open(key)).keys()) if (/\/content-en\./.test(r.url)) return true;
    return false;
  }));
  // Offline, both languages still read.
  await offline(context);
  await page.reload();
  await launcher(page).click();
  await page.getByRole("searchbox").fill("退款");
  await page.locator(".wh-results .wh-item").first().waitFor();
  await page.evaluate(() => window.WalletHelp.setLocale("en"));
  await page.getByRole("searchbox").fill("refund");
  await page.locator(".wh-results .wh-item").first().waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

// The loader on pages that are not what it expects: a polluted Object.prototype, an element
// that clobbers the name window.WalletHelp, and data-accent values that are not colours (the
// same cases as core::config's native test, tests/fixtures/accents.json).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, launcher } from "./support.mjs";

const ACCENTS = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "accents.json"), "utf8"));
const EVIL = "https://evil.example/";
const readLoader = () => readFileSync(join(ROOT, "dist", "wallet-help", "wallet-help.js"), "utf8");

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A host page on the collector's origin: `body` before the tag, `data` as its data-* attributes. */
function hostPage({ body = "", data = {} } = {}) {
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${attr(v)}"`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><main><h1>Wallet</h1></main>${body}
<script src="/wallet-help/wallet-help.js" defer data-endpoint="/api/reports"${attrs}></script></body></html>`;
}

/** A context that serves `html()` at /hosts/page.html and records warnings, errors and requests. */
async function hostContext({ initScript, ...options } = {}) {
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block", ...options });
  let html = hostPage();
  await context.route(/\/hosts\/page\.html$/, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  // Nothing may reach this host; a request that tries is recorded, then refused.
  await context.route(`${EVIL}**`, (route) => route.abort());
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [] };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  context.on("request", (r) => log.requests.push(r.url()));
  const open = async (page_) => { html = hostPage(page_); await page.goto(`${server.url}/hosts/page.html`); await launcher(page).waitFor(); };
  return { context, page, log, open };
}

test("a polluted Object.prototype changes no option: no worker, no config, no accent, no early load", { timeout: 60_000 }, async () => {
  const { context, page, log, open } = await hostContext({
    serviceWorkers: "allow",
    initScript: (evil) => {
      Object.assign(Object.prototype, {
        sw: "/sw.js", config: evil + "config.json", accent: `url(${evil}accent.png)`, open: "contact",
        prefetch: "idle", version: "9.9.9", endpoint: evil + "reports",
      });
    },
  });
  // The control: the same page with data-sw does register the worker, so "none" below means
  // the polluted property was not read, not that workers cannot run here.
  await open({ data: { sw: "/sw.js" } });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate(() => Promise.all([navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))),
    caches.keys().then((ks) => Promise.all(ks.map((k) => caches.delete(k))))]));
  log.requests.length = 0;

  await open();
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((rs) => rs.length)), 0);
  assert.deepEqual(log.requests.filter((u) => u.endsWith("/sw.js") || u.endsWith(".wasm")), [], "no worker, no idle or open-time load");
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").style.getPropertyValue("--wh-accent")), "");
  assert.equal(await page.evaluate(() => WalletHelp.version), /\{v:"([^"]+)"/.exec(readLoader())[1]);
  // The app, once loaded, reads no inherited option either: no config, no endpoint from there.
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  assert.deepEqual(log.requests.filter((u) => u.startsWith(EVIL)), []);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

for (const [what, body] of [
  ["<form name=WalletHelp> with inputs named version and config", `<form name="WalletHelp"><input name="version" value="1"><input name="config"></form>`],
  ["<img name=WalletHelp>", `<img name="WalletHelp" alt="" src="data:,">`],
  ["<div id=WalletHelp>", `<div id="WalletHelp"></div>`],
]) {
  test(`${what} clobbering the name: a warning, and the launcher and the API still work`, async () => {
    const { context, page, log, open } = await hostContext();
    await open({ body });
    // Before the loader, the name was the element; now it is the API.
    assert.equal(await page.evaluate(() => typeof WalletHelp.open), "function");
    assert.deepEqual(log.console, ["warning: [wallet-help] window.WalletHelp is not a plain object: ignored"]);
    await page.evaluate(() => WalletHelp.open("contact"));
    assert.equal(await page.getByRole("tab", { selected: true }).textContent(), "Contact");
    // destroy() gives the name back to the page's element.
    assert.equal(await page.evaluate(() => { WalletHelp.destroy(); return window.WalletHelp instanceof Element; }), true);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("window.WalletHelp.config is read only when it is a plain object", async () => {
  const { context, page, log, open } = await hostContext({
    initScript: () => {
      // An object of some class is not a config: its prototype is someone else's.
      window.WalletHelp = { config: new (class { constructor() { this.theme = "dark"; this.position = "bottom-left"; } })() };
    },
  });
  await open();
  const host = () => page.evaluate(() => ({ ...document.querySelector("wallet-help").dataset }));
  assert.deepEqual(await host(), { theme: "auto", position: "bottom-right" });
  await page.evaluate(() => WalletHelp.destroy());
  await page.evaluate(() => { window.WalletHelp = { config: { theme: "dark", position: "bottom-left" } }; });
  await page.addScriptTag({ url: "/wallet-help/wallet-help.js" });
  assert.deepEqual(await host(), { theme: "dark", position: "bottom-left" });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("data-accent takes colours only, by the same rules as the app (tests/fixtures/accents.json)", async () => {
  const { context, page, log, open } = await hostContext();
  const accentOf = () => page.evaluate(() => document.querySelector("wallet-help").style.getPropertyValue("--wh-accent"));
  for (const colour of ACCENTS.colours) {
    log.console.length = 0;
    await open({ data: { accent: colour } });
    assert.equal(await accentOf(), colour, colour);
    assert.deepEqual(log.console, [], colour);
  }
  // A colour reaches the launcher.
  await open({ data: { accent: "rgb(1, 2, 3)" } });
  assert.equal(await launcher(page).evaluate((b) => getComputedStyle(b).backgroundColor), "rgb(1, 2, 3)");
  for (const value of ACCENTS.refused) {
    log.console.length = 0;
    await open({ data: { accent: value } });
    assert.equal(await accentOf(), "", value);
    assert.deepEqual(log.console, [`warning: [wallet-help] accent ${value} is not a colour: ignored`], value);
  }
  // Nothing a refused value names was fetched, before or after the app loaded (and the app
  // did not warn about the value a second time).
  await open({ data: { accent: `url(${EVIL}accent.png)` } });
  log.console.length = 0;
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.requests.filter((u) => u.startsWith(EVIL)), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

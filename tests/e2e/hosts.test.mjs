// The widget on the host pages operators actually have (tests/e2e/hosts/*.html, served from
// the collector's origin): a strict CSP sent as a header, CSS that attacks every element, a
// single-page app that destroys and mounts the widget again, and a phone in dark mode.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, launcher } from "./support.mjs";

const HOSTS = join(ROOT, "tests", "e2e", "hosts");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/**
 * Opens tests/e2e/hosts/<name>.html as if the collector served it at /hosts/<name>.html,
 * with `headers` added to the response. Records console errors and warnings, page errors
 * and CSP violations (also those inside the shadow root: the event is composed).
 */
async function openHost(name, { headers = {}, initScript, ...contextOptions } = {}) {
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block", ...contextOptions });
  // No favicon request to fail (and no data: icon for the CSP to refuse).
  await context.route(/\/favicon\.ico$/, (route) => route.fulfill({ status: 204 }));
  await context.route(/\/hosts\/[\w.-]+\.html$/, (route) => {
    const file = new URL(route.request().url()).pathname.split("/").pop();
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers, body: readFileSync(join(HOSTS, file)) });
  });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const log = { console: [], errors: [] };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => log.errors.push(e.message));
  await page.goto(`${server.url}/hosts/${name}.html`);
  return { page, context, log };
}

/** Fills and sends a transaction report through the form by the fields' ids (any locale). */
async function sendReport(page, description) {
  await page.locator("#wh-f-category").selectOption("transaction");
  await page.locator("#wh-f-description").fill(description);
  await page.locator("#wh-f-email").fill("ana@example.com");
  await page.locator("#wh-f-consent").check();
  await page.locator(".wh-contact button[type=submit]").click();
  await page.locator(".wh-sent").filter({ hasText: /WH-\w+/ }).waitFor();
}

test("strict CSP header: open, search, read, report, with no violation and a clean console", async () => {
  const { page, context, log } = await openHost("csp", { headers: { "content-security-policy": CSP } });
  // The header really is in force: an inline script added to this page is refused, and the
  // refusal is seen by the listener this test relies on.
  assert.equal(await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = true";
    document.head.append(s);
    return window.__inline ?? "blocked";
  }), "blocked");
  await page.waitForFunction(() => window.__violations.length === 1);
  await page.evaluate(() => { window.__violations.length = 0; });
  log.console.length = 0;

  await launcher(page).click();
  await page.getByRole("dialog", { name: /Help centre/ }).waitFor();
  await page.getByRole("searchbox", { name: /Search/ }).fill("pending");
  await page.locator(".wh-results .wh-item").first().click();
  await page.locator(".wh-article-title").waitFor();
  assert.match(await page.locator(".wh-article-title").textContent(), /\S/);

  await page.getByRole("tab", { name: "Contact" }).click();
  const description = "Under a strict CSP my 40 USDT transfer is still pending.";
  await sendReport(page, description);
  const rows = await server.reports();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].report.description, description);

  // The stylesheet applied (a strict style-src must not have dropped it) and nothing in
  // the shadow root relies on a style attribute.
  assert.equal(await page.locator(".wh-panel").evaluate((el) => getComputedStyle(el).position), "fixed");
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").shadowRoot.querySelectorAll("[style]").length), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Geometry and computed styles of the launcher and the open panel, to compare two pages. */
async function looks(page) {
  await launcher(page).waitFor();
  const styleOf = (loc) => loc.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.lineHeight}`, color: s.color, background: s.backgroundColor,
      letterSpacing: s.letterSpacing, textTransform: s.textTransform, border: s.borderTopWidth + " " + s.borderTopStyle, opacity: s.opacity };
  });
  const box = async (loc) => { const b = await loc.boundingBox(); return b && Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Math.round(v)])); };
  const closed = { launcher: await box(launcher(page)), launcherStyle: await styleOf(launcher(page)) };
  // The launcher is what a click at its centre hits, not an overlay of the page.
  const hit = await page.evaluate(({ x, y, width, height }) => document.elementFromPoint(x + width / 2, y + height / 2)?.localName,
    await launcher(page).boundingBox());
  await launcher(page).click({ timeout: 5000 });
  const panel = page.locator(".wh-panel");
  await panel.waitFor();
  // Compare the settled panel, not a frame of its opening animation.
  await panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  return {
    ...closed, hit,
    panel: await box(panel), panelStyle: await styleOf(panel),
    title: await styleOf(page.locator(".wh-title")),
    tab: await styleOf(page.getByRole("tab", { selected: true })),
    search: await box(page.locator(".wh-search input")), searchStyle: await styleOf(page.locator(".wh-search input")),
    topic: await styleOf(page.locator(".wh-topic-button").first()),
  };
}

test("hostile CSS: resets, !important rules, 8px root font and max-z-index overlays change nothing", async () => {
  const plain = await openHost("plain");
  const hostile = await openHost("hostile");
  const expected = await looks(plain.page);
  const actual = await looks(hostile.page);
  assert.equal(actual.hit, "wallet-help", "the launcher is on top of the page's overlays");
  assert.deepEqual(actual, expected);
  // The overlays are really there, covering the corner where the launcher sits.
  const corner = await hostile.page.locator("#corner-ad").boundingBox();
  assert.ok(corner.x <= actual.launcher.x && corner.y <= actual.launcher.y, "the overlay covers the launcher's corner");
  // And it still works: topics open, Esc closes, the launcher gets focus back.
  await hostile.page.locator(".wh-topic-button").first().click();
  await hostile.page.locator(".wh-topic h3").waitFor();
  await hostile.page.keyboard.press("Escape");
  await hostile.page.locator(".wh-panel").waitFor({ state: "detached" });
  assert.equal(await hostile.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className), "wh-launcher");
  assert.deepEqual(hostile.log.console, []);
  assert.deepEqual(hostile.log.errors, []);
  await plain.context.close();
  await hostile.context.close();
});

/**
 * Counts the listeners the widget (its loader, glue or Wasm, all under /wallet-help/) has
 * registered on window and document and not removed, keyed as the browser dedupes them:
 * by type, function and capture. Who registered is read from the call stack, so the page's
 * and the test driver's own listeners are left out.
 */
function countListeners() {
  const live = new Map();
  const ids = new WeakMap();
  let next = 0;
  const key = (target, type, fn, options) => {
    if (!ids.has(fn)) ids.set(fn, ++next);
    const capture = typeof options === "boolean" ? options : !!options?.capture;
    return `${target === window ? "window" : "document"} ${type} #${ids.get(fn)} capture=${capture}`;
  };
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    if ((this === window || this === document) && fn && /\/wallet-help\//.test(new Error().stack)) {
      live.set(key(this, type, fn, options), true);
    }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    if ((this === window || this === document) && fn) live.delete(key(this, type, fn, options));
    return remove.call(this, type, fn, options);
  };
  window.__listeners = () => [...live.keys()];
}

test("single-page app: route changes, a second tag, destroy and mount again leave one widget and no listeners behind", async () => {
  const { page, context, log } = await openHost("spa", { initScript: countListeners });
  await launcher(page).waitFor();
  const counts = { hosts: () => page.locator("wallet-help").count(), listeners: () => page.evaluate(() => window.__listeners()) };
  // The counter sees the loader's own (its hashchange listener for deep links, at least).
  assert.ok((await counts.listeners()).some((k) => k.startsWith("window hashchange")), "the loader's listeners are counted");

  // Route changes by pushState do not touch the widget.
  for (const name of ["Send", "History", "Home"]) {
    await page.getByRole("link", { name }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: name.toLowerCase() }).waitFor();
  }
  await page.goBack();
  assert.match(page.url(), /\/hosts\/spa\/history$/);
  assert.equal(await counts.hosts(), 1);

  // The tag included a second time (e.g. by a layout and a page) mounts nothing more.
  await page.addScriptTag({ url: "/wallet-help/wallet-help.js" });
  assert.equal(await counts.hosts(), 1);
  assert.equal(await launcher(page).count(), 1);
  assert.deepEqual(log.console, ["warning: [wallet-help] loaded twice: ignored"]);
  log.console.length = 0;

  // Three rounds of use, destroy and a fresh tag: each ends with exactly the page's own
  // listeners, and each new widget works and reports each open exactly once.
  for (let round = 0; round < 3; round++) {
    await page.evaluate(() => {
      window.__opens = 0;
      window.__unsubscribe = WalletHelp.on("open", () => { window.__opens++; });
    });
    await launcher(page).click();
    await page.getByRole("dialog").waitFor();
    await page.getByRole("searchbox", { name: /Search/ }).fill("refund");
    await page.locator(".wh-results .wh-item").first().waitFor();
    // The app navigates while the panel is open; the panel stays, then closes by Esc.
    await page.evaluate(() => document.querySelector("a[data-route=send]").click());
    await page.getByRole("heading", { level: 1, name: "send" }).waitFor();
    await page.locator(".wh-search input").press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => window.__opens), 1, `round ${round}: one open event`);
    assert.equal(await page.getByRole("dialog").count(), 0);

    // Round 0: the page drops its subscription itself; later rounds leave it to destroy(),
    // which removes the page's handlers along with the widget's.
    await page.evaluate((r) => { if (r === 0) window.__unsubscribe(); WalletHelp.destroy(); }, round);
    assert.equal(await counts.hosts(), 0, `round ${round}: destroy removes the host`);
    assert.equal(await page.evaluate(() => typeof window.WalletHelp), "undefined");
    assert.deepEqual(await counts.listeners(), [], `round ${round}: no listener left on window or document`);

    await page.addScriptTag({ url: "/wallet-help/wallet-help.js" });
    await launcher(page).waitFor();
    assert.equal(await counts.hosts(), 1, `round ${round}: mounted again, once`);
  }
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, colorScheme: "dark" };
// The dark palette of static/wallet-help.css, as the browser reports it.
const DARK = { panel: "rgb(21, 24, 29)", text: "rgb(232, 235, 239)", launcher: "rgb(107, 140, 255)" };

for (const { locale, search, launcherName } of [
  { locale: "en-US", search: "pending", launcherName: "Help" },
  { locale: "zh-CN", search: "转账失败", launcherName: "帮助" },
  { locale: "zh-TW", search: "轉帳失敗", launcherName: "幫助" },
]) {
  test(`phone 375×667, dark mode, ${locale}: the panel fills the screen in dark colours; an article and a report by touch`, async () => {
    const { page, context, log } = await openHost("plain", { ...PHONE, locale });
    await launcher(page, launcherName).tap();
    const panel = page.locator(".wh-panel");
    await panel.waitFor();
    await panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const box = await panel.boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height].map(Math.round), [0, 0, 375, 667]);
    const colours = await panel.evaluate((el) => {
      const host = el.getRootNode().host;
      const launcher = el.getRootNode().querySelector(".wh-launcher");
      return { panel: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color,
        launcher: getComputedStyle(launcher).backgroundColor, theme: host.dataset.theme };
    });
    assert.deepEqual(colours, { ...DARK, theme: "auto" });
    // The close button stays within reach on the small screen.
    const close = await page.locator(".wh-close").boundingBox();
    assert.ok(close.x + close.width <= 375 && close.y >= 0);

    await page.locator(".wh-search input").fill(search);
    await page.locator(".wh-results .wh-item").first().tap();
    const title = page.locator(".wh-article-title");
    await title.waitFor();
    const t = await title.boundingBox();
    assert.ok(t.y >= 0 && t.y + t.height <= 667 && t.width <= 375, "the article title is on screen");
    const overflow = await page.locator(".wh-body").evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.equal(overflow, 0, "nothing scrolls sideways");

    await page.locator("#wh-tab-contact").tap();
    const description = `Phone report (${locale}): my transfer failed twice.`;
    await sendReport(page, description);
    assert.ok((await server.reports()).some((r) => r.report.description === description && r.report.locale === (locale === "en-US" ? "en" : locale)));
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// The embedded widget on the demo page, in a real Chromium: lazy loading, opening, keyboard,
// locales, the JS API and a clean console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const wasmRequests = (log) => log.requests.filter((u) => u.endsWith(".wasm"));

test("the launcher appears at once and no Wasm is fetched before the user interacts", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page, "Help").waitFor();
  await page.waitForLoadState("networkidle");
  assert.deepEqual(wasmRequests(log), [], "no .wasm before the first interaction");
  assert.equal(await page.getByRole("dialog").count(), 0);
  await launcher(page).click();
  const dialog = page.getByRole("dialog", { name: "tpWallet · Help centre" });
  await dialog.waitFor();
  // The first part once; the views' parts follow in idle time once the panel is open.
  assert.equal(wasmRequests(log).filter((u) => /\/wallet_help_bg\.[0-9a-f]{8}\.wasm$/.test(u)).length, 1, "the Wasm is fetched once");
  assert.equal(await launcher(page).getAttribute("aria-expanded"), "true");
  assert.ok((await page.getByRole("tab").count()) === 4);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("Escape closes the panel and gives focus back to the launcher", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog").waitFor();
  // Keyboard only: focus starts in the search box, the tabs are one Shift+Tab above it,
  // and arrows move between views.
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id), "wh-search");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByRole("tab", { selected: true }).textContent(), "Fix a problem");
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  assert.equal(await launcher(page).getAttribute("aria-expanded"), "false");
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className);
  assert.equal(focused, "wh-launcher");
  assert.deepEqual(log.console, []);
  await context.close();
});

test("a Chinese browser gets the Chinese launcher and panel", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  await launcher(page, "帮助").click();
  await page.getByRole("dialog", { name: "tpWallet · 帮助中心" }).waitFor();
  await page.getByRole("button", { name: /转账与支付/ }).click();
  await page.getByRole("button", { name: /转账出问题了/ }).click();
  await page.getByRole("heading", { name: /转账出问题了/ }).waitFor();
  await page.getByRole("button", { name: "← 返回" }).click();
  await page.getByRole("heading", { name: "转账与支付" }).waitFor();
  await page.getByRole("button", { name: "← 返回" }).click();
  await page.getByRole("searchbox", { name: "搜索帮助文章" }).waitFor();
  assert.deepEqual(log.console, []);
  await context.close();
});

test("API calls made before the Wasm loads are queued and replayed", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  const events = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    WalletHelp.on("ready", () => seen.push("ready"));
    WalletHelp.on("open", () => { seen.push("open"); resolve(seen); });
    WalletHelp.close();
    WalletHelp.open("contact");
  }));
  assert.deepEqual(events, ["ready", "open"]);
  assert.equal(await page.getByRole("tab", { selected: true }).textContent(), "Contact");
  assert.match(await page.evaluate(() => WalletHelp.version), /^\d+\.\d+\.\d+$/);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("a second copy of the tag does not mount a second widget", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).waitFor();
  await page.addScriptTag({ url: "/wallet-help/wallet-help.js" });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.equal(await page.locator("wallet-help").count(), 1);
  assert.equal(await launcher(page).count(), 1);
  assert.deepEqual(log.console, ["warning: [wallet-help] loaded twice: ignored"]);
  await context.close();
});

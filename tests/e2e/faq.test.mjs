// The FAQ on the demo page: deep links, the operator's config, search with no results, and
// reading and searching offline after one visit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher, waitForOfflineCopy } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const articleTitle = (page) => page.locator(".wh-article-title");

test("a #wallet-help/article/<id> link opens that article, also when the hash changes later", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/#wallet-help/article/seed-phrase");
  await articleTitle(page).waitFor();
  assert.match(await articleTitle(page).textContent(), /seed phrase/i);
  await page.evaluate(() => { location.hash = "#wallet-help/article/phishing"; });
  await page.waitForFunction(() => /phish|fake/i.test(
    document.querySelector("wallet-help").shadowRoot.querySelector(".wh-article-title")?.textContent ?? ""));
  assert.deepEqual(log.console, []);
  await context.close();
});

test("WalletHelp.showArticle opens an article and reports it", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  const seen = await page.evaluate(() => new Promise((resolve) => {
    WalletHelp.on("article", (d) => resolve(d.id));
    WalletHelp.showArticle("real-support");
  }));
  assert.equal(seen, "real-support");
  assert.match(await articleTitle(page).textContent(), /客服/);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("the operator's config adds an article and searching finds it", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("searchbox").fill("opening hours");
  await page.getByRole("button", { name: /When is tpWallet support available/ }).click();
  assert.equal(await articleTitle(page).textContent(), "When is tpWallet support available?");
  assert.deepEqual(log.console, []);
  await context.close();
});

test("a broken operator article is skipped with a warning naming it; the rest works", async () => {
  const { page, context, log } = await openPage(browser, "about:blank");
  // Another config than the one the demo pins: the page takes it unpinned, from its own origin.
  await page.route(server.url + "/", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/ data-config-integrity="[^"]+"/, "") });
  });
  await page.goto(server.url + "/");
  await page.route("**/wallet-help/config.json", (route) => route.fulfill({
    contentType: "application/json",
    body: JSON.stringify({ brand: "AcmeWallet", articles: { en: [{ id: "Bad Id", category: "support" }] } }),
  }));
  await launcher(page).click();
  await page.getByRole("dialog", { name: "AcmeWallet · Help centre" }).waitFor();
  assert.ok(log.console.some((m) => m.startsWith("warning: [wallet-help] config.articles.en[0]: title: is missing")), log.console.join("\n"));
  await page.getByRole("button", { name: /Transfers and payments/ }).click();
  assert.ok((await page.locator(".wh-item").count()) >= 3);
  await context.close();
});

test("searching for something unknown offers the troubleshooter and the contact form", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("searchbox").fill("qwxz");
  await page.getByText("No article matches your words.").waitFor();
  await page.getByRole("button", { name: "Contact" }).click();
  assert.equal(await page.getByRole("tab", { selected: true }).textContent(), "Contact");
  await context.close();
});

test("after exactly one visit the page, the widget and its search work offline", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/", { serviceWorkers: "allow" });
  // One online visit, as a new user makes it: the worker installs while the page is open, and
  // keeps that page although its navigation happened before the worker existed.
  await waitForOfflineCopy(page, server.url + "/");
  await context.setOffline(true);
  await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the reload was answered by the worker");
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("searchbox").fill("refund");
  await page.locator(".wh-results .wh-item").first().click();
  assert.match(await articleTitle(page).textContent(), /refund/i);
  await page.getByRole("button", { name: /Back/ }).click();
  // The operator's config came from the worker's copy too (its article is there).
  await page.getByRole("searchbox").fill("opening hours");
  await page.getByRole("button", { name: /When is tpWallet support available/ }).waitFor();
  await page.getByRole("searchbox").fill("");
  await page.getByRole("button", { name: /Security and scams/ }).click();
  assert.ok((await page.locator(".wh-item").count()) >= 5);
  assert.deepEqual(log.errors, []);
  await context.setOffline(false);
  await context.close();
});

test("a real question typed in Chinese finds its answer first, and the weak results wait behind \"more results\"", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  await launcher(page).click();
  const box = page.getByRole("searchbox");
  await box.focus();
  await page.keyboard.type("有人自称TP钱包客服让我提供助记词");
  await page.locator(".wh-results .wh-item").first().waitFor();
  assert.match(await page.locator(".wh-results .wh-item-title").first().textContent(), /自称.*客服/);
  await box.fill("手续费");
  const strong = await page.locator(".wh-results .wh-item").count();
  const more = page.locator(".wh-more");
  assert.match(await more.textContent(), /再显示\d+条结果/);
  await more.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelector("wallet-help").shadowRoot.querySelectorAll(".wh-results .wh-item").length > n, strong);
  const focused = await page.evaluate(() => {
    const root = document.querySelector("wallet-help").shadowRoot;
    return [...root.querySelectorAll(".wh-results .wh-item")].indexOf(root.activeElement);
  });
  assert.equal(focused, strong, "focus is on the first result that was behind the button");
  await page.screenshot({ path: "target/e2e-search-more-zh.png" });
  assert.deepEqual(log.console, []);
  await context.close();
});

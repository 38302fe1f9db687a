// The outbox never loses a report and never tells the user a lie: without IndexedDB a report
// typed offline is kept (as text) and delivered once on the next visit; a redirecting endpoint
// is not a delivery; two tabs without Web Locks never both send; "My reports" says why a
// report is still waiting and when it is tried next.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const NO_INDEXEDDB = `Object.defineProperty(window, "indexedDB", { configurable: true,
  get() { throw new DOMException("The user denied permission to access the database.", "SecurityError"); } });`;
const NO_WEB_LOCKS = `Object.defineProperty(navigator, "locks", { configurable: true, value: undefined });`;

async function openContact(page) {
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
}

async function writeFeedback(page, text) {
  await page.getByLabel("Type of message").selectOption("feedback");
  await page.getByLabel("What is it about?").selectOption("technical");
  await page.getByLabel("What happened?").fill(text);
  await page.getByRole("button", { name: "Send report" }).click();
}

const rowsWith = async (text) => (await server.reports()).filter((r) => r.report.description === text);

/** Waits until `check()` is true, for up to `ms`. */
async function until(check, ms = 30_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (await check()) return;
  }
  throw new Error("timed out waiting");
}

test("without IndexedDB a report written offline is kept on the device and delivered once on the next visit", async () => {
  const text = "Offline and without IndexedDB: my deposit is not shown.";
  const { page, context, log } = await openPage(browser, server.url + "/", { init: NO_INDEXEDDB });
  const posts = [];
  context.on("request", (r) => { if (r.method() === "POST") posts.push(r.postData()); });
  await openContact(page);
  await context.setOffline(true);
  await writeFeedback(page, text);
  await page.locator(".wh-sent").filter({ hasText: "Saved on this device" }).waitFor();
  assert.equal(await page.getByLabel("What happened?").inputValue(), "", "emptied once it is kept");
  assert.ok(log.console.some((m) => m.includes("kept on this device as text only")), log.console.join("\n"));
  // The tab closes while offline; the next visit is online.
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto(server.url + "/");
  // The loader sees the pending flag and the app sends without any click.
  await until(async () => (await rowsWith(text)).length > 0);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await rowsWith(text)).length, 1, "exactly once");
  assert.equal(posts.filter((b) => b.includes(text)).length, 1, "one POST");
  await openContact(next);
  await next.getByRole("button", { name: /^My reports \(\d+\)$/ }).click();
  await next.locator(".wh-report .wh-status-line").filter({ hasText: /^Received/ }).waitFor();
  assert.deepEqual(await next.evaluate(() => localStorage.getItem("wallet-help:v1:pending")), null);
  await context.close();
});

test("an endpoint that redirects is not a delivery: the report waits, My reports says why, and it goes once fixed", async () => {
  const text = "Redirected: the swap screen shows an old price.";
  const { page, context, log } = await openPage(browser, server.url + "/");
  // The operator's endpoint moved: it answers every POST with a redirect to a page that
  // answers 200 to a GET. Followed, the POST would turn into that GET and look delivered.
  await page.route("**/api/reports", (route) => route.request().method() === "POST"
    ? route.fulfill({ status: 302, headers: { location: server.url + "/" } })
    : route.continue());
  await openContact(page);
  await writeFeedback(page, text);
  await page.getByRole("button", { name: /^My reports \(\d+\)$/ }).click();
  const retry = page.locator(".wh-report .wh-retry").filter({ hasText: "redirects elsewhere" });
  await retry.waitFor();
  assert.match(await retry.textContent(), /^Tried (once|\d+ times); .*the report address redirects elsewhere \(the site must fix this\)\. Next try: .+\.$/);
  assert.doesNotMatch(await page.locator(".wh-report .wh-status-line").textContent(), /Received/);
  assert.ok(log.console.some((m) => m.includes(`the report endpoint ${server.url}/api/reports answered with a redirect`)), log.console.join("\n"));
  await until(async () => /Tried \d+ times/.test(await retry.textContent()), 15_000); // retried, not given up
  assert.equal((await rowsWith(text)).length, 0);
  // Fixed: the next retry lands, once.
  await page.unroute("**/api/reports");
  await page.locator(".wh-report .wh-status-line").filter({ hasText: /^Received/ }).waitFor({ timeout: 30_000 });
  assert.equal((await rowsWith(text)).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("two tabs of a site without Web Locks send each report once", async () => {
  const { page: a, context, log } = await openPage(browser, server.url + "/", { init: NO_WEB_LOCKS });
  const b = await context.newPage();
  await b.goto(server.url + "/");
  assert.equal(await a.evaluate(() => navigator.locks), undefined);
  const posts = new Map();
  await context.route("**/api/reports", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const id = JSON.parse(route.request().postData()).id;
    posts.set(id, (posts.get(id) || 0) + 1);
    // A slow server widens the window in which both tabs would send.
    await new Promise((r) => setTimeout(r, 300));
    return route.continue();
  });
  await openContact(a);
  await openContact(b);
  await context.setOffline(true);
  const texts = ["Tab A: the app logs me out.", "Tab B: the app logs me out too."];
  await writeFeedback(a, texts[0]);
  await writeFeedback(b, texts[1]);
  await a.locator(".wh-sent").filter({ hasText: "Saved on this device" }).waitFor();
  await b.locator(".wh-sent").filter({ hasText: "Saved on this device" }).waitFor();
  // Back online: both tabs wake at the same moment.
  await context.setOffline(false);
  await until(async () => (await rowsWith(texts[0])).length + (await rowsWith(texts[1])).length === 2);
  await new Promise((r) => setTimeout(r, 2000));
  assert.deepEqual([...posts.values()], [1, 1], JSON.stringify([...posts]));
  assert.equal((await rowsWith(texts[0])).length, 1);
  assert.equal((await rowsWith(texts[1])).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a report still not delivered after the give-up time is marked not delivered, with its text to copy and the operator's channels", async () => {
  const text = "A week offline: my withdrawal to the bank is missing.";
  const { page, context, log } = await openPage(browser, server.url + "/");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.clock.install();
  await page.evaluate(() => {
    window.errors = [];
    WalletHelp.on("error", (detail) => window.errors.push(detail));
  });
  await openContact(page);
  await context.setOffline(true);
  await writeFeedback(page, text);
  await page.locator(".wh-sent").filter({ hasText: "Saved on this device" }).waitFor();
  await page.getByRole("button", { name: /^My reports \(\d+\)$/ }).click();
  await page.locator(".wh-report .wh-retry").filter({ hasText: "when you are back online" }).waitFor();
  // Eight days later (the demo config gives up after 7) the connection is back.
  await page.clock.fastForward(8 * 86_400_000);
  await context.setOffline(false);
  const report = page.locator(".wh-report");
  await report.locator(".wh-status-line").filter({ hasText: "Not delivered" }).waitFor();
  assert.match(await report.textContent(), /could not be delivered and will not be tried again/);
  assert.equal(await report.locator(".wh-retry").count(), 0);
  const email = report.getByRole("link", { name: /Email support@tpwallet\.example/ });
  assert.match(await email.getAttribute("href"), /^mailto:support@tpwallet\.example\?subject=.*&body=.*withdrawal/);
  assert.equal(await report.getByRole("link", { name: /Call \+86 400 000 0000/ }).count(), 1);
  await report.getByRole("button", { name: "Copy the text" }).click();
  await report.getByText("Copied.").waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clipboard, /^A week offline: my withdrawal to the bank is missing\.\n\nReport id: [0-9a-f-]{36}$/, clipboard);
  const errors = await page.evaluate(() => window.errors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(errors[0].message, /not delivered/);
  assert.equal((await rowsWith(text)).length, 0, "never sent");
  assert.deepEqual(await page.evaluate(() => localStorage.getItem("wallet-help:v1:pending")), null, "nothing left to send");
  assert.deepEqual(log.errors, []);
  await context.close();
});

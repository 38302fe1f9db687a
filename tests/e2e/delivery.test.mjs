// Reports arrive exactly once however bad the network: 100 reports against an endpoint
// that fails about half the requests (500, 429 with Retry-After, hung connections), with the
// page offline for a while and reloaded mid-queue. And a seed phrase never leaves the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher, waitInView } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const REPORTS = Number(process.env.E2E_REPORTS || 100);
const PHRASE = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

async function submit(page, i) {
  await page.evaluate((n) => WalletHelp.prefill({
    kind: "feedback", category: "technical", description: `Report number ${n}: the app froze after the update.`,
  }), i);
  await page.getByRole("button", { name: "Send report" }).click();
}

test(`${REPORTS} reports through a failing endpoint, offline and a reload: each stored exactly once`, { timeout: 600_000 }, async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  // Seeded faults, so a failure is reproducible: ~25% 500, ~15% 429, 2 hung requests.
  let seed = 7, hung = 0;
  const faults = { ok: 0, e500: 0, e429: 0, hung: 0, posts: 0 };
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  await context.route("**/api/reports", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    faults.posts++;
    const r = rand();
    if (r < 0.25) { faults.e500++; return route.fulfill({ status: 500, contentType: "application/json", body: '{"error":"down"}' }); }
    if (r < 0.40) { faults.e429++; return route.fulfill({ status: 429, headers: { "retry-after": "1" }, body: "" }); }
    if (r < 0.45 && hung < 2) { hung++; faults.hung++; return; } // never answered: the client times out
    faults.ok++;
    return route.continue();
  });
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  const half = Math.floor(REPORTS / 2);
  for (let i = 1; i <= half; i++) await submit(page, i);
  await context.setOffline(true);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  await context.setOffline(false);
  await page.reload(); // mid-queue: the outbox must resume from IndexedDB
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  for (let i = half + 1; i <= REPORTS; i++) await submit(page, i);

  const started = Date.now();
  let rows = [];
  while (Date.now() - started < 420_000) {
    rows = await server.reports();
    if (rows.length >= REPORTS) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const ids = new Set(rows.map((r) => r.id));
  const numbers = new Set(rows.map((r) => r.report.description.match(/Report number (\d+)/)[1]));
  console.log(`delivery: ${rows.length} rows, ${ids.size} distinct ids, ${numbers.size} distinct reports; ` +
    `${faults.posts} POSTs: ${faults.ok} passed, ${faults.e500} × 500, ${faults.e429} × 429, ${faults.hung} hung; ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s to drain after the last submit`);
  assert.equal(rows.length, REPORTS);
  assert.equal(ids.size, REPORTS);
  assert.equal(numbers.size, REPORTS);
  await page.getByRole("button", { name: /^My reports \(\d+\)$/ }).click();
  await page.getByText("Received").first().waitFor();
  assert.equal(await page.locator(".wh-report").count(), REPORTS);
  // "Clear my data" leaves nothing of the widget on the device.
  await page.getByRole("button", { name: "Clear my data on this device" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByText("You have not sent a report from this device yet.").waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wallet-help:")));
  assert.deepEqual(left, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a report with a seed phrase is refused in the page and never reaches the collector", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  const before = (await server.reports()).length;
  const posts = [];
  page.on("request", (r) => { if (r.method() === "POST") posts.push(r.url()); });
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByLabel("What is it about?").selectOption("security");
  await page.getByLabel("What happened?").fill(`Support on Telegram asked me to type my words to verify: ${PHRASE}`);
  const alert = page.getByRole("alert").filter({ hasText: "Never share your seed phrase" });
  await alert.waitFor();
  // The alert appears below the field; the panel scrolls to show it, button included.
  await waitInView(alert);
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Support may contact me about this report").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByRole("alert").filter({ hasText: "Please correct these fields" }).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem("wallet-help:v1:draft") || "");
  assert.ok(!stored.includes("abandon abandon"), "the draft on the device has no secret");
  await page.getByRole("button", { name: "Remove it from the report" }).click();
  assert.equal(await alert.count(), 0);
  assert.match(await page.getByLabel("What happened?").inputValue(), /asked me to type my words/);
  assert.deepEqual(posts, []);
  assert.equal((await server.reports()).length, before);
  await context.close();
});

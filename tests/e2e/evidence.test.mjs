// Screenshots travel with a report, shrunk on the device; other files are refused; and a
// report left unsent makes the next visit load the app in idle time to send it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { startCollector, launchBrowser, openPage, launcher, signIn } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function openContact(page) {
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
}

test("a large screenshot is shrunk to 1600 px, sent with its SHA-256, and a GIF is refused", async () => {
  // A real 2400×1500 PNG, made by the browser itself.
  const shooter = await browser.newContext({ viewport: { width: 2400, height: 1500 } });
  const shot = await (await shooter.newPage()).screenshot({ type: "png" });
  await shooter.close();
  const { page, context, log } = await openPage(browser, server.url + "/");
  await openContact(page);
  const picker = page.getByLabel("Screenshots (up to 3)");
  await picker.setInputFiles([
    { name: "wallet.png", mimeType: "image/png", buffer: shot },
    { name: "anim.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "binary") },
  ]);
  await page.getByText("anim.gif: only PNG, JPEG or WebP images can be attached.").waitFor();
  await page.getByRole("img", { name: "wallet.png" }).waitFor();
  const size = await page.getByRole("img", { name: "wallet.png" }).evaluate(async (img) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  assert.deepEqual(size, [1600, 1000]);
  await page.evaluate(() => WalletHelp.prefill({ kind: "feedback", category: "technical", description: "The balance screen is blank, see the screenshot." }));
  let posted;
  page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/reports")) posted = r.postData(); });
  await page.getByRole("button", { name: "Send report" }).click();
  await page.locator(".wh-sent").filter({ hasText: "Received" }).waitFor();
  // The new, empty form does not keep the last pick's thumbnails or messages.
  assert.equal(await page.getByText("anim.gif: only PNG").count(), 0);
  assert.equal(await page.getByRole("img", { name: "wallet.png" }).count(), 0);
  const row = (await server.reports()).find((r) => r.report.description.startsWith("The balance screen"));
  assert.equal(row.attachments.length, 1);
  const sent = JSON.parse(posted).attachments[0];
  const bytes = Buffer.from(sent.data, "base64");
  assert.equal(bytes.length, sent.size);
  assert.ok(sent.size <= 2 * 1024 * 1024);
  assert.equal(createHash("sha256").update(bytes).digest("hex"), sent.sha256);
  assert.equal(row.attachments[0].sha256, sent.sha256);
  assert.equal(row.report.attachments[0].data, undefined, "the listing never carries the bytes");
  // The collector kept exactly those bytes, once, as the inbox serves them.
  const { context: inbox } = await signIn(browser, server.url);
  const stored = await inbox.request.get(server.url + `/inbox/reports/${row.id}/attachments/0`);
  assert.equal(stored.headers()["content-type"], sent.type);
  assert.ok(Buffer.from(await stored.body()).equals(bytes));
  await inbox.close();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("after sending, the user hears what happens next, and My reports shows the report as sent", async () => {
  const shooter = await browser.newContext({ viewport: { width: 400, height: 300 } });
  const shot = await (await shooter.newPage()).screenshot({ type: "png" });
  await shooter.close();
  for (const [locale, tab, send, labels] of [
    ["en-US", "Contact", "Send report", { received: "Received", next: "What happens next", hours: "within 48 hours, by email to ana@example.com", reports: "My reports", sent: "What was sent", amount: "Amount", network: "Network" }],
    ["zh-CN", "联系我们", "提交", { received: "已送达", next: "接下来", hours: "48小时内通过邮箱ana@example.com答复您", reports: "我的反馈", sent: "发送的内容", amount: "金额", network: "网络" }],
  ]) {
    const { page, context, log } = await openPage(browser, server.url + "/", { locale });
    await launcher(page).click();
    await page.getByRole("tab", { name: tab }).click();
    await page.evaluate(() => WalletHelp.prefill({
      kind: "complaint", category: "transaction", description: "250 USDT sent on TRON never arrived.",
      amount: "250", asset: "USDT", chain: "tron", email: "ana@example.com",
    }));
    await page.locator("#wh-f-consent").check();
    await page.locator("#wh-f-attachments").setInputFiles([{ name: "receipt.png", mimeType: "image/png", buffer: shot }]);
    await page.getByRole("img", { name: "receipt.png" }).waitFor();
    await page.getByRole("button", { name: send }).click();
    const confirmation = page.locator(".wh-sent").filter({ hasText: labels.received }).filter({ hasText: labels.next });
    await confirmation.waitFor();
    const said = await confirmation.textContent();
    assert.ok(said.includes(labels.hours), said);
    // The confirmation holds focus, so a keyboard user goes on from there.
    assert.ok(await confirmation.evaluate((el) => el.contains(el.getRootNode().activeElement)));
    const sent = (await server.reports()).find((r) => r.report.id && said.includes(r.reference));
    assert.ok(sent, "the reference shown is the collector's");
    await confirmation.getByRole("button", { name: labels.reports }).click();
    const report = page.locator(".wh-report").first();
    await report.locator("summary", { hasText: labels.sent }).click();
    const facts = await report.locator(".wh-facts").textContent();
    assert.ok(facts.includes(labels.amount + "250") && facts.includes(labels.network + "TRON"), facts);
    const thumb = report.getByRole("img", { name: "receipt.png" });
    await thumb.waitFor();
    assert.ok(await thumb.evaluate(async (img) => { await img.decode(); return img.naturalWidth === 400; }));
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("an unsent report makes the next visit load the app in idle time and deliver it, with events", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  const before = (await server.reports()).length;
  await context.route("**/api/reports", (route) => route.fulfill({ status: 503, body: "" }));
  await openContact(page);
  await page.evaluate(() => WalletHelp.prefill({ kind: "suggestion", category: "other", description: "Please add a dark theme to the app." }));
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByText("Saved on this device.").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("wallet-help:v1:pending")), "1");

  // The next visit: nobody touches the widget, yet the app loads and sends the report. The
  // listener is in place before any page script runs, so the event cannot be missed.
  await page.addInitScript(() => window.addEventListener("wallet-help:delivered", (e) => { window.deliveredDetail = e.detail; }));
  const wasm = page.waitForRequest((r) => r.url().endsWith(".wasm"));
  await page.reload();
  await wasm;
  // The endpoint recovers only now: had it recovered before the reload, this page's own
  // retry could deliver the report first and leave nothing for the next visit to do.
  await context.unroute("**/api/reports");
  const detail = await (await page.waitForFunction(() => window.deliveredDetail)).jsonValue();
  assert.match(detail.reference, /^WH-/);
  const rows = await server.reports();
  assert.equal(rows.length, before + 1);
  assert.equal(rows[0].id, detail.id);
  assert.equal(await page.evaluate(() => localStorage.getItem("wallet-help:v1:pending")), null);
  assert.equal(await page.getByRole("dialog").count(), 0, "the panel stays closed");
  await context.close();
});

// A report typed into the widget on the demo page reaches the collector's database exactly
// once, and posting the same report again adds nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher, waitInView } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test("a submitted report lands once, and a repeat of it is not stored again", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  const posted = [];
  page.on("request", (r) => { if (r.method() === "POST") posted.push({ body: r.postData(), headers: r.headers() }); });

  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByLabel("What is it about?").selectOption("transaction");
  await page.getByLabel("What happened?").fill("I sent 250 USDT on TRON at 14:05 and it never arrived.");
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Support may contact me about this report").check();
  await page.getByRole("button", { name: "Send report" }).click();
  const status = page.locator(".wh-sent").filter({ hasText: "Received" });
  await status.waitFor();
  // The status is above the form, which the user had scrolled down to send it.
  await waitInView(status);
  const reference = (await status.textContent()).match(/Reference: (WH-[0-9A-Z]{8})/)[1];

  mkdirSync(join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "target", "e2e-report-sent.png") });

  assert.equal(posted.length, 1);
  const body = JSON.parse(posted[0].body);
  assert.equal(body.schema, "wallet-help.report.v1");
  assert.equal(posted[0].headers["idempotency-key"], body.id);
  assert.equal(posted[0].headers["content-type"], "application/json");

  let rows = await server.reports();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].id, body.id);
  assert.equal(rows[0].reference, reference);
  assert.equal(rows[0].report.description, "I sent 250 USDT on TRON at 14:05 and it never arrived.");
  assert.equal(rows[0].report.category, "transaction");
  assert.equal(rows[0].report.contact.email, "ana@example.com");

  // The same report again (a retry after a lost answer): same reference, no new row.
  const again = await fetch(server.url + "/api/reports", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": body.id },
    body: posted[0].body,
  });
  assert.equal(again.status, 200);
  assert.equal((await again.json()).reference, reference);
  rows = await server.reports();
  assert.equal(rows.length, 1);

  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("My reports names the kind and category in the reader's language, at the reader's local time", async () => {
  // Shanghai is UTC+8 all year, so the hour shown must be the UTC hour plus 8.
  const { page, context, log } = await openPage(browser, server.url + "/", { locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await launcher(page).click();
  await page.getByRole("tab", { name: "联系我们" }).click();
  await page.getByLabel("问题属于哪一类？").selectOption("transaction");
  await page.getByLabel("发生了什么？").fill("我在 TRON 上转出 250 USDT，对方一直没有收到。");
  await page.getByLabel("交易时间").fill("2026-12-02T14:05");
  await page.getByLabel("邮箱").fill("ana@example.com");
  await page.getByLabel("同意客服就此反馈与我联系").check();
  await page.getByRole("button", { name: "提交" }).click();
  await page.locator(".wh-sent").filter({ hasText: "已送达" }).waitFor();
  const sent = (await server.reports()).find((r) => r.report.description.startsWith("我在 TRON"));
  const utc = new Date(sent.report.created_at);
  // The transaction time travels with the offset of the user's clock.
  assert.equal(sent.report.transaction.time, "2026-12-02T14:05+08:00");

  await page.getByRole("button", { name: /^我的反馈 \(\d+\)$/ }).click();
  const meta = await page.locator(".wh-report .wh-meta").first().textContent();
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{1,2}):(\d{2}) · 投诉 · 交易问题（支付、退款）$/.exec(meta);
  assert.ok(m, `meta line: ${meta}`);
  const local = new Date(utc.getTime() + 8 * 3600_000);
  assert.deepEqual(m.slice(1).map(Number),
    [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()]);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("clearing the device's data asks first and names reports not sent yet; Keep keeps them", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await context.setOffline(true);
  await page.getByLabel("Type of message").selectOption("suggestion");
  await page.getByLabel("What is it about?").selectOption("other");
  await page.getByLabel("What happened?").fill("A dark theme for the whole app would be lovely.");
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByRole("button", { name: /^My reports \(\d+\)$/ }).click();
  await page.locator(".wh-report").first().waitFor();

  await page.getByRole("button", { name: "Clear my data on this device" }).click();
  assert.equal(await page.locator(".wh-confirm [role=alert]").textContent(),
    "Delete your reports, draft and answers from this browser? One report has not been sent yet and will never reach support.");
  // The safe answer has the focus, so Enter by mistake deletes nothing.
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").shadowRoot.activeElement?.textContent), "Keep");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").shadowRoot.activeElement?.textContent), "Clear my data on this device");
  assert.equal(await page.locator(".wh-report").count(), 1);

  await context.setOffline(false);
  await page.locator(".wh-report .wh-status-line").filter({ hasText: /^Received/ }).waitFor();
  const rows = await server.reports();
  assert.equal(rows.filter((r) => r.report.description === "A dark theme for the whole app would be lovely.").length, 1, JSON.stringify(rows.map((r) => r.report.description)));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the open widget, for the README screenshot", async () => {
  const { page, context } = await openPage(browser, server.url + "/", { viewport: { width: 1100, height: 760 } });
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // let the open animation end
  await page.screenshot({ path: join(ROOT, "target", "e2e-open-widget.png") });
  await context.close();
});

test("the confirmation after sending and the complaint letter, in both languages, for the README screenshots", async () => {
  for (const [locale, lang, tab, send, next] of [
    ["en-US", "en", "Contact", "Send report", "What happens next"],
    ["zh-CN", "zh", "联系我们", "提交", "接下来"],
  ]) {
    const { page, context } = await openPage(browser, server.url + "/", { locale, viewport: { width: 1100, height: 1000 } });
    await launcher(page).click();
    await page.getByRole("tab", { name: tab }).click();
    const zh = lang === "zh";
    const panel = page.getByRole("dialog");
    await page.evaluate((zh) => WalletHelp.prefill({
      kind: "complaint", category: "transaction", amount: "250", asset: "USDT", chain: "tron", email: "ana@example.com",
      description: zh ? "我在TRON上转出250 USDT，对方一直没有收到。" : "I sent 250 USDT on TRON and it never arrived.",
    }), zh);
    await page.locator("#wh-f-consent").check();
    await page.getByRole("button", { name: send }).click();
    await page.locator(".wh-sent").filter({ hasText: next }).waitFor();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    await panel.screenshot({ path: join(ROOT, "target", `e2e-sent-${lang}.png`) });
    await page.evaluate(() => WalletHelp.startCase("tx-pending"));
    await page.locator(".wh-step").waitFor();
    for (let i = 0; i < 12 && await page.locator(".wh-step").count(); i++) {
      await page.locator(".wh-step .wh-actions .wh-secondary").click();
    }
    await page.locator(".wh-ladder [data-opens=letter]").click();
    // The letter tells the report just sent, read back from the device's outbox.
    await page.waitForFunction(() => document.querySelector("wallet-help").shadowRoot.querySelector("#wh-letter-text")?.value.includes("250"));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    await panel.screenshot({ path: join(ROOT, "target", `e2e-letter-${lang}.png`) });
    await context.close();
  }
});

test("a server that refuses the report shows its message and keeps the text", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  const before = (await server.reports()).length;
  // Route the endpoint to a refusal, as an operator's server would answer a bad report.
  await page.route("**/api/reports", (route) =>
    route.fulfill({ status: 422, contentType: "application/json", body: '{"error":"description is too vague"}' }));
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByLabel("Type of message").selectOption("feedback");
  await page.getByLabel("What is it about?").selectOption("technical");
  await page.getByLabel("What happened?").fill("The app is slow when I open my balance.");
  await page.getByRole("button", { name: "Send report" }).click();
  await page.locator(".wh-sent").filter({ hasText: "description is too vague" }).waitFor();
  // Nothing typed is lost: one click puts the refused report back into the form.
  await page.getByRole("button", { name: "Edit and send again" }).click();
  assert.equal(await page.getByLabel("What happened?").inputValue(), "The app is slow when I open my balance.");
  assert.equal((await server.reports()).length, before, "nothing new stored");
  await context.close();
});

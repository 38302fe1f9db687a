// A report typed into the widget on the demo page reaches the collector's database exactly
// once, and posting the same report again adds nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

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
  const reference = (await status.textContent()).match(/Reference: (WH-\w+)/)[1];

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

test("the open widget, for the README screenshot", async () => {
  const { page, context } = await openPage(browser, server.url + "/", { viewport: { width: 1100, height: 760 } });
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // let the open animation end
  await page.screenshot({ path: join(ROOT, "target", "e2e-open-widget.png") });
  await context.close();
});

test("a server that refuses the report shows its message and keeps the text", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
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
  assert.equal((await server.reports()).length, 1, "nothing new stored");
  await context.close();
});

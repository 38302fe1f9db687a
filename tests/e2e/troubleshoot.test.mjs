// The troubleshooter on the demo page: a transaction case walked with the keyboard to
// "still broken" leads to a report prefilled with the steps; a security case starts urgent.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test("keyboard only: a failed payment walked to the end arrives in the form with its steps", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await page.evaluate(() => WalletHelp.open("troubleshoot"));
  const caseButton = page.getByRole("button", { name: /payment/i }).first();
  await caseButton.focus();
  await page.keyboard.press("Enter");
  for (let i = 0; i < 5; i++) {
    await page.getByRole("button", { name: "Still broken" }).focus();
    await page.keyboard.press("Enter");
  }
  await page.getByRole("button", { name: "Open the report form" }).focus();
  await page.keyboard.press("Enter");
  const steps = await page.getByLabel("What you already tried (one per line)").inputValue();
  assert.equal(steps.split("\n").length, 5);
  assert.match(steps, /^step:payment-failed\//);
  assert.equal(await page.getByLabel("What is it about?").inputValue(), "transaction");
  assert.deepEqual(log.console, []);
  await context.close();
});

test("a stolen account starts with the urgent actions, in Chinese", async () => {
  const { page, context } = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  await page.evaluate(() => WalletHelp.open("troubleshoot"));
  await page.locator("#wh-case-account-stolen").click();
  await page.locator(".wh-step.wh-urgent").waitFor();
  assert.match(await page.locator(".wh-step h4").textContent(), /停/);
  assert.equal(await page.getByRole("button", { name: "问题解决了" }).count(), 0);
  await context.close();
});

test("#wallet-help/case/<id> opens the troubleshooter on that case, and the ladder shows the operator's channels", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/#wallet-help/case/refund");
  await page.locator(".wh-step").waitFor();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Still broken" }).click();
  const email = page.getByRole("link", { name: /Email support/ });
  await email.waitFor();
  assert.match(await email.getAttribute("href"), /^mailto:support@tpwallet\.example\?subject=.+&body=-%20.+%0A-%20/);
  assert.equal(await page.getByRole("link", { name: /Call/ }).getAttribute("href"), "tel:+864000000000");
  await page.getByLabel("Your region").selectOption("Singapore");
  assert.equal(await page.getByRole("link", { name: /Monetary Authority of Singapore/ }).getAttribute("href"), "https://www.mas.gov.sg");
  await page.getByRole("button", { name: "Write a formal complaint letter" }).click();
  assert.match(await page.locator("#wh-letter-text").inputValue(), /Dear tpWallet/);
  assert.deepEqual(log.console, []);
  await context.close();
});

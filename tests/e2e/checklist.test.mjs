// The security checklist and the contact verifier on the demo page, in both languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test("the checklist is marked with the keyboard, kept after a reload, in English", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await page.evaluate(() => WalletHelp.open("checklist"));
  const score = page.locator(".wh-score");
  await score.waitFor();
  assert.equal(await score.textContent(), "0 of 10 done — next: update the app");
  await page.getByRole("radiogroup", { name: "Two-factor authentication is on" }).getByLabel("Done").focus();
  await page.keyboard.press("Space");
  assert.equal(await score.textContent(), "1 of 10 done — next: update the app");
  await page.reload();
  await page.evaluate(() => WalletHelp.open("checklist"));
  await score.waitFor();
  assert.equal(await score.textContent(), "1 of 10 done — next: update the app");
  assert.deepEqual(log.console, []);
  await context.close();
});

test("the Chinese checklist leads to the verifier, which unmasks a look-alike", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  await launcher(page, "帮助").click();
  await page.getByRole("tab", { name: "安全检查" }).click();
  await page.locator(".wh-score").filter({ hasText: "已完成0/10项" }).waitFor();
  await page.getByRole("button", { name: "核实客服联系方式" }).click();
  await page.getByLabel("要核实的联系方式").fill("tpwallet-support.com");
  await page.getByRole("button", { name: "核实", exact: true }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /警告/);
  assert.match(await alert.textContent(), /绝不会索要助记词/);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("the FAQ article on real and fake support opens the verifier", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  await page.evaluate(() => WalletHelp.showArticle("real-support"));
  await page.getByRole("button", { name: "Check a support contact" }).click();
  await page.getByLabel("Contact to check").fill("support@tpwallet.com");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Official" }).waitFor();
  // It opens in place: the user stays in the FAQ, and Back returns to the article, with
  // focus on the button that opened the verifier.
  assert.equal(await page.getByRole("tab", { selected: true }).textContent(), "Questions");
  await page.getByRole("button", { name: "← Back" }).click();
  await page.locator(".wh-article-title").filter({ hasText: /support/ }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").shadowRoot.activeElement?.dataset.opens), "verifier");
  await context.close();
});

test("the verifier opens from Contact and from the escalation ladder, and Back returns there", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByRole("button", { name: "Check a support contact" }).click();
  await page.getByLabel("Contact to check").fill("@tpwallet_official");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.locator(".wh-verdict").filter({ hasText: "Official only as the Telegram account" }).waitFor();
  await page.getByRole("button", { name: "← Back" }).click();
  assert.equal(await page.getByRole("tab", { name: "Contact" }).getAttribute("aria-selected"), "true");
  await page.getByLabel("What happened?").waitFor();

  await page.evaluate(() => WalletHelp.open("troubleshoot"));
  await page.locator("#wh-case-refund").click();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Still broken" }).click();
  await page.locator(".wh-ladder").getByRole("button", { name: "Check a support contact" }).click();
  await page.locator(".wh-verifier").waitFor();
  await page.getByRole("button", { name: "← Back" }).click();
  await page.locator(".wh-ladder").waitFor();
  assert.deepEqual(log.console, []);
  await context.close();
});

test("without the operator's official list nothing is called official, and the console says so once", async () => {
  const demo = JSON.parse(await readFile(new URL("../../demo-config.json", import.meta.url), "utf8"));
  delete demo.official;
  const body = JSON.stringify(demo);
  // The demo page pins its config file: this one is pinned by its own hash instead.
  const configIntegrity = "sha384-" + createHash("sha384").update(body).digest("base64");
  const init = { content: `window.WalletHelp = { config: { configIntegrity: ${JSON.stringify(configIntegrity)} } };` };
  const { page, context, log } = await openPage(browser, "about:blank", { init });
  await page.route("**/wallet-help/config.json", (route) => route.fulfill({ contentType: "application/json", body }));
  await page.goto(server.url + "/");
  await launcher(page).click();
  await page.getByRole("tab", { name: "Safety check" }).click();
  await page.getByRole("button", { name: "Check a support contact" }).click();
  const check = async (contact) => {
    await page.getByLabel("Contact to check").fill(contact);
    await page.getByRole("button", { name: "Check", exact: true }).click();
  };
  for (const contact of ["tpwallet.com", "@tpwallet_official", "t.me/tpwallet_official"]) {
    await check(contact);
    const verdict = page.getByRole("status").filter({ hasText: "Unverified" });
    await verdict.waitFor();
    assert.match(await verdict.textContent(), /has not published its official contacts/);
    assert.equal(await page.locator(".wh-official").count(), 0, `${contact} is not shown as official`);
  }
  await check("tpwallet-support.com");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /adds words to the brand name, imitating the name tpWallet/);
  const ours = log.console.filter((m) => m.includes("config.official is not set"));
  assert.deepEqual(ours, ["warning: [wallet-help] config.official is not set: the contact verifier cannot confirm any contact as official; list your domains, emails, phones and handles"]);
  assert.equal(log.console.length, 1, log.console.join("\n"));
  await context.close();
});

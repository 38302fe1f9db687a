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
  // Each step as what the user did, in the first person.
  assert.equal(steps.split("\n")[0], "I checked the payment's status in my history.");
  assert.equal(await page.getByLabel("What is it about?").inputValue(), "transaction");
  // The operator gets the references the sentences stand for, one edited line as written.
  const field = page.getByLabel("What you already tried (one per line)");
  await field.fill(steps.split("\n").slice(0, 4).concat("Restarted the phone").join("\n"));
  await page.getByLabel("What happened?").fill("My card payment to the exchange failed twice this morning.");
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Support may contact me about this report").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await page.locator(".wh-sent").filter({ hasText: "Received" }).waitFor();
  const sent = (await server.reports()).find((r) => r.report.description.startsWith("My card payment"));
  assert.equal(sent.report.steps_tried.length, 5);
  assert.equal(sent.report.steps_tried[0], "step:payment-failed/check-status");
  assert.ok(sent.report.steps_tried.slice(0, 4).every((s) => s.startsWith("step:payment-failed/")), sent.report.steps_tried.join(" | "));
  assert.equal(sent.report.steps_tried[4], "Restarted the phone");
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

test("in Chinese the ladder shows the operator's hours and regulators in Chinese", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/#wallet-help/case/refund", { locale: "zh-CN" });
  await page.locator(".wh-step").waitFor();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "还是不行" }).click();
  const call = page.locator(".wh-ladder li").filter({ has: page.getByRole("link", { name: /\+86 400 000 0000/ }) });
  assert.match(await call.textContent(), /（每天9:00–21:00，北京时间）/);
  const region = page.locator("#wh-region");
  assert.deepEqual(await region.locator("option").allTextContents(), ["香港", "新加坡", "英国"]);
  await region.selectOption("英国");
  assert.equal(await page.getByRole("link", { name: "英国金融行为监管局（FCA）" }).getAttribute("href"), "https://www.fca.org.uk");
  assert.deepEqual(log.console, []);
  await context.close();
});

test("#wallet-help/case/<id> opens the troubleshooter on that case, and the ladder shows the operator's channels", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/#wallet-help/case/refund");
  await page.locator(".wh-step").waitFor();
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Still broken" }).click();
  const email = page.getByRole("link", { name: /^Email support@tpwallet\.example/ });
  await email.waitFor();
  assert.match(await email.getAttribute("href"), /^mailto:support@tpwallet\.example\?subject=.+&body=-%20.+%0A-%20/);
  assert.equal(await page.getByRole("link", { name: /Call/ }).getAttribute("href"), "tel:+864000000000");
  await page.getByLabel("Your region").selectOption("Singapore");
  assert.equal(await page.getByRole("link", { name: /Monetary Authority of Singapore/ }).getAttribute("href"), "https://www.mas.gov.sg");
  // Every contact from the operator's config carries the official mark; nothing else does.
  assert.equal(await page.locator(".wh-ladder li .wh-badge").count(), 4);
  await page.getByRole("button", { name: "Write a formal complaint letter" }).click();
  const letter = await page.locator("#wh-letter-text").inputValue();
  assert.match(letter, /Dear tpWallet/);
  // The print view: the letter alone in a new page, paragraph by paragraph, as text.
  const [printView] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Print" }).click()]);
  await printView.waitForLoadState();
  assert.equal(await printView.title(), "Your complaint letter");
  const paragraphs = await printView.locator("body > p").allInnerTexts();
  assert.equal(paragraphs.join("\n\n").trim(), letter.trim());
  assert.equal(await printView.locator("body *:not(p, br)").count(), 0);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("'this fixed it' ends the case with a helpful vote that is remembered", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/#wallet-help/case/app-crash");
  const votes = [];
  await page.exposeFunction("recordVote", (d) => votes.push(d));
  await page.evaluate(() => WalletHelp.on("vote", (detail) => recordVote(detail)));
  await page.getByRole("button", { name: "Still broken" }).click();
  await page.getByRole("button", { name: "This fixed it" }).click();
  await page.locator(".wh-success").waitFor();
  await page.getByRole("button", { name: "Yes" }).click();
  await page.getByText("Thanks for telling us.").waitFor();
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem("wallet-help:v1:votes"))), { "case/app-crash": true });
  assert.deepEqual(votes, [{ id: "case/app-crash", helpful: "yes" }]);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("a delivered report with no answer after the response time offers the next rung when the panel is reopened", async () => {
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block" });
  await context.clock.install();
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await page.evaluate(() => {
    WalletHelp.prefill({ kind: "feedback", category: "transaction", description: "My refund of 40 USDT never arrived although the shop says it was sent." });
    WalletHelp.open("contact");
  });
  await page.getByRole("button", { name: "Send report" }).click();
  const status = page.locator(".wh-sent").filter({ hasText: "Received" });
  await status.waitFor();
  const reference = (await status.textContent()).match(/Reference: (WH-[0-9A-Z]{8})/)[1];
  await page.evaluate(() => WalletHelp.close());
  // Jump the wall clock (Date.now) without firing the timers that would have run meanwhile:
  // the reminder depends only on the time since delivery.
  const sent = await page.evaluate(() => Date.now());
  const hoursLater = (h) => page.clock.setSystemTime(sent + h * 3600_000);

  // The demo promises an answer within 48 hours. After 47 nothing is shown.
  await hoursLater(47);
  await page.evaluate(() => WalletHelp.open("faq"));
  assert.equal(await page.locator(".wh-followup").count(), 0);
  await page.evaluate(() => WalletHelp.close());
  await hoursLater(49);
  await page.evaluate(() => WalletHelp.open("faq"));
  const reminder = page.locator(".wh-followup");
  await reminder.waitFor();
  assert.match(await reminder.textContent(), new RegExp(`${reference} has had no answer for 2 days`));
  await page.getByRole("button", { name: "Show the next step" }).click();
  const suggested = page.locator(".wh-ladder .wh-next");
  assert.match(await suggested.textContent(), /Public channels.*Suggested next step/);
  assert.equal(await reminder.count(), 0);
  // The letter written from here tells the sent report's facts, though the form is empty now.
  await page.getByRole("button", { name: "Write a formal complaint letter" }).click();
  // The saved reports are read from IndexedDB after the letter first shows.
  await page.waitForFunction(() => document.querySelector("wallet-help").shadowRoot.querySelector("#wh-letter-text")?.value.includes("My refund of 40 USDT"));
  const letter = await page.locator("#wh-letter-text").inputValue();
  assert.match(letter, /My refund of 40 USDT never arrived/);
  assert.match(letter, new RegExp(reference));

  // "Show the next step" also means "remind me later": one more period, and then the regulator.
  await page.evaluate(() => WalletHelp.close());
  await hoursLater(98);
  await page.evaluate(() => WalletHelp.open("faq"));
  await reminder.waitFor();
  await page.getByRole("button", { name: "Show the next step" }).click();
  assert.match(await page.locator(".wh-ladder .wh-next").textContent(), /financial regulator/);

  // Once the user says support answered, the reminder stops for good.
  await page.evaluate(() => WalletHelp.close());
  await hoursLater(200);
  await page.evaluate(() => WalletHelp.open("faq"));
  await page.getByRole("button", { name: "They answered" }).click();
  assert.equal(await reminder.count(), 0);
  await page.reload();
  await hoursLater(300);
  await page.evaluate(() => WalletHelp.open("faq"));
  await page.getByRole("dialog").waitFor();
  assert.equal(await page.locator(".wh-followup").count(), 0);
  await context.close();
});

test("on a phone a step's link that wraps keeps its bullet beside its first line", async () => {
  const { page, context } = await openPage(browser, server.url + "/", { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  await page.evaluate(() => WalletHelp.startCase("tx-pending"));
  await page.locator(".wh-step").waitFor();
  const links = page.locator(".wh-step-links li .wh-link");
  assert.ok(await links.count() > 0);
  // The marker sits on the line box's baseline, as does a text probe put before the link:
  // the probe must be on the link's first line (a wrapped inline-block on the baseline would
  // put it, and the bullet, beside the last).
  const offsets = await links.evaluateAll((els) => els.map((el) => {
    const probe = document.createElement("span");
    probe.textContent = "\u200b";
    el.before(probe);
    const b = el.getBoundingClientRect(), p = probe.getBoundingClientRect();
    probe.remove();
    const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
    return { lines: Math.round(b.height / line), probe: Math.round(p.top - b.top), line };
  }));
  assert.ok(offsets.some((o) => o.lines > 1), `a link wraps at 320 px: ${JSON.stringify(offsets)}`);
  for (const o of offsets) assert.ok(o.probe < o.line, `the bullet is beside the first line: ${JSON.stringify(offsets)}`);
  await context.close();
});

test("the letter for a pending transfer complains about a transaction, and the user's edits are what is downloaded", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  // The contact given in the form before the case goes into the letter too.
  await page.evaluate(() => WalletHelp.prefill({ email: "ana@example.com" }));
  await page.evaluate(() => WalletHelp.startCase("tx-pending"));
  await page.locator(".wh-step").waitFor();
  for (let i = 0; i < 12 && await page.locator(".wh-step").count(); i++) {
    await page.locator(".wh-step .wh-actions .wh-secondary").click();
  }
  // The email draft tells what the user did, in their words, not the steps' instructions.
  const mail = decodeURIComponent(await page.locator(".wh-ladder a[href^='mailto:']").first().getAttribute("href"));
  assert.match(mail, /- I did not send the payment again\./);
  await page.locator(".wh-ladder [data-opens=letter]").click();
  const box = page.getByLabel(/fill in your name/);
  const text = await box.inputValue();
  assert.match(text, /^From: \[your name\], ana@example\.com$/m, "a marked place for the name, and the email given");
  assert.match(text, /formal complaint about a transaction that did not complete as expected\./, "worded by the case's category");
  // The transaction's details are marked blanks to fill in, in the timeline and the evidence.
  assert.match(text, /^- \[date and time\]: Transaction of \[amount and asset\] on \[network\].*transaction hash \[hash\]\.$/m);
  assert.match(text, /^- Transaction hash: \[hash\]$/m);
  assert.match(text, /^Please answer me by email at ana@example\.com\.$/m);
  assert.doesNotMatch(text, /technical problem/);
  await box.fill(text.replace("[your name]", "Ana Lima").replace("[Your name]", "Ana Lima"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as a text file" }).click(),
  ]);
  const saved = await (await download.createReadStream()).toArray();
  const body = Buffer.concat(saved).toString("utf8");
  assert.match(body, /^From: Ana Lima/m);
  assert.doesNotMatch(body, /\[your name\]/i);
  assert.deepEqual(log.console, []);
  await context.close();
});

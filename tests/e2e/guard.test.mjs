// The secret guard tried as a scammer's victim would meet it on the demo page: a phrase
// typed with a full-width input method and split across two fields, a phrase typed into
// the FAQ search (the host page's analytics hear every search), and a host page that puts
// a phrase in prefill and in its own URL. Nothing of it may leave the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

// The BIP39 test vector "legal winner thank year wave sausage worth useful legal winner thank yellow".
const WORDS = "legal winner thank year wave sausage worth useful legal winner thank yellow".split(" ");
const wide = (s) => [...s].map((c) => (c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join("");
const leaked = (text) => /sausage|useful|ｓａｕｓａｇｅ|ｕｓｅｆｕｌ/.test(text);

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test("a full-width phrase split across subject and description is blocked, and removed from both", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  const posts = [];
  page.on("request", (r) => { if (r.method() === "POST") posts.push(r.postData() || ""); });
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByLabel("What is it about?").selectOption("security");
  await page.getByLabel("Subject").fill(wide(WORDS.slice(0, 6).join(" ")));
  // A zero-width space inside a word, as pasted text sometimes carries.
  await page.getByLabel("What happened?").fill(`Support wants the rest too: wor\u200bth ${WORDS.slice(7).join(" ")}`);
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Support may contact me about this report").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await page.getByRole("alert").filter({ hasText: "Please correct these fields" }).waitFor();
  assert.equal(await page.getByRole("alert").filter({ hasText: "Never share your seed phrase" }).count(), 2);
  const stored = await page.evaluate(() => localStorage.getItem("wallet-help:v1:draft") || "");
  assert.ok(!leaked(stored), stored);
  assert.deepEqual(posts, [], "nothing was sent");

  await page.getByRole("button", { name: "Remove it from the report" }).first().click();
  assert.equal(await page.getByRole("alert").filter({ hasText: "Never share your seed phrase" }).count(), 0);
  assert.match(await page.getByLabel("What happened?").inputValue(), /^Support wants the rest too/);
  await page.getByRole("button", { name: "Send report" }).click();
  await page.locator(".wh-sent").filter({ hasText: "Received" }).waitFor();
  assert.equal(posts.length, 1);
  assert.ok(!leaked(posts[0]), posts[0]);
  await context.close();
});

test("a phrase typed into the FAQ search is flagged and never handed to the host page", async () => {
  const { page, context } = await openPage(browser, server.url + "/");
  await page.evaluate(() => {
    window.searches = [];
    window.addEventListener("wallet-help:search", (e) => window.searches.push(JSON.stringify(e.detail)));
  });
  await launcher(page).click();
  const search = page.getByRole("searchbox");
  await search.fill("pending");
  await page.waitForFunction(() => window.searches.length === 1);
  await search.fill(wide(WORDS.join(" ")));
  await page.getByRole("alert").filter({ hasText: "looks like a seed phrase" }).waitFor();
  await page.waitForFunction(() => window.searches.length === 2);
  const seen = await page.evaluate(() => window.searches);
  assert.deepEqual(seen, ['{"query":"pending"}', '{"query":"","withheld":"secret"}']);
  await context.close();
});

test("a phrase the host page puts in prefill or in its URL is not sent", async () => {
  const phrase = WORDS.join(" ");
  const url = `${server.url}/?restore=${encodeURIComponent(phrase)}#top`;
  const { page, context, log } = await openPage(browser, url);
  const posts = [];
  page.on("request", (r) => { if (r.method() === "POST") posts.push(JSON.parse(r.postData() || "{}")); });
  await page.evaluate((p) => window.WalletHelp.prefill({ chain: p, accountId: "A-17", note: p }), phrase);
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByLabel("What is it about?").selectOption("account");
  await page.getByLabel("What happened?").fill("I cannot log in since this morning.");
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Support may contact me about this report").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await page.locator(".wh-sent").filter({ hasText: "Received" }).waitFor();
  assert.equal(posts.length, 1);
  const body = posts[0];
  assert.equal(body.transaction?.chain, undefined, "a chain outside the list is not sent");
  assert.equal(body.context.prefill.accountId, "A-17");
  assert.equal(body.context.prefill.note, "***");
  assert.equal(body.context.page_url, server.url + "/");
  assert.ok(!leaked(JSON.stringify(body)), JSON.stringify(body));
  assert.ok(log.console.some((m) => m.includes("prefill: chain")), log.console.join("\n"));
  await context.close();
});

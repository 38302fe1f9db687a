// The support team's inbox in Chromium: axe-core finds no WCAG 2.2 AA violation on the
// sign-in page, the list and a report; an agent works a report with the keyboard alone; a
// wrong token is refused with a message the screen reader hears; the pages run no script
// and break no rule of their policy; screenshots for the README.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, ADMIN_TOKEN, startCollector, launchBrowser, openPage, signIn } from "./support.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// A real 2×2 PNG (red, green, blue, white), made for this test.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC",
  "base64",
);

let server, browser;
const sent = [];
before(async () => {
  server = await startCollector();
  browser = await launchBrowser();
  const reports = [
    { locale: "zh-CN", kind: "complaint", category: "transaction", subject: "提现三天未到账",
      description: "我在12月1日提现了500 USDT到交易所，钱包显示已完成，但交易所一直没有收到。",
      transaction: { time: "2026-12-01T09:30", amount: "500 USDT", chain: "tron", tx_hash: "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8" },
      attachments: [{ name: "提现记录.png", type: "image/png", size: PNG.length,
        sha256: createHash("sha256").update(PNG).digest("hex"), data: PNG.toString("base64") }] },
    { locale: "en", kind: "feedback", category: "technical", subject: "App freezes when I open the swap page",
      description: "Since the last update the swap page stays blank on my Pixel 7 and the app stops responding." },
    { locale: "en", kind: "complaint", category: "security", subject: "Someone on Telegram asked for my recovery phrase",
      description: "A 'support agent' messaged me first and asked me to verify my wallet. I did not answer." },
  ];
  for (const r of reports) {
    const id = randomUUID();
    const body = { schema: "wallet-help.report.v1", id, created_at: new Date().toISOString(), attachments: [],
      context: { widget_version: "e2e" }, ...r };
    const res = await fetch(server.url + "/api/reports", {
      method: "POST", headers: { "content-type": "application/json", "idempotency-key": id }, body: JSON.stringify(body),
    });
    const answer = await res.text();
    assert.equal(res.status, 201, answer);
    sent.push({ id, ...r, ...JSON.parse(answer) });
  }
});
after(async () => { await browser?.close(); await server?.stop(); });

async function violations(page, view) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} at ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`));
}

/** Collects the policy's complaints: the pages must need nothing it forbids. */
function watchPolicy(page) {
  const broken = [];
  page.on("console", (m) => { if (/Content Security Policy/.test(m.text())) broken.push(m.text()); });
  return broken;
}

test("axe: no WCAG 2.2 AA violation on the sign-in page, the list and a report", async () => {
  const { page, context } = await openPage(browser, server.url + "/inbox");
  const broken = watchPolicy(page);
  const found = await violations(page, "sign-in");
  await page.getByLabel("Access token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "not valid" }).waitFor();
  found.push(...await violations(page, "sign-in with an error"));
  assert.equal(await page.getByLabel("Access token").getAttribute("aria-describedby"), "login-error");
  await context.close();

  const { page: agent, context: agentContext } = await signIn(browser, server.url);
  const brokenSignedIn = watchPolicy(agent);
  found.push(...await violations(agent, "list"));
  await agent.goto(server.url + `/inbox/reports/${sent[0].id}`);
  await agent.locator("figure img").waitFor();
  assert.ok(await agent.locator("figure img").evaluate((img) => img.complete && img.naturalWidth === 2), "the screenshot shows");
  found.push(...await violations(agent, "report"));
  assert.deepEqual(found, []);
  assert.deepEqual([...broken, ...brokenSignedIn], [], "nothing the policy refuses");
  assert.equal(await agent.locator("script, [style]").count(), 0, "no script, no inline style");
  await agentContext.close();
});

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("keyboard only: sign in, search, open a report, take it, reply, note, sign out", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/inbox");
  const broken = watchPolicy(page);
  const target = sent[1];

  // The skip link is the first stop, and the sign-in form follows.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the content");
  await tabTo(page, "#token");
  await page.keyboard.type(ADMIN_TOKEN);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Reports" }).waitFor();

  await tabTo(page, "#q");
  await page.keyboard.type("swap page");
  await page.keyboard.press("Enter");
  await page.getByText("1 report", { exact: true }).waitFor();
  await tabTo(page, `a[href="/inbox/reports/${target.id}"]`);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: target.subject }).waitFor();

  await tabTo(page, "#reply");
  await page.keyboard.type("Thanks. Which version of the app do you have? It is under Settings, About.");
  await tabTo(page, "input[name=waiting]");
  await page.keyboard.press("Space");
  await tabTo(page, "form[action$='/reply'] button");
  await page.keyboard.press("Enter");
  await page.locator(".message.support").waitFor();
  assert.equal(await page.locator(".meta .status").textContent(), "Waiting for the user", "the box set the status");

  await tabTo(page, "#note");
  await page.keyboard.type("Same report from two users this week: the swap page after 3.2.");
  await tabTo(page, "form[action$='/note'] button");
  await page.keyboard.press("Enter");
  await page.locator(".message.note").waitFor();

  await tabTo(page, "#status");
  // A closed select changes with the arrow keys, as keyboard users expect.
  await page.keyboard.press("ArrowDown");
  await tabTo(page, "form[action$='/status'] button");
  await page.keyboard.press("Enter");
  await page.locator(".meta .status").filter({ hasText: "Resolved" }).waitFor();
  const history = await page.locator(".audit li").allTextContents();
  assert.equal(history.length, 5, history.join("\n"));
  assert.match(history[1], /admin · replied to the user/);
  assert.match(history.at(-1), /admin · status waiting_for_you → resolved/);

  // The user sees the reply, never the note.
  const res = await fetch(server.url + `/api/reports/${target.id}`, { headers: { authorization: "Bearer " + target.status_token } });
  const thread = await res.json();
  assert.deepEqual(thread.messages.map((m) => m.from), ["support"]);
  assert.ok(!JSON.stringify(thread).includes("Same report from two users"));

  await page.keyboard.press("Home");
  await tabTo(page, ".signout button");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.goto(server.url + "/inbox");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  assert.deepEqual(broken, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("screenshots of the list and a report", async () => {
  const { page, context } = await signIn(browser, server.url);
  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync(join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "target", "e2e-inbox.png") });
  await page.goto(server.url + `/inbox/reports/${sent[0].id}`);
  await page.locator("figure img").waitFor();
  await page.screenshot({ path: join(ROOT, "target", "e2e-inbox-report.png"), fullPage: true });
  await context.close();
});

// The loop with support, in both languages: a user sends a report; support sets a status
// and replies; the user opens the widget, sees the status and the reply, answers (a seed
// phrase in the answer is refused); support resolves it; the widget shows "resolved" and
// the no-answer reminder stays quiet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, ADMIN_TOKEN, startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

async function operator(path, body) {
  const res = await fetch(server.url + path, {
    method: "POST",
    headers: { authorization: "Bearer " + ADMIN_TOKEN, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: HTTP ${res.status} ${await res.text()}`);
}

const words = {
  en: {
    locale: "en-US", contact: "Contact", category: "What is it about?", what: "What happened?", email: "Email",
    consent: "Support may contact me about this report", send: "Send report", delivered: "Received",
    replied: "Support has answered your report", read: "Read the answer",
    waiting: "Waiting for your answer", inProgress: "In progress", resolved: "Resolved", newMark: "New",
    reply: "Reply", box: "Your answer to support", sendAnswer: "Send answer", guard: "Never share your seed phrase",
    question: "Which network did you send it on?", answer: "TRON, from my main wallet.",
  },
  zh: {
    locale: "zh-CN", contact: "联系我们", category: "问题属于哪一类？", what: "发生了什么？", email: "邮箱",
    consent: "同意客服就此反馈与我联系", send: "提交", delivered: "已送达",
    replied: "客服已答复您的反馈", read: "查看答复",
    waiting: "等待您的回复", inProgress: "处理中", resolved: "已解决", newMark: "新",
    reply: "回复", box: "您给客服的回复", sendAnswer: "发送回复", guard: "切勿泄露助记词",
    question: "请问您是通过哪个网络转出的？", answer: "TRON网络，从我的主钱包转出。",
  },
};

for (const [lang, w] of Object.entries(words)) {
  test(`${lang}: support's status and reply reach the widget, and the user's answer reaches support`, async () => {
    const { page, context, log } = await openPage(browser, server.url + "/", { locale: w.locale });
    const fetched = [];
    page.on("request", (r) => { if (r.method() === "GET" && /\/api\/reports\/[0-9a-f-]{36}$/.test(r.url())) fetched.push(r.url()); });
    let token;
    page.on("response", async (r) => {
      if (r.request().method() === "POST" && r.url().endsWith("/api/reports")) token = (await r.json()).status_token;
    });
    await launcher(page).click();
    await page.getByRole("tab", { name: w.contact }).click();
    await page.getByLabel(w.category).selectOption("transaction");
    await page.getByLabel(w.what).fill(`${lang}: 250 USDT sent on TRON never arrived.`);
    await page.getByLabel(w.email).fill("ana@example.com");
    await page.getByLabel(w.consent).check();
    await page.getByRole("button", { name: w.send }).click();
    await page.locator(".wh-sent").filter({ hasText: w.delivered }).waitFor();
    const row = (await server.reports()).find((r) => r.report.description.startsWith(`${lang}:`));
    assert.ok(row, "the report is stored");
    assert.match(token ?? "", /^[0-9a-f]{64}$/, "the endpoint handed out a status token");

    // Support works on it.
    await operator(`/api/reports/${row.id}/status`, { status: "waiting_for_you" });
    await operator(`/api/reports/${row.id}/replies`, { text: w.question });

    // The user comes back later: nothing is asked before they open the panel, which then
    // tells them support answered.
    fetched.length = 0;
    await page.reload();
    await launcher(page).waitFor();
    await page.waitForTimeout(1000);
    assert.deepEqual(fetched, [], "no status is fetched before the widget is opened");
    await launcher(page).click();
    const notice = page.locator(".wh-replied");
    await notice.filter({ hasText: w.replied }).waitFor();
    assert.equal(await notice.getAttribute("role"), "status", "screen readers hear it");
    await page.getByRole("button", { name: w.read }).click();
    const report = page.locator(".wh-report").filter({ hasText: `${lang}: 250 USDT` });
    await report.locator(".wh-thread-status").filter({ hasText: w.waiting }).waitFor();
    const reply = report.locator(".wh-from-support");
    assert.match(await reply.textContent(), new RegExp(w.question.replace(/[?？]/g, ".")));
    assert.equal(await reply.locator(".wh-new").textContent(), w.newMark, "a reply not read before is marked");

    // The answer with a seed phrase in it is refused, with the reason.
    await report.getByRole("button", { name: w.reply }).click();
    const box = report.getByLabel(w.box);
    assert.equal(await box.evaluate((el) => el === el.getRootNode().activeElement), true, "focus moves into the box");
    await box.fill(`${w.answer} ${SEED}`);
    await report.locator(".wh-guard").filter({ hasText: w.guard }).waitFor();
    let posts = 0;
    page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/messages")) posts++; });
    await report.getByRole("button", { name: w.sendAnswer }).click();
    await page.waitForTimeout(300);
    assert.equal(posts, 0, "nothing with a seed phrase leaves the device");
    await box.fill(w.answer);
    await report.getByRole("button", { name: w.sendAnswer }).press("Enter");
    await report.locator(".wh-from-you").filter({ hasText: w.answer }).waitFor();

    // Support sees the answer once, and the report is back with them.
    let thread;
    for (let i = 0; i < 50; i++) {
      const res = await fetch(server.url + `/api/reports/${row.id}`, { headers: { authorization: "Bearer " + token } });
      thread = await res.json();
      if (thread.messages?.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(thread.messages.map((m) => [m.from, m.text]), [["support", w.question], ["you", w.answer]]);
    assert.equal(thread.status, "in_progress");
    assert.ok(!JSON.stringify(thread).includes("abandon"));

    // Resolved: the widget says so, and the reminder stays quiet even long after.
    await operator(`/api/reports/${row.id}/status`, { status: "resolved" });
    await page.keyboard.press("Escape");
    await page.evaluate(() => { const now = Date.now() + 10 * 86_400_000; Date.now = () => now; });
    // The panel opens where the user left it: My reports.
    await launcher(page).click();
    await report.locator(".wh-thread-status").filter({ hasText: w.resolved }).waitFor();
    assert.equal(await page.locator(".wh-followup").count(), 0, "no reminder for a resolved report");
    assert.equal(await report.locator(".wh-new").count(), 0, "read replies are no longer marked");
    assert.ok(fetched.length >= 2 && fetched.length <= 6, `status fetched only when the panel opened: ${fetched.length}`);

    mkdirSync(join(ROOT, "target"), { recursive: true });
    await page.waitForTimeout(400); // the panel's opening animation
    await page.screenshot({ path: join(ROOT, "target", `e2e-thread-${lang}.png`) });
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

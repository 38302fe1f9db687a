// The loop with support, in both languages: a user sends a report; an agent signs in to the
// inbox, finds it by search, sets "in progress" and replies; the user opens the widget,
// sees the status and the reply, answers (a seed phrase in the answer is refused); the agent
// sees the answer and resolves it; the widget shows "resolved" and the no-answer reminder
// stays quiet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher, signIn } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

/** The agent's hands in the inbox: the report page's status form. */
async function setStatus(agent, label) {
  await agent.getByLabel("Status", { exact: true }).selectOption({ label });
  await agent.getByRole("button", { name: "Set status" }).click();
  await agent.locator(".meta .status").filter({ hasText: label }).waitFor();
}

const words = {
  en: {
    locale: "en-US", contact: "Contact", problem: "250 USDT sent on TRON never arrived.", search: "never arrived", category: "What is it about?", what: "What happened?", email: "Email",
    consent: "Support may contact me about this report", send: "Send report", delivered: "Received",
    replied: "Support has answered your report", read: "Read the answer",
    inProgress: "In progress", resolved: "Resolved", newMark: "New",
    reply: "Reply", box: "Your answer to support", sendAnswer: "Send answer", guard: "Never share your seed phrase",
    question: "Which network did you send it on?", answer: "TRON, from my main wallet.",
  },
  zh: {
    locale: "zh-CN", contact: "联系我们", problem: "通过TRON转出的250 USDT一直没有到账。", search: "没有到账", category: "问题属于哪一类？", what: "发生了什么？", email: "邮箱",
    consent: "同意客服就此反馈与我联系", send: "提交", delivered: "已送达",
    replied: "客服已答复您的反馈", read: "查看答复",
    inProgress: "处理中", resolved: "已解决", newMark: "新",
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
    await page.getByLabel(w.what).fill(`${lang}: ${w.problem}`);
    await page.getByLabel(w.email).fill("ana@example.com");
    await page.getByLabel(w.consent).check();
    await page.getByRole("button", { name: w.send }).click();
    await page.locator(".wh-sent").filter({ hasText: w.delivered }).waitFor();
    const row = (await server.reports()).find((r) => r.report.description.startsWith(`${lang}:`));
    assert.ok(row, "the report is stored");
    assert.match(token ?? "", /^[0-9a-f]{64}$/, "the endpoint handed out a status token");

    // An agent finds it in the inbox by a few words of it, takes it and asks a question.
    const { page: agent, context: agentContext, log: agentLog } = await signIn(browser, server.url);
    await agent.getByLabel("Search subject, description or reference").fill(w.search);
    await agent.getByRole("button", { name: "Show" }).click();
    await agent.getByText("1 report", { exact: true }).waitFor();
    await agent.getByRole("link", { name: row.reference }).click();
    await agent.locator("dd.long").filter({ hasText: w.problem }).waitFor();
    await setStatus(agent, "In progress");
    await agent.getByLabel("Reply to the user").fill(w.question);
    await agent.getByRole("button", { name: "Send reply" }).click();
    await agent.locator(".message.support").filter({ hasText: w.question }).waitFor();

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
    const report = page.locator(".wh-report").filter({ hasText: `${lang}: ${w.problem.slice(0, 8)}` });
    await report.locator(".wh-thread-status").filter({ hasText: w.inProgress }).waitFor();
    const reply = report.locator(".wh-from-support");
    assert.match(await reply.textContent(), new RegExp(w.question.replace(/[?？]/g, ".")));
    assert.equal(await reply.locator(".wh-new").textContent(), w.newMark, "a reply not read before is marked");
    await reply.scrollIntoViewIfNeeded();
    mkdirSync(join(ROOT, "target"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "target", `e2e-reply-${lang}.png`) });

    // The answer with a seed phrase in it is refused, with the reason.
    await report.getByRole("button", { name: w.reply }).click();
    const box = report.getByLabel(w.box);
    // Focus moves once the box is drawn, a moment after the click returns.
    await page.waitForFunction((el) => el === el.getRootNode().activeElement, await box.elementHandle(), { timeout: 2000 });
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

    // The agent sees the answer once, and resolves the report.
    for (let i = 0; i < 50 && !(await agent.locator(".message.you").count()); i++) {
      await agent.waitForTimeout(100);
      await agent.reload();
    }
    const answers = agent.locator(".message.you");
    assert.equal(await answers.count(), 1, "the answer arrived once");
    assert.match(await answers.textContent(), new RegExp(w.answer.replace(/[.。]/g, ".")));
    assert.ok(!(await agent.content()).includes("abandon"), "the refused text never reached support");
    await setStatus(agent, "Resolved");
    const res = await fetch(server.url + `/api/reports/${row.id}`, { headers: { authorization: "Bearer " + token } });
    const thread = await res.json();
    assert.deepEqual(thread.messages.map((m) => [m.from, m.text]), [["support", w.question], ["you", w.answer]]);
    assert.deepEqual(thread.history.map((h) => h.status), ["received", "in_progress", "resolved"]);
    assert.deepEqual(agentLog.errors, []);
    await agentContext.close();

    // Resolved: the widget says so, and the reminder stays quiet even long after.
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

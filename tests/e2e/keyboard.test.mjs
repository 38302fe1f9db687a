// The widget with the keyboard alone: focus stays inside the open dialog (Tab wraps in both
// directions), returns to the launcher on close, and every view and flow can be walked with
// Tab, Shift+Tab, Enter, Space, arrows and Escape. The same path runs in each language the
// widget ships, so a missing label, a changed focus order or a view that cannot be reached in
// one of them fails here too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// What the path reads on screen or types, per language (src/core/i18n.rs and content/<lang>/).
// The steps themselves are the same for every language; only these words differ.
const LOCALES = [
  {
    locale: "en-US", tag: "en", launcher: /^Help$/,
    tabs: { troubleshoot: "Fix a problem", checklist: "Safety check", contact: "Contact" },
    topic: /^Transfers and payments/, back: /Back$/, query: "pending", yes: /^Yes$/,
    stillBroken: /^Still broken$/, writeLetter: /^Write a formal complaint letter$/, openForm: /^Open the report form$/,
    markDone: "Done", tried: "I checked the payment's status in my history.", markNotYet: "Not yet", checkContact: /^Check a support contact$/,
    fake: /fake/i, backToChecklist: /Back to the checklist$/,
    send: /^Send report$/, descriptionError: /What happened/,
    description: "My payment of 40 USDT failed but the amount left my balance.",
  },
  {
    locale: "zh-CN", tag: "zh-CN", launcher: /^帮助$/,
    tabs: { troubleshoot: "问题排查", checklist: "安全检查", contact: "联系我们" },
    // "返回" alone, so that "返回安全检查" (back to the checklist) is not taken for it.
    topic: /^转账与支付/, back: /返回$/, query: "一直处理中", yes: /^有帮助$/,
    stillBroken: /^还是不行$/, writeLetter: /^撰写正式投诉信$/, openForm: /^填写反馈$/,
    markDone: "已完成", tried: "我在交易记录里查看了这笔支付的状态。", markNotYet: "还没有", checkContact: /^核实客服联系方式$/,
    fake: /假冒/, backToChecklist: /返回安全检查$/,
    send: /^提交$/, descriptionError: /发生了什么/,
    // Typed in Chinese so the minimum length and the stored text are checked on CJK input.
    description: "我用 40 USDT 付款失败了，但余额里的钱已经被扣掉。",
  },
];

/** The focused element, looking through the widget's shadow root. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  if (!a) return null;
  const text = (a.getAttribute("aria-label") || a.textContent || "").replace(/\s+/g, " ").trim();
  return { tag: a.localName, id: a.id, cls: String(a.className), role: a.getAttribute("role"), text, label: a.labels?.[0]?.textContent?.trim() ?? "",
    checked: a.checked ?? null, same: a.dataset?.e2e ?? null, inPanel: !!a.closest?.(".wh-panel"),
    article: a.dataset?.article ?? null, topic: a.dataset?.topic ?? null, visible: a.matches(":focus-visible") };
});

/** Presses Tab (or Shift+Tab) until `match(focused)` holds; fails after `max` presses. */
async function tabTo(page, match, { max = 60, back = false, what = String(match) } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (f && match(f)) return f;
    seen.push(f && `${f.tag}.${f.cls} "${f.text.slice(0, 30)}"`);
  }
  throw new Error(`never reached ${what}; focus went through: ${seen.join(" | ")}`);
}
// Named after its pattern, so a miss says which label was expected in which language.
const named = (re) => Object.assign((f) => re.test(f.text), { toString: () => `a stop named ${re}` });

/** Tags the first and last rendered Tab stops of the panel, found independently of the app. */
const tagEnds = (page) => page.evaluate(() => {
  const panel = document.querySelector("wallet-help").shadowRoot.querySelector(".wh-panel");
  const stops = [...panel.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
    .filter((el) => !el.disabled && el.getAttribute("tabindex") !== "-1" && el.getClientRects().length > 0)
    .filter((el) => !(el.type === "radio" && !el.checked && panel.querySelector(`input[name="${el.name}"]:checked`)));
  stops.forEach((el) => delete el.dataset.e2e);
  stops[0].dataset.e2e = "first";
  stops.at(-1).dataset.e2e = "last";
  return stops.length;
});

/** Focus is on the view's heading, and visibly so. */
async function assertOnHeading(page, where) {
  const f = await focused(page);
  assert.ok(f && /^h[34]$/.test(f.tag) && f.inPanel, `${where}: focus is on the view's heading, not ${f?.tag}.${f?.cls}`);
  assert.ok(f.visible, `${where}: the focused heading is marked`);
}

async function assertTrapped(page, where) {
  const stops = await tagEnds(page);
  // Date and time inputs hold several stops each, so allow more presses than elements.
  await tabTo(page, (f) => f.same === "last", { max: stops * 3, what: `${where}: the last stop` });
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).same, "first", `${where}: Tab from the last stop wraps to the first`);
  await page.keyboard.press("Shift+Tab");
  assert.equal((await focused(page)).same, "last", `${where}: Shift+Tab from the first stop wraps to the last`);
  // A full round and more never leaves the panel and comes back to where it started.
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press("Tab");
    assert.ok((await focused(page)).inPanel, `${where}: Tab ${i + 1} stays in the panel`);
  }
  return stops;
}

for (const L of LOCALES) {
  test(`${L.locale}: focus is trapped in the modal dialog and goes back to the launcher on close`, async () => {
    const { page, context, log } = await openPage(browser, server.url + "/", { locale: L.locale });
    await launcher(page, L.launcher).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    assert.equal((await focused(page)).id, "wh-search", "the FAQ opens with focus in its search box");
    const home = await assertTrapped(page, "FAQ home");
    assert.ok(home >= 8, "the FAQ home has its close button, tab, search box and topics as stops");

    // The longest view: the report form.
    await tabTo(page, (f) => f.role === "tab");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    assert.equal((await focused(page)).text, L.tabs.contact);
    // The form's part may still be on its way: its stops are counted once it is drawn.
    await page.locator("form.wh-contact").waitFor();
    await assertTrapped(page, "contact form");

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal((await focused(page)).cls, "wh-launcher");
    // Closing with the close button by keyboard also gives focus back.
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, (f) => f.cls === "wh-close", { max: 3, back: true });
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    assert.equal((await focused(page)).cls, "wh-launcher");
    assert.deepEqual(log.console, []);
    await context.close();
  });

  test(`${L.locale}: keyboard only: FAQ, search, article, troubleshooter, letter, checklist, verifier and a report`, async () => {
    const { page, context, log } = await openPage(browser, server.url + "/", { locale: L.locale });
    // From the top of the page to the launcher, as a keyboard user would.
    await tabTo(page, (f) => f.cls === "wh-launcher", { max: 40, what: "the launcher" });
    await page.keyboard.press("Space");
    await page.getByRole("dialog").waitFor();
    // If the browser's language was not picked up, say so here rather than as a missed label
    // further on; screen readers also need it to read the text in the right language.
    assert.equal(await page.locator(".wh-app").getAttribute("lang"), L.tag);

    // FAQ: a topic, back, a search, an article, a vote, a related article.
    assert.equal((await focused(page)).id, "wh-search", "the FAQ opens with focus in its search box");
    const topic = await tabTo(page, named(L.topic));
    await page.keyboard.press("Enter");
    await page.locator(".wh-topic h3").waitFor();
    await assertOnHeading(page, "a topic");
    await tabTo(page, named(L.back), { back: true });
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).topic, topic.topic, "Back returns to the topic that was opened");
    await tabTo(page, (f) => f.tag === "input" && f.id === "wh-search", { back: true });
    await page.keyboard.type(L.query);
    await page.locator(".wh-results").waitFor();
    await page.keyboard.press("ArrowDown");
    const first = await focused(page);
    assert.equal(first.cls, "wh-item", "ArrowDown moves from the search box into the results");
    await page.keyboard.press("ArrowUp");
    assert.equal((await focused(page)).id, "wh-search", "ArrowUp from the first result goes back to the box");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const heading = await focused(page);
    assert.equal(heading.tag, "h3", "the article's title takes focus");
    await tabTo(page, named(L.back), { back: true });
    await page.keyboard.press("Enter");
    const returned = await focused(page);
    assert.equal(returned.article, first.article, `Back returns to the result that was opened, not ${returned.tag}.${returned.cls} "${returned.text.slice(0, 30)}"`);
    await page.keyboard.press("Enter");
    await page.locator(".wh-article-title").waitFor();
    await tabTo(page, named(L.yes));
    await page.keyboard.press("Space");
    await page.locator(".wh-vote [role=status]").waitFor();
    const related = await tabTo(page, (f) => f.cls === "wh-link" && f.text !== heading.text);
    await page.keyboard.press("Enter");
    await page.locator(".wh-article-title").filter({ hasText: related.text }).waitFor();
    await assertOnHeading(page, "a related article");
    await tabTo(page, named(L.back), { back: true });
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).text, related.text, "Back returns to the related link that was followed");

    // Troubleshooter: arrows to the tab, a case walked to the ladder, the letter and back.
    await tabTo(page, (f) => f.role === "tab", { back: true });
    await page.keyboard.press("ArrowRight");
    assert.equal((await focused(page)).text, L.tabs.troubleshoot);
    assert.equal(await page.locator(".wh-body").evaluate((b) => b.scrollTop), 0, "a tab opens its view at the top");
    await tabTo(page, (f) => f.id === "wh-case-payment-failed");
    await page.keyboard.press("Enter");
    await page.locator(".wh-step").waitFor();
    await assertOnHeading(page, "a started case");
    for (let i = 0; i < 12 && await page.locator(".wh-step").count(); i++) {
      await tabTo(page, named(L.stillBroken));
      await page.keyboard.press("Enter");
      await assertOnHeading(page, `step ${i + 2} or the ladder`);
    }
    await page.locator(".wh-ladder").waitFor();
    await tabTo(page, named(L.writeLetter));
    await page.keyboard.press("Enter");
    await page.locator("#wh-letter-text").waitFor();
    await assertOnHeading(page, "the letter");
    await tabTo(page, named(L.back), { back: true });
    await page.keyboard.press("Enter");
    assert.match((await focused(page)).text, L.writeLetter, "Back from the letter returns to its link");
    await tabTo(page, named(L.openForm));
    await page.keyboard.press("Enter");
    await page.locator("#wh-f-steps").waitFor();
    await assertOnHeading(page, "the report form");
    // The steps tried: the articles read on the way and each step of the case.
    const tried = await page.locator("#wh-f-steps").inputValue();
    assert.ok(tried.split("\n").includes(L.tried), `the first step as what the user did: ${tried}`);
    assert.doesNotMatch(tried, /step:|article:/, "the user reads sentences, not references");

    // Checklist: a mark chosen with arrows, "why and how" opened, the verifier used.
    await tabTo(page, (f) => f.role === "tab", { back: true });
    await page.keyboard.press("ArrowLeft");
    assert.equal((await focused(page)).text, L.tabs.checklist);
    const score = page.locator(".wh-score");
    const before = await score.textContent();
    // Each habit's marks are one radio group: Tab stops on the checked mark, arrows change it.
    const radio = await tabTo(page, (f) => f.tag === "input" && f.checked);
    assert.equal(radio.label, L.markNotYet);
    await page.keyboard.press("ArrowLeft");
    assert.deepEqual([(await focused(page)).label, (await focused(page)).checked], [L.markDone, true]);
    const marked = await score.textContent();
    assert.notEqual(marked, before);
    await page.keyboard.press("ArrowRight");
    assert.equal((await focused(page)).label, L.markNotYet);
    assert.equal(await score.textContent(), before);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await score.textContent(), marked);
    await tabTo(page, (f) => f.tag === "summary");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".wh-check-item details[open]").count(), 1);
    await tabTo(page, named(L.checkContact));
    await page.keyboard.press("Enter");
    await tabTo(page, (f) => f.id === "wh-verify");
    await page.keyboard.type("support@tpwa11et.com");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").filter({ hasText: L.fake }).waitFor();
    await tabTo(page, named(L.backToChecklist), { back: true });
    await page.keyboard.press("Enter");
    await score.waitFor();

    // Contact: refused with errors, an error link to its field, fixed, sent.
    await tabTo(page, (f) => f.role === "tab", { back: true });
    await page.keyboard.press("End");
    assert.equal((await focused(page)).text, L.tabs.contact);
    await page.locator("#wh-f-description").waitFor();
    await tabTo(page, (f) => f.id === "wh-f-description");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    const stored = (await server.reports()).length;
    await tabTo(page, named(L.send));
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).cls, "wh-summary", "the error summary takes focus");
    await tabTo(page, (f) => f.tag === "a" && L.descriptionError.test(f.text), { max: 5 });
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).id, "wh-f-description");
    await page.keyboard.type(L.description);
    await tabTo(page, (f) => f.id === "wh-f-email");
    await page.keyboard.type("ana@example.com");
    await tabTo(page, (f) => f.id === "wh-f-consent");
    await page.keyboard.press("Space");
    assert.equal((await focused(page)).checked, true);
    await tabTo(page, named(L.send));
    await page.keyboard.press("Enter");
    const sent = page.locator(".wh-sent").filter({ hasText: /WH-[0-9A-Z]{8}/ });
    await sent.waitFor();
    assert.match((await focused(page)).cls, /wh-sent/, "the confirmation at the top takes focus, not the button below");
    // The collector is shared by both languages' runs, so the row is found by its reference.
    const reference = (await sent.textContent()).match(/WH-[0-9A-Z]{8}/)[0];
    const all = await server.reports();
    assert.equal(all.length, stored + 1, "the refused attempt stored nothing, the sent one exactly one row");
    const rows = all.filter((r) => r.reference === reference);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].report.description, L.description);
    assert.equal(rows[0].report.category, "transaction");
    assert.equal(rows[0].report.locale, L.tag);

    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    assert.equal((await focused(page)).cls, "wh-launcher");
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

/** Every view, reached by the JS API, and whether Esc closes the panel from it. */
const ESC_VIEWS = [
  ["FAQ home", (p) => p.evaluate(() => WalletHelp.open("faq"))],
  ["article", (p) => p.evaluate(() => WalletHelp.showArticle("real-support"))],
  ["troubleshooter", (p) => p.evaluate(() => WalletHelp.open("troubleshoot"))],
  ["a case", (p) => p.evaluate(() => WalletHelp.startCase("refund"))],
  ["checklist", (p) => p.evaluate(() => WalletHelp.open("checklist"))],
  ["contact", (p) => p.evaluate(() => WalletHelp.open("contact"))],
];

for (const L of LOCALES) {
  test(`${L.locale}: Esc closes the panel from every view, also when focus fell to the page`, async () => {
    const { page, context, log } = await openPage(browser, server.url + "/", { locale: L.locale });
    await launcher(page, L.launcher).waitFor();
    const dialog = page.getByRole("dialog");
    for (const [view, reach] of ESC_VIEWS) {
      for (const lost of [false, true]) {
        await reach(page);
        await dialog.waitFor();
        if (lost) {
          // As after a view change that removed the focused control. The view may still be
          // moving focus in when it appears, so the blur is repeated until focus stays out.
          await page.waitForFunction(() => {
            document.querySelector("wallet-help").shadowRoot.activeElement?.blur();
            return document.activeElement === document.body;
          }, null, { timeout: 2000 });
        }
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached", timeout: 2000 }).catch(() => {
          throw new Error(`${view}${lost ? " with focus on the page" : ""}: Esc did not close the panel`);
        });
      }
    }
    assert.deepEqual(log.console, []);
    await context.close();
  });
}

// Accessibility of every view on the demo page: axe-core finds no WCAG 2.2 AA violation in
// either language or theme; the live regions exist before they are needed and update; the
// reduced-motion preference switches animation off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// Panel background per theme, to be sure each scan saw the theme it is named after.
const PANEL_BG = { light: "rgb(255, 255, 255)", dark: "rgb(21, 24, 29)" };

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** axe on the widget only (the demo page around it is not ours); one line per problem. */
async function violations(page, view) {
  // The panel fades in: colours read mid-animation are blends, not the theme's.
  await page.evaluate(() => Promise.all(document.querySelector("wallet-help").shadowRoot.getAnimations().map((a) => a.finished)));
  const result = await new AxeBuilder({ page }).include("wallet-help").withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} at ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`));
}

/** The landmark rules, over the whole page: the widget must add no landmark of its own. */
const LANDMARK_RULES = [
  "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-unique",
  "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level", "landmark-main-is-top-level",
  "landmark-complementary-is-top-level", "landmark-one-main",
];

/** axe on the whole page, host landmarks included: the WCAG rules and the landmark rules. */
async function pageViolations(page, view) {
  await page.evaluate(() => Promise.all(document.querySelector("wallet-help").shadowRoot.getAnimations().map((a) => a.finished)));
  const wcag = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const landmarks = await new AxeBuilder({ page }).withRules(LANDMARK_RULES).analyze();
  return [...wcag.violations, ...landmarks.violations].flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} at ${n.target.join(" ")}`));
}

/** Presses a view's secondary button ("still broken") until the case reaches its ladder. */
async function walkToLadder(page) {
  const broken = page.locator(".wh-step .wh-actions .wh-secondary");
  for (let i = 0; i < 20 && await broken.count(); i++) await broken.click();
  await page.locator(".wh-ladder").waitFor();
}

/**
 * Every view, reached through the JS API and CSS hooks so the same walk works in both
 * languages. Each step waits for its view before axe looks at it.
 */
const VIEWS = [
  ["launcher only", async (page) => { await launcher(page).waitFor(); }],
  ["FAQ home", async (page) => { await page.evaluate(() => WalletHelp.open("faq")); await page.locator(".wh-topics").waitFor(); }],
  ["topic", async (page) => { await page.locator(".wh-topic-button").first().click(); await page.locator(".wh-topic h3").waitFor(); }],
  ["search results", async (page) => {
    await page.locator(".wh-topic .wh-back").click();
    await page.locator(".wh-search input").fill("pending");
    await page.locator(".wh-results .wh-item").first().waitFor();
  }],
  ["no results", async (page) => { await page.locator(".wh-search input").fill("qqzzxx"); await page.locator(".wh-empty").waitFor(); }],
  ["article", async (page) => { await page.evaluate(() => WalletHelp.showArticle("real-support")); await page.locator(".wh-article").waitFor(); }],
  ["article voted", async (page) => { await page.locator(".wh-vote .wh-button").last().click(); await page.locator(".wh-vote [role=status]").waitFor(); }],
  ["troubleshoot start", async (page) => { await page.evaluate(() => WalletHelp.open("troubleshoot")); await page.locator("#wh-case-refund").waitFor(); }],
  ["troubleshoot step", async (page) => { await page.locator("#wh-case-refund").click(); await page.locator(".wh-step").waitFor(); }],
  ["troubleshoot urgent step", async (page) => { await page.evaluate(() => WalletHelp.startCase("account-stolen")); await page.locator(".wh-step.wh-urgent").waitFor(); }],
  ["troubleshoot ladder", async (page) => { await page.evaluate(() => WalletHelp.startCase("refund")); await walkToLadder(page); }],
  ["complaint letter", async (page) => { await page.locator(".wh-ladder li .wh-link").first().click(); await page.locator("#wh-letter-text").waitFor(); }],
  ["checklist", async (page) => {
    await page.evaluate(() => WalletHelp.open("checklist"));
    await page.locator(".wh-score").waitFor();
    await page.locator(".wh-check-item input[type=radio]").first().check();
    await page.locator(".wh-check-item summary").first().click();
  }],
  ["verifier", async (page) => {
    await page.locator(".wh-check-item .wh-button").first().click();
    await page.locator("#wh-verify").fill("tpwallet-support.com");
    await page.locator(".wh-verify-form button[type=submit]").click();
    await page.locator(".wh-verdict").waitFor();
  }],
  ["contact form with errors", async (page) => {
    await page.evaluate(() => WalletHelp.open("contact"));
    await page.locator(".wh-contact button[type=submit]").click();
    await page.locator(".wh-summary").waitFor();
  }],
  ["secret guard", async (page) => {
    await page.locator("#wh-f-steps").fill("abandon ability able about above absent absorb abstract absurd abuse access accident");
    await page.locator(".wh-guard").waitFor();
    await page.locator(".wh-guard .wh-button").click();
  }],
  ["sent report", async (page) => {
    await page.locator("#wh-f-category").selectOption("transaction");
    await page.locator("#wh-f-description").fill("I sent 250 USDT on TRON at 14:05 and it never arrived.");
    await page.locator("#wh-f-email").fill("ana@example.com");
    await page.locator("#wh-f-consent").check();
    await page.locator(".wh-contact button[type=submit]").click();
    await page.locator(".wh-sent").filter({ hasText: /WH-\w+/ }).waitFor();
  }],
  ["my reports", async (page) => { await page.locator(".wh-contact-head .wh-link").click(); await page.locator(".wh-report").first().waitFor(); }],
];

for (const theme of ["light", "dark"]) {
  for (const locale of ["en-US", "zh-CN"]) {
    test(`axe: no WCAG 2.2 AA violation on any view, ${theme} theme, ${locale}`, async () => {
      const { page, context, log } = await openPage(browser, server.url + "/", { locale, colorScheme: theme });
      const found = [];
      for (const [view, reach] of VIEWS) {
        await reach(page);
        if (view === "FAQ home") {
          assert.equal(await page.locator(".wh-panel").evaluate((el) => getComputedStyle(el).backgroundColor), PANEL_BG[theme]);
        }
        found.push(...await violations(page, view));
      }
      assert.deepEqual(found, []);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

test("axe on a host page with its own header, nav, main and footer: no duplicate banner, every landmark unique, on every view", async () => {
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block" });
  await context.route(/\/hosts\/landmarks\.html$/, (route) => route.fulfill({
    status: 200, contentType: "text/html; charset=utf-8",
    body: readFileSync(join(ROOT, "tests", "e2e", "hosts", "landmarks.html")),
  }));
  const page = await context.newPage();
  await page.goto(server.url + "/hosts/landmarks.html");
  const found = [];
  for (const [view, reach] of VIEWS) {
    await reach(page);
    found.push(...await pageViolations(page, view));
  }
  assert.deepEqual(found, []);
  await context.close();
});

test("axe: the full-screen panel on a phone has no violation either", async () => {
  const { page, context } = await openPage(browser, server.url + "/", { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const found = [];
  for (const [view, reach] of VIEWS.slice(0, 9)) {
    await reach(page);
    found.push(...await violations(page, view));
  }
  assert.deepEqual(found, []);
  await context.close();
});

/** Marks a node so a later check can tell whether it is still the same node. */
const tag = (loc) => loc.evaluate((el) => { el.dataset.e2eSame = "1"; });
const same = async (loc) => (await loc.getAttribute("data-e2e-same")) === "1";

test("live regions: search counts, form errors and delivery status are announced from regions already in place", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  // The result count: an empty status region on the FAQ home, before any query.
  const count = page.locator(".wh-faq [role=status]");
  await page.locator(".wh-topics").waitFor();
  assert.equal(await count.count(), 1);
  assert.equal(await count.textContent(), "");
  await tag(count);
  await page.getByRole("searchbox").pressSequentially("pend");
  await page.locator(".wh-results").waitFor();
  const first = await count.textContent();
  assert.match(first, /\d+ (article|result)/i);
  await page.getByRole("searchbox").fill("qqzzxx");
  await page.locator(".wh-empty").waitFor();
  assert.notEqual(await count.textContent(), first);
  assert.match(await count.textContent(), /\b(0|no)\b/i);
  assert.ok(await same(count), "the same region was updated, not replaced");

  // Form errors: an alert that lists them and takes focus.
  await page.getByRole("tab", { name: "Contact" }).click();
  const delivery = page.locator(".wh-contact-view > [role=status]");
  assert.equal(await delivery.count(), 1, "the delivery status region is there before sending");
  assert.equal((await delivery.textContent()).trim(), "");
  await tag(delivery);
  await page.getByRole("button", { name: "Send report" }).click();
  const summary = page.getByRole("alert").filter({ has: page.locator("ul") });
  await summary.waitFor();
  assert.ok((await summary.locator("li").count()) >= 2);
  assert.equal(await page.evaluate(() => document.querySelector("wallet-help").shadowRoot.activeElement?.className), "wh-summary");

  // Delivery: the status region fills in and ends with the server's reference.
  await page.locator("#wh-f-category").selectOption("transaction");
  await page.locator("#wh-f-description").fill("I sent 250 USDT on TRON at 14:05 and it never arrived.");
  await page.locator("#wh-f-email").fill("ana@example.com");
  await page.locator("#wh-f-consent").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await delivery.filter({ hasText: /WH-\w+/ }).waitFor();
  assert.ok(await same(delivery), "the delivery status region was updated, not replaced");
  assert.equal(await summary.count(), 0, "the errors are gone");
  assert.deepEqual(log.console, []);
  await context.close();
});

/** Animation and transition durations of the panel, the launcher and a button in it. */
const motion = (page) => page.evaluate(() => {
  const root = document.querySelector("wallet-help").shadowRoot;
  return [".wh-panel", ".wh-launcher", ".wh-close"].map((sel) => {
    const s = getComputedStyle(root.querySelector(sel));
    return `${sel} ${s.animationName} ${s.animationDuration} ${s.transitionDuration}`;
  });
});

test("prefers-reduced-motion: reduce switches the panel's animation off; without it the panel animates", async () => {
  const reduced = await openPage(browser, server.url + "/", { reducedMotion: "reduce" });
  await launcher(reduced.page).click();
  await reduced.page.getByRole("dialog").waitFor();
  assert.deepEqual(await motion(reduced.page), [".wh-panel none 0s 0s", ".wh-launcher none 0s 0s", ".wh-close none 0s 0s"]);
  assert.equal(await reduced.page.locator(".wh-panel").evaluate((el) => el.getAnimations().length), 0);
  await reduced.context.close();

  // The same measure sees the animation when motion is fine, so the check above can fail.
  const moving = await openPage(browser, server.url + "/", { reducedMotion: "no-preference" });
  await launcher(moving.page).click();
  await moving.page.getByRole("dialog").waitFor();
  const [panel] = await motion(moving.page);
  assert.match(panel, /^\.wh-panel wh-in 0\.14s/);
  await moving.context.close();
});

// Shared e2e fixtures: a collector serving dist/ on a free port with a throw-away database,
// and Debian's Chromium driven by playwright-core.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef0123";
const COLLECTOR = join(ROOT, "target", "debug", "wallet-help-collector");

/** Starts the collector on 127.0.0.1 with a free port; resolves once it prints its address. */
export async function startCollector(site = join(ROOT, "dist")) {
  if (!existsSync(join(site, "wallet-help", "wallet-help.js"))) {
    throw new Error(`${site} is not built: run \`make dist\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), "wallet-help-e2e-"));
  const child = spawn(COLLECTOR, [
    "--addr", "127.0.0.1:0", "--db", join(dir, "reports.sqlite3"),
    "--site", site, "--admin-token", ADMIN_TOKEN,
    // Every test posts from 127.0.0.1, some a hundred reports in a minute.
    "--rate-limit", "100000",
  ], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c) => { stderr += c; });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("collector did not start: " + out)), 15000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`collector exited (${code}): ${out}${stderr}`)); });
  });
  return {
    url,
    /** Every stored report, newest first, page after page. */
    async reports() {
      const all = [];
      for (let cursor = null; ;) {
        const query = "?limit=200" + (cursor ? "&cursor=" + cursor : "");
        const res = await fetch(url + "/api/reports" + query, { headers: { authorization: "Bearer " + ADMIN_TOKEN } });
        if (res.status !== 200) throw new Error("listing reports: HTTP " + res.status);
        const page = await res.json();
        all.push(...page.reports);
        if (!page.next_cursor) return all;
        cursor = page.next_cursor;
      }
    },
    async stop() {
      child.removeAllListeners("exit");
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r).once("error", r) && setTimeout(r, 2000));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page that records console messages, page errors and requested URLs. `init` is a
 *  script run in every page of the context before its own (e.g. to take a browser feature
 *  away). */
export async function openPage(browser, url, { locale = "en-US", viewport, serviceWorkers = "block", init, ...contextOptions } = {}) {
  // Service workers are off unless a test is about them: they would answer requests that
  // tests reroute with page.route(). Other context options (colorScheme, reducedMotion,
  // isMobile...) pass through unchanged.
  const context = await browser.newContext({ locale, viewport, serviceWorkers, ...contextOptions });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [] };
  page.on("console", (m) => {
    // Playwright's own notice when it blocks the worker is not the widget's output.
    if (m.text() === "Service Worker registration blocked by Playwright") return;
    if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(url);
  return { page, context, log };
}

/** Waits until the page's service worker is active and its caches hold `pages` (URLs): what a
 *  visitor has once the first visit is over. */
export async function waitForOfflineCopy(page, ...pages) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async (urls) => {
    for (const url of urls) if (!(await caches.match(url))) return false;
    const keys = await caches.keys();
    return keys.some((k) => /^wallet-help-[0-9a-f]{8}$/.test(k));
  }, pages, { polling: 100, timeout: 15000 });
}

/** The launcher button inside the widget's shadow root (Playwright locators pierce it). */
export const launcher = (page, name = /^(Help|帮助)$/) => page.getByRole("button", { name });

/** Waits until `locator` is wholly inside the box that scrolls it (the panel's body), so a
 *  sighted user sees it without scrolling; fails with where it is after `ms`. */
export async function waitInView(locator, ms = 2000) {
  let where;
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    where = await locator.evaluate((el) => {
      let box = el.parentElement;
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
      const a = el.getBoundingClientRect();
      const b = box ? box.getBoundingClientRect() : { top: 0, bottom: innerHeight };
      return { top: a.top, bottom: a.bottom, viewTop: b.top, viewBottom: b.bottom };
    });
    // One pixel of slack: layout positions are fractional, scroll offsets whole.
    if (where.top >= where.viewTop - 1 && where.bottom <= where.viewBottom + 1) return;
  }
  throw new Error(`not in view: ${JSON.stringify(where)}`);
}

/** The support team's side: a browser context of its own, signed in to the inbox with
 *  `token` through the sign-in form. */
export async function signIn(browser, url, token = ADMIN_TOKEN) {
  const { page, context, log } = await openPage(browser, url + "/inbox");
  await page.getByLabel("Access token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Reports" }).waitFor();
  return { page, context, log };
}

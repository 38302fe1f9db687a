// Performance report: gzip sizes of what a visitor downloads (scripts/sizes.mjs), how long the
// panel takes to appear after a click, the memory the open widget holds, and what the widget
// costs the host page (Lighthouse's total blocking time with and without the tag), measured
// in headless Chromium against the demo. Prints numbers and the README budgets beside them;
// it does not fail on times (they vary by machine). `make check-sizes` is the size gate.
import { readFileSync, writeFileSync, mkdirSync, rmSync, mkdtempSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage } from "../tests/e2e/support.mjs";
import { measure, readBudgets, printSizes, readViews } from "./sizes.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 9);
const LH_RUNS = Number(process.env.LH_RUNS || 5);
const LIGHTHOUSE = process.env.LIGHTHOUSE; // path of the CLI; unset skips that part
const FIRST_OPEN_BUDGET_MS = 150;
const PHONE_RUNS = Number(process.env.PHONE_RUNS || 5);
const PHONE_BUDGET_MS = 1500;
const BASELINE = process.env.BASELINE;

/** PHONE_RUNS taps to a usable FAQ on the phone profile against the demo at `url`, in ms. */
async function tapToFaq(browser, url) {
  const times = [];
  for (let i = 0; i < PHONE_RUNS; i++) {
    const { page, context } = await openPage(browser, url + "/");
    await page.waitForLoadState("networkidle");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const root = document.querySelector("wallet-help").shadowRoot;
      const t0 = performance.now();
      root.querySelector(".wh-launcher").click();
      const ready = () => root.activeElement?.id === "wh-search" ? resolve(performance.now() - t0) : requestAnimationFrame(ready);
      ready();
    })));
    await context.close();
  }
  return times;
}

const DIST = join(ROOT, "dist");
const dir = join(DIST, "wallet-help");
const sizes = measure(dir);
const glue = sizes.find((s) => /^wallet_help\.[0-9a-f]+\.js$/.test(s.file))?.file;
if (!glue) throw new Error("no hashed glue (wallet_help.<hash>.js) in dist/wallet-help: run `make dist`");

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const MiB = (n) => `${(n / 1048576).toFixed(2)} MiB`;

// Time from the launcher's click to the first frame after the panel is rendered.
const clickToPanel = (page) => page.evaluate(() => new Promise((resolve) => {
  const button = document.querySelector("wallet-help").shadowRoot.querySelector(".wh-launcher");
  const t0 = performance.now();
  window.addEventListener("wallet-help:open", () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
  button.click();
}));

// The Wasm's linear memory: importing the glue again returns the same module instance (the
// module map), and its init returns the instance's exports once loaded, memory included.
const wasmMemory = (page, url) => page.evaluate(async (u) => (await (await import(u)).default()).memory.buffer.byteLength, url);

async function jsHeap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize").value;
}

/** Lighthouse's performance run on `url`; resolves to its JSON report. */
function lighthouse(url) {
  const out = join(mkdtempSync(join(tmpdir(), "wallet-help-lh-")), "report.json");
  const args = [url, "--output=json", `--output-path=${out}`, "--only-categories=performance", "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"];
  return new Promise((resolve, reject) => {
    const child = spawn(LIGHTHOUSE, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (c) => { err += c; });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${err}`));
      const report = JSON.parse(readFileSync(out, "utf8"));
      rmSync(join(out, ".."), { recursive: true, force: true });
      resolve(report);
    });
  });
}

// The same demo page three ways: as shipped, without the widget's tag, and with the Wasm
// fetched in idle time (data-prefetch="idle") instead of on the first interaction.
const TAG = /<script src="\/wallet-help\/wallet-help\.js"[^>]*><\/script>/;
const index = readFileSync(join(DIST, "index.html"), "utf8");
if (!TAG.test(index)) throw new Error("dist/index.html: the widget's <script> tag was not found");
const variants = {
  "with the widget": "/",
  "without the widget": "/bench-no-widget.html",
  "with data-prefetch=idle": "/bench-prefetch-idle.html",
};
writeFileSync(join(DIST, "bench-no-widget.html"), index.replace(TAG, ""));
writeFileSync(join(DIST, "bench-prefetch-idle.html"), index.replace(TAG, (t) => t.replace(" defer", ' defer data-prefetch="idle"')));

const server = await startCollector();
const first = [], again = [], memory = [], heap = [], phone = [], baseline = [], tbt = {};
try {
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new context each run: empty HTTP cache, so the first open includes the download.
      const { page, context } = await openPage(browser, server.url + "/");
      await page.waitForLoadState("networkidle");
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const heapBefore = await jsHeap(cdp);
      first.push(await clickToPanel(page));
      memory.push(await wasmMemory(page, `${server.url}/wallet-help/${glue}`));
      heap.push((await jsHeap(cdp)) - heapBefore);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });
      again.push(await clickToPanel(page));
      await context.close();
    }
    // Tap to a usable FAQ (the search box has focus: the app is mounted and listening) on a
    // phone profile: 1.6 Mbps down, 150 ms round trip, a 4× slower CPU, the files served
    // compressed (the collector sends the .br/.gz copies), an empty cache, no service worker.
    phone.push(...await tapToFaq(browser, server.url));
    // BASELINE=<a dist/ folder of another build>: that build measured the same way, in turn.
    if (BASELINE) {
      const other = await startCollector(BASELINE);
      try {
        baseline.push(...await tapToFaq(browser, other.url));
      } finally {
        await other.stop();
      }
    }
  } finally {
    await browser.close();
  }
  if (LIGHTHOUSE) {
    for (const [name, path] of Object.entries(variants)) {
      tbt[name] = [];
      for (let i = 0; i < LH_RUNS; i++) {
        const report = await lighthouse(server.url + path);
        tbt[name].push(report.audits["total-blocking-time"].numericValue);
      }
    }
  }
} finally {
  await server.stop();
  for (const f of ["bench-no-widget.html", "bench-prefetch-idle.html"]) rmSync(join(DIST, f), { force: true });
}

const budgets = readBudgets();
console.log(`wallet-help benchmark (${RUNS} runs, headless Chromium, localhost)\n`);
const over = printSizes(sizes, budgets, console.log, readViews(dir));
const row = (label, value, budget = "") => console.log(`${label.padEnd(32)} ${value.padStart(21)}   ${budget}`);
console.log("");
row("first open, median", `${median(first).toFixed(1)} ms`, `≤ ${FIRST_OPEN_BUDGET_MS} ms ${median(first) <= FIRST_OPEN_BUDGET_MS ? "ok" : "OVER"}`);
row("first open, max", `${Math.max(...first).toFixed(1)} ms`);
row("re-open, median", `${median(again).toFixed(1)} ms`);
row(`tap to FAQ on a phone, median of ${PHONE_RUNS}`, `${median(phone).toFixed(0)} ms`, `≤ ${PHONE_BUDGET_MS} ms ${median(phone) <= PHONE_BUDGET_MS ? "ok" : "OVER"} (runs: ${phone.map((x) => x.toFixed(0)).join(", ")})`);
if (BASELINE) row("  the same, BASELINE build", `${median(baseline).toFixed(0)} ms`, `(runs: ${baseline.map((x) => x.toFixed(0)).join(", ")}; ${BASELINE})`);
row("Wasm memory after open", MiB(median(memory)));
row("JS heap growth after open", MiB(median(heap)));
if (LIGHTHOUSE) {
  console.log(`\nHost page total blocking time (Lighthouse 12, simulated mobile throttling, median of ${LH_RUNS}):`);
  for (const [name, xs] of Object.entries(tbt)) row(`  ${name}`, `${median(xs).toFixed(0)} ms`, `runs: ${xs.map((x) => x.toFixed(0)).join(", ")}`);
} else {
  console.log("\n(LIGHTHOUSE unset: no total blocking time; `make bench` installs and sets it)");
}
if (over.length) console.log(`\nOver budget: ${over.join("; ")}.`);

mkdirSync(join(ROOT, "target"), { recursive: true });
writeFileSync(join(ROOT, "target", "bench.json"), JSON.stringify({
  sizes, budgets, firstOpenMs: first, reopenMs: again, phoneTapToFaqMs: phone, baselinePhoneTapToFaqMs: baseline, wasmMemoryBytes: memory, jsHeapGrowthBytes: heap, totalBlockingTimeMs: tbt,
}, null, 2));

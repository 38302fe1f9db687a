// Performance report: gzip sizes of what a visitor downloads, and how long the panel takes
// to appear after a click, measured in headless Chromium against the demo. Prints numbers
// and the README budgets beside them; it does not fail on times (they vary by machine).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage } from "../tests/e2e/support.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 9);
const KB = 1024;
const BUDGET = { loader: 2 * KB, total: 120 * KB, firstOpenMs: 150 };

const dir = join(ROOT, "dist", "wallet-help");
const files = { loader: "wallet-help.js", css: "wallet-help.css", glue: "wallet_help.js", wasm: "wallet_help_bg.wasm" };
const sizes = {};
for (const [name, file] of Object.entries(files)) {
  const raw = readFileSync(join(dir, file));
  sizes[name] = { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
}
const totalGz = Object.values(sizes).reduce((n, s) => n + s.gz, 0);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Time from the launcher's click to the first frame after the panel is rendered.
const clickToPanel = (page) => page.evaluate(() => new Promise((resolve) => {
  const button = document.querySelector("wallet-help").shadowRoot.querySelector(".wh-launcher");
  const t0 = performance.now();
  window.addEventListener("wallet-help:open", () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
  button.click();
}));

const server = await startCollector();
const browser = await launchBrowser();
const first = [], again = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // A new context each run: empty HTTP cache, so the first open includes the download.
    const { page, context } = await openPage(browser, server.url + "/");
    await page.waitForLoadState("networkidle");
    first.push(await clickToPanel(page));
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    again.push(await clickToPanel(page));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const row = (label, value, budget) =>
  console.log(`${label.padEnd(28)} ${value.padStart(12)}   ${budget ?? ""}`);
console.log(`wallet-help benchmark (${RUNS} runs, headless Chromium, localhost)\n`);
row("asset", "gzip bytes", "budget");
for (const [name, s] of Object.entries(sizes)) {
  row(`  ${files[name]}`, String(s.gz), name === "loader" ? `≤ ${BUDGET.loader} ${s.gz <= BUDGET.loader ? "ok" : "OVER"}` : "");
}
row("  total", String(totalGz), `≤ ${BUDGET.total} ${totalGz <= BUDGET.total ? "ok" : "OVER"}`);
row("first open, median", `${median(first).toFixed(1)} ms`, `≤ ${BUDGET.firstOpenMs} ms ${median(first) <= BUDGET.firstOpenMs ? "ok" : "OVER"}`);
row("first open, max", `${Math.max(...first).toFixed(1)} ms`);
row("re-open, median", `${median(again).toFixed(1)} ms`);

mkdirSync(join(ROOT, "target"), { recursive: true });
writeFileSync(join(ROOT, "target", "bench.json"), JSON.stringify({ sizes, totalGz, firstOpenMs: first, reopenMs: again }, null, 2));

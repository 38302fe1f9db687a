// What `make dist` ships: content-hashed file names pinned by sha384 integrity, a loader that
// refuses altered files without breaking the host page, a warning when the loader and the Wasm
// come from different releases, and the size budget gate.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher } from "./support.mjs";
import { readBudgets } from "../../scripts/sizes.mjs";

const DIR = join(ROOT, "dist", "wallet-help");
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const loaderText = () => readFileSync(join(DIR, "wallet-help.js"), "utf8");
/** The [name, integrity] pairs the built loader carries. */
const pinned = () => [...loaderText().matchAll(/"(wallet[-_]help(?:_bg)?\.[0-9a-f]{8}\.(?:css|js|wasm))","(sha384-[\w+/=]+)"/g)].map((m) => [m[1], m[2]]);
const named = (ext) => pinned().find(([name]) => name.endsWith(ext))[0];

let server, browser;
before(async () => { server = await startCollector(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** Resolves with the message of the widget's next `wallet-help:error` event. */
const nextError = (page) => page.evaluate(() => new Promise((resolve) => {
  window.addEventListener("wallet-help:error", (e) => resolve(e.detail.message), { once: true });
}));

/** Serves `pattern` with the real response's body passed through `change`. */
const tamper = (page, pattern, change) => page.route(pattern, async (route) => {
  const response = await route.fetch();
  await route.fulfill({ response, body: change(await response.body()) });
});

test("the built loader pins content-hashed files that exist, and the demo page pins the loader", () => {
  const files = pinned();
  assert.deepEqual(files.map(([n]) => n.replace(/\.[0-9a-f]{8}\./, ".")), ["wallet-help.css", "wallet_help.js", "wallet_help_bg.wasm"]);
  for (const [name, integrity] of files) {
    assert.ok(existsSync(join(DIR, name)), `${name} exists`);
    assert.equal(sri(readFileSync(join(DIR, name))), integrity, `${name} matches its integrity`);
  }
  assert.ok(!/__WALLET_HELP_BUILD__/.test(loaderText()), "no placeholder left in the loader");
  for (const old of ["wallet_help.js", "wallet_help_bg.wasm", "wallet-help.css"]) assert.ok(!existsSync(join(DIR, old)), `no un-hashed ${old}`);

  const html = readFileSync(join(ROOT, "dist", "index.html"), "utf8");
  const tag = /<script src="\/wallet-help\/wallet-help\.js" integrity="([^"]+)" crossorigin="anonymous"/.exec(html);
  assert.ok(tag, "the demo's tag carries integrity and crossorigin");
  assert.equal(tag[1], sri(readFileSync(join(DIR, "wallet-help.js"))));

  // The service worker caches exactly these names (and the loader).
  const sw = readFileSync(join(ROOT, "dist", "sw.js"), "utf8");
  const build = JSON.parse(/const BUILD = (\{.*\});/.exec(sw)[1]);
  assert.deepEqual(build.hashed, files.map(([n]) => n));
  assert.equal(build.loader, "wallet-help.js");
});

test("the glue and the Wasm are fetched once each, by their hashed names, under the strict CSP", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  for (const ext of [".css", ".js", ".wasm"]) {
    const url = `${server.url}/wallet-help/${named(ext)}`;
    assert.equal(log.requests.filter((u) => u === url).length, 1, `${named(ext)} requested once`);
  }
  const preload = await page.locator('link[rel="modulepreload"]').getAttribute("integrity");
  assert.equal(preload, pinned().find(([n]) => n.endsWith(".js"))[1]);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an altered Wasm is refused: a console error names the file and the fix, the launcher stays", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  await tamper(page, "**/*.wasm", (body) => { body[body.length - 1] ^= 1; return body; });
  const wasm = named(".wasm");
  let failed = nextError(page);
  await launcher(page).click();
  const message = await failed;
  assert.match(message, new RegExp(`^${wasm.replace(/\./g, "\\.")} did not load or failed its integrity check .*deploy wallet-help\\.js with the files of its own build, unchanged$`));
  assert.ok(log.console.includes(`error: [wallet-help] ${message}`), log.console.join("\n"));
  assert.equal(await page.getByRole("dialog").count(), 0);
  // The page is unharmed and the next click tries again (and fails the same way).
  assert.deepEqual(log.errors, []);
  failed = nextError(page);
  await launcher(page).click();
  assert.equal(await failed, message);
  assert.ok(await launcher(page).isVisible());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an altered glue module is refused before it runs, and the Wasm is never fetched", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  // Code an attacker would like to run: it must never execute.
  await tamper(page, `**/${named(".js")}`, (body) => Buffer.concat([body, Buffer.from("\nwindow.tampered = true;\n")]));
  const failed = nextError(page);
  await launcher(page).click();
  assert.match(await failed, new RegExp(`^${named(".js").replace(/\./g, "\\.")} did not load or failed its integrity check`));
  assert.equal(await page.evaluate(() => window.tampered), undefined);
  assert.deepEqual(log.requests.filter((u) => u.endsWith(".wasm")), []);
  assert.ok(await launcher(page).isVisible());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a browser without modulepreload, which could not check the glue, does not load it", async () => {
  const { page, context, log } = await openPage(browser, "about:blank");
  await page.addInitScript(() => {
    const supports = DOMTokenList.prototype.supports;
    DOMTokenList.prototype.supports = function (token) { return token !== "modulepreload" && supports.call(this, token); };
  });
  await page.goto(server.url + "/");
  const failed = nextError(page);
  await launcher(page).click();
  assert.match(await failed, /^wallet_help\.[0-9a-f]{8}\.js did not load or failed its integrity check \(no modulepreload in this browser\)/);
  assert.deepEqual(log.requests.filter((u) => /wallet_help/.test(u)), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a loader that differs from the one the page pins does not run", async () => {
  const { page, context, log } = await openPage(browser, "about:blank");
  await tamper(page, "**/wallet-help/wallet-help.js", (body) => Buffer.concat([body, Buffer.from("\n")]));
  await page.goto(server.url + "/");
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator("wallet-help").count(), 0);
  assert.equal(await page.evaluate(() => typeof window.WalletHelp), "undefined");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a loader from another release than the Wasm warns with the fix, and the widget still works", async () => {
  const { page, context, log } = await openPage(browser, "about:blank");
  // An old loader: another version in its build record; the page then cannot pin it.
  await tamper(page, "**/wallet-help/wallet-help.js", (body) => Buffer.from(body.toString().replace(/\{v:"[^"]+"/, '{v:"0.0.9"')));
  await tamper(page, server.url + "/", (body) => Buffer.from(body.toString().replace(/ integrity="[^"]+"/, "")));
  await page.goto(server.url + "/");
  assert.equal(await page.evaluate(() => WalletHelp.version), "0.0.9");
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  const version = /\{v:"([^"]+)"/.exec(loaderText())[1];
  assert.deepEqual(log.console, [
    `warning: [wallet-help] wallet-help.js is version 0.0.9 but the app is ${version}: deploy all files of one release together`,
  ]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// The size gate, on folders made up for it.
function sizes(files) {
  const dir = mkdtempSync(join(tmpdir(), "wallet-help-sizes-"));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    return spawnSync(process.execPath, [join(ROOT, "scripts", "sizes.mjs"), dir], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The budgets come from the README, so the made-up files are sized against them.
const budgets = readBudgets();
const num = (n) => n.toLocaleString("en-US");

test("the size gate passes files within the README's budgets", () => {
  // Zeros compress to almost nothing; config.json is not shipped code and is not counted.
  const run = sizes({ "wallet-help.js": "/*! loader */ void 0;\n", "wallet_help_bg.0123abcd.wasm": Buffer.alloc(budgets.total), "config.json": randomBytes(budgets.total) });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`^everything .*≤ ${num(budgets.total)}  ok$`, "m"));
});

test("the size gate fails an over-budget widget and an over-budget loader", () => {
  // Random bytes do not compress, so these are over the budget by about 1 KB.
  const big = sizes({ "wallet-help.js": "void 0;\n", "wallet_help_bg.0123abcd.wasm": randomBytes(budgets.total + 1024) });
  assert.equal(big.status, 1, big.stdout + big.stderr);
  assert.match(big.stdout, /^everything .*OVER by/m);
  assert.match(big.stderr, new RegExp(`the widget is [\\d,]+ B gzip, budget ${num(budgets.total)}`));

  const loader = sizes({ "wallet-help.js": randomBytes(budgets.loader + 50) });
  assert.equal(loader.status, 1, loader.stdout + loader.stderr);
  assert.match(loader.stderr, new RegExp(`wallet-help\\.js is [\\d,]+ B gzip, budget ${num(budgets.loader)}`));
});

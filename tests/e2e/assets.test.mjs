// What `make dist` ships: content-hashed file names pinned by sha384 integrity, a loader that
// refuses altered files without breaking the host page, a warning when the loader and the Wasm
// come from different releases, and the size budget gate.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
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

/** Serves `pattern` with one byte of the real body flipped (at `at`, from the end when
 *  negative) until the returned function is called: then the file is right again. */
async function alterUntilFixed(page, pattern, at) {
  let altered = true;
  await page.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    if (altered) body[at < 0 ? body.length + at : at] ^= 1;
    await route.fulfill({ response, body });
  });
  return () => { altered = false; };
}

/** Serves `pattern` with the real response's body passed through `change`. */
const tamper = (page, pattern, change) => page.route(pattern, async (route) => {
  const response = await route.fetch();
  await route.fulfill({ response, body: change(await response.body()) });
});

test("the built loader pins content-hashed files that exist, and the demo page pins the loader", () => {
  const files = pinned();
  assert.deepEqual(files.map(([n]) => n.replace(/\.[0-9a-f]{8}\./, ".")), ["wallet-help.css", "wallet_help.js", "wallet_help_bg.wasm"]);
  // The parts loaded on demand are pinned by the glue, with the integrity of what is on disk.
  const glue = readFileSync(join(DIR, files[1][0]), "utf8");
  const parts = [...glue.matchAll(/"\.\/((?:split|chunk)_\w+\.[0-9a-f]{8}\.wasm)"[^"]*"(sha384-[^"]+)"/g)].map((m) => [m[1], m[2]]);
  assert.ok(parts.some(([n]) => n.startsWith("split_contact.")), "the contact view is a part of its own");
  assert.deepEqual(parts.map(([n]) => n).sort(), readdirSync(DIR).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort());
  for (const [name, integrity] of parts) assert.equal(sri(readFileSync(join(DIR, name))), integrity, `${name} matches its integrity`);
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
  assert.deepEqual(build.hashed, files.map(([n]) => n).concat(parts.map(([n]) => n).sort()));
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

/** The [name, integrity] pairs of the content files, as the built glue pins them. */
const contentPins = () => [...readFileSync(join(DIR, named(".js")), "utf8").matchAll(/"(content-([\w-]+)\.[0-9a-f]{8}\.txt)","(sha384-[\w+/=]+)"/g)]
  .map((m) => ({ file: m[1], tag: m[2], integrity: m[3] }));

test("each language's content is its own file, pinned by the glue; a reader fetches only theirs", async () => {
  const pins = contentPins();
  assert.deepEqual(pins.map((p) => p.tag), ["en", "zh-CN", "zh-TW"]);
  for (const p of pins) assert.equal(sri(readFileSync(join(DIR, p.file))), p.integrity, `${p.file} is pinned by its bytes`);
  const count = (log, tag) => log.requests.filter((u) => u === `${server.url}/wallet-help/${pins.find((p) => p.tag === tag).file}`).length;
  const fetched = (log) => ["en", "zh-CN", "zh-TW"].map((tag) => count(log, tag));
  const { page, context, log } = await openPage(browser, server.url + "/");
  await launcher(page).click();
  await page.getByRole("searchbox").waitFor();
  assert.deepEqual(fetched(log), [1, 0, 0], "only English for an English browser");
  // Switching language fetches the other file once, and shows it; switching back fetches nothing.
  await page.evaluate(() => window.WalletHelp.setLocale("zh-CN"));
  await page.getByRole("tab", { name: "常见问题" }).waitFor();
  await page.getByRole("searchbox").fill("退款");
  await page.locator(".wh-results .wh-item").first().waitFor();
  await page.evaluate(() => window.WalletHelp.setLocale("en"));
  await page.getByRole("tab", { name: "Questions" }).waitFor();
  assert.deepEqual(fetched(log), [1, 1, 0]);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();

  // A Chinese browser fetches only the Chinese file, before the app asks for it.
  const zh = await openPage(browser, server.url + "/", { locale: "zh-CN" });
  await launcher(zh.page).click();
  await zh.page.getByRole("searchbox").waitFor();
  assert.deepEqual(fetched(zh.log), [0, 1, 0], "only Chinese for a Chinese browser");
  await zh.context.close();

  // A Hong Kong browser reads traditional Chinese: the launcher, the frame and the content
  // (made from the simplified files at build time), and search over it.
  const hk = await openPage(browser, server.url + "/", { locale: "zh-HK" });
  await launcher(hk.page, "幫助").click();
  await hk.page.getByRole("tab", { name: "常見問題" }).waitFor();
  await hk.page.getByRole("searchbox").fill("轉帳失敗");
  await hk.page.locator(".wh-results .wh-item").first().waitFor();
  assert.equal(await hk.page.locator(".wh-app").getAttribute("lang"), "zh-TW");
  assert.doesNotMatch(await hk.page.locator(".wh-panel").innerText(), /[帮账这们转网]/, "no simplified characters");
  assert.deepEqual(fetched(hk.log), [0, 0, 1], "only traditional Chinese for a Hong Kong browser");
  assert.deepEqual(hk.log.console, []);
  await hk.context.close();
});

test("an altered content file is refused: the panel says so and tries again", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  const fix = await alterUntilFixed(page, "**/content-en.*.txt", 40);
  await launcher(page).click();
  await page.getByRole("dialog").getByText("This part of help could not be loaded.").waitFor();
  const file = contentPins().find((p) => p.tag === "en").file;
  assert.ok(log.console.some((l) => l.startsWith(`error: [wallet-help] the en help content could not be loaded: ${file} did not load or failed its integrity check`)), log.console.join("\n"));
  fix();
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("searchbox").fill("refund");
  await page.locator(".wh-results .wh-item").first().waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the outbox's part is fetched only when an earlier visit may have left reports to send", async () => {
  const outboxPart = (log) => log.requests.filter((u) => /\/split_outbox\.[0-9a-f]{8}\.wasm$/.test(u)).length;
  const quiet = await openPage(browser, server.url + "/");
  await launcher(quiet.page).click();
  await quiet.page.getByRole("searchbox").waitFor();
  // Idle time after the open fetches the views' parts; give it that time.
  await quiet.page.waitForTimeout(1500);
  assert.equal(outboxPart(quiet.log), 0, "nothing pending: no outbox");
  await quiet.context.close();
  // The flag the outbox keeps while reports wait: the outbox is loaded to send them.
  const pending = await openPage(browser, server.url + "/", { init: () => localStorage.setItem("wallet-help:v1:pending", "1") });
  for (let waited = 0; !outboxPart(pending.log) && waited < 10000; waited += 100) await pending.page.waitForTimeout(100);
  assert.equal(outboxPart(pending.log), 1, pending.log.requests.join("\n"));
  assert.deepEqual(pending.log.errors, []);
  await pending.context.close();
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

test("an altered part is refused: its view says so and tries again, the rest keeps working", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  const fix = await alterUntilFixed(page, "**/split_contact.*.wasm", -1);
  await launcher(page).click();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByText("This part of help could not be loaded.").waitFor();
  // The FAQ, in the first part, still works; the part is asked for again, and refused again.
  await page.getByRole("tab", { name: "Questions" }).click();
  await page.locator("#wh-search").waitFor();
  await page.getByRole("tab", { name: "Contact" }).click();
  await page.getByText("This part of help could not be loaded.").waitFor();
  // The file is right again: "Try again" loads it, once checked.
  fix();
  await page.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("button", { name: "Send report" }).waitFor();
  assert.ok(log.console.some((l) => l.startsWith("error:")), "the browser's integrity error is in the console");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an altered glue module is refused before it runs, and the Wasm it fetched beside is never used", async () => {
  const { page, context, log } = await openPage(browser, server.url + "/");
  // Code an attacker would like to run: it must never execute.
  await tamper(page, `**/${named(".js")}`, (body) => Buffer.concat([body, Buffer.from("\nwindow.tampered = true;\n")]));
  const failed = nextError(page);
  await launcher(page).click();
  assert.match(await failed, new RegExp(`^${named(".js").replace(/\./g, "\\.")} did not load or failed its integrity check`));
  assert.equal(await page.evaluate(() => window.tampered), undefined);
  // The Wasm downloads beside the glue; only the first part, and no app mounted from it.
  assert.deepEqual(log.requests.filter((u) => u.endsWith(".wasm")), [`${server.url}/wallet-help/${named(".wasm")}`]);
  assert.equal(await page.locator(".wh-app").count(), 0);
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
  assert.match(await failed, /^wallet_help\.[0-9a-f]{8}\.js did not load or failed its integrity check \(no modulepreload\)/);
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

// The operator config says which contacts are official, so it is pinned like the code: by
// data-config-integrity, or by coming from the loader's own origin.
const CONFIG = join(DIR, "config.json");
const configPath = "/wallet-help/config.json";
/** The demo config with one more official email address: what a tampered file would vouch for. */
const FAKE_OFFICIAL = "help@evil-desk.example";
const tamperedConfig = () => {
  const config = JSON.parse(readFileSync(CONFIG, "utf8"));
  config.official.emails.push(FAKE_OFFICIAL);
  return JSON.stringify(config);
};

/** Checks `contact` in the verifier and waits for the verdict `expected` ("official",
 *  "impostor" or "unknown"); fails naming the verdict shown instead. */
async function verdict(page, contact, expected) {
  const field = page.getByLabel("Contact to check");
  if (!(await field.isVisible())) {
    await page.evaluate(() => WalletHelp.open("checklist"));
    await page.getByRole("button", { name: "Check a support contact" }).click();
  }
  await field.fill(contact);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  try {
    await page.locator(`.wh-verdict.wh-${expected}`).waitFor({ timeout: 5000 });
  } catch {
    assert.fail(`${contact}: expected ${expected}, shown: ${await page.locator(".wh-verdict").getAttribute("class")}`);
  }
}

/** Resolves once `url` has been fetched and the widget has had a moment to apply it (the
 *  verifier takes the official list as it is when the user presses Check). */
async function fetched(page, url) {
  await page.waitForEvent("requestfinished", { predicate: (r) => r.url() === url, timeout: 10000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
}

/** Waits until the log has a console line starting with `start`. */
async function logged(log, start) {
  for (const end = Date.now() + 10000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (log.console.some((m) => m.startsWith(start))) return;
  }
  assert.fail(`no console line starting ${start}; got ${log.console.join("\n")}`);
}
const ours = (log) => log.console.filter((m) => m.includes("[wallet-help]"));
/** What the verifier says once when the config in use lists no official contacts. */
const NO_OFFICIAL = "warning: [wallet-help] config.official is not set: the contact verifier cannot confirm any " +
  "contact as official; list your domains, emails, phones and handles";

/** A page without the demo's CSP (whose connect-src would stop any other origin first) with
 *  the tag's data-* attributes `data`, at /hosts/config.html. */
async function configHost(data) {
  const { page, context, log } = await openPage(browser, "about:blank");
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${v}"`).join("");
  await page.route("https://cdn.example/**", (route) => route.fulfill({
    contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: readFileSync(CONFIG) }));
  await page.route(/\/hosts\/config\.html$/, (route) => route.fulfill({ contentType: "text/html", body:
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
     <script src="/wallet-help/wallet-help.js" defer data-endpoint="/api/reports"${attrs}></script></body></html>` }));
  await page.goto(server.url + "/hosts/config.html");
  return { page, context, log };
}

test("make dist pins the demo config in the demo page, and the pinned file is taken", async () => {
  const html = readFileSync(join(ROOT, "dist", "index.html"), "utf8");
  const pin = / data-config="\/wallet-help\/config\.json" data-config-integrity="([^"]+)"/.exec(html);
  assert.ok(pin, "the demo's tag pins its config");
  assert.equal(pin[1], sri(readFileSync(CONFIG)));
  const { page, context, log } = await openPage(browser, "about:blank");
  const done = fetched(page, server.url + configPath);
  await page.goto(server.url + "/");
  await launcher(page).click();
  await done;
  await verdict(page, "support@tpwallet.example", "official");
  await verdict(page, FAKE_OFFICIAL, "unknown");
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a tampered config is refused with an error: nothing it calls official is, the widget works", async () => {
  const { page, context, log } = await openPage(browser, "about:blank");
  await page.route(`**${configPath}`, (route) => route.fulfill({ contentType: "application/json", body: tamperedConfig() }));
  await page.goto(server.url + "/");
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  const refusal = `error: [wallet-help] config ${server.url}${configPath} could not be loaded or does not match `;
  await logged(log, refusal);
  await verdict(page, FAKE_OFFICIAL, "unknown");
  // Not even the rest of the file: its extra article is missing too.
  await page.evaluate(() => WalletHelp.open("faq"));
  await page.getByRole("searchbox").fill("opening hours");
  await page.locator(".wh-results, .wh-empty").first().waitFor().catch(() => {});
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole("button", { name: /When is tpWallet support available/ }).count(), 0);
  // The defaults have no official list, which the verifier says once.
  assert.deepEqual(ours(log), [
    refusal + "data-config-integrity (TypeError: Failed to fetch); using the defaults",
    NO_OFFICIAL,
  ]);
  // The browser did the check (and says so in its own words).
  assert.ok(log.console.some((m) => /SRI's integrity checks failed/.test(m)), log.console.join("\n"));
  assert.deepEqual(log.errors, []);
  await context.close();

  // The control: the same file on a page that does not pin it (same origin, so it is taken)
  // does make the fake address official. The pin is what stopped it above.
  const unpinned = await openPage(browser, "about:blank");
  await unpinned.page.route(`**${configPath}`, (route) => route.fulfill({ contentType: "application/json", body: tamperedConfig() }));
  await unpinned.page.route(server.url + "/", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/ data-config-integrity="[^"]+"/, "") });
  });
  const done = fetched(unpinned.page, server.url + configPath);
  await unpinned.page.goto(server.url + "/");
  await launcher(unpinned.page).click();
  await done;
  await verdict(unpinned.page, FAKE_OFFICIAL, "official");
  await unpinned.context.close();
});

test("a config from another origin than the loader's is refused unless pinned", async () => {
  // Another origin, served by the test (with CORS, as a CDN would) rather than by a second
  // local server, which Chromium's local-network rules would refuse for their own reasons.
  const foreign = "https://cdn.example" + configPath;
  const { page, context, log } = await configHost({ config: foreign });
  await launcher(page).click();
  await page.getByRole("dialog").waitFor();
  // The defaults list no official contacts: the address is unverified, never official.
  await verdict(page, "support@tpwallet.example", "unknown");
  assert.deepEqual(log.requests.filter((u) => u.startsWith(foreign)), [], "not even requested");
  assert.deepEqual(log.console, [`error: [wallet-help] config ${foreign} refused: not on the widget's origin (${server.url}) ` +
    "and no data-config-integrity; using the defaults", NO_OFFICIAL]);
  await context.close();

  const pinned = await configHost({ config: foreign, "config-integrity": sri(readFileSync(CONFIG)) });
  const done = fetched(pinned.page, foreign);
  await launcher(pinned.page).click();
  await done;
  await verdict(pinned.page, "support@tpwallet.example", "official");
  assert.equal(pinned.log.requests.filter((u) => u === foreign).length, 1);
  assert.deepEqual(pinned.log.console, []);
  await pinned.context.close();

  // Pinned with the wrong digest (another file's), it is refused like a tampered one.
  const wrong = await configHost({ config: foreign, "config-integrity": sri(Buffer.from(tamperedConfig())) });
  await launcher(wrong.page).click();
  await logged(wrong.log, `error: [wallet-help] config ${foreign} could not be loaded or does not match data-config-integrity`);
  await verdict(wrong.page, "support@tpwallet.example", "unknown");
  await wrong.context.close();
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

test("the size report adds up what each view's first use downloads, and the way to a sent report", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "sizes.mjs"), DIR], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const views = JSON.parse(readFileSync(join(DIR, "parts.json"), "utf8"));
  assert.deepEqual(Object.keys(views).sort(), ["checklist", "contact", "outbox", "troubleshoot"]);
  const gz = (f) => Number(new RegExp(`^${f.replace(/\./g, "\\.")} +[\\d,]+ +([\\d,]+)`, "m").exec(run.stdout)[1].replace(/,/g, ""));
  const printed = (label) => Number(new RegExp(`^${label.replace(/[+()]/g, "\\$&")} +([\\d,]+)`, "m").exec(run.stdout)[1].replace(/,/g, ""));
  for (const [view, files] of Object.entries(views)) {
    for (const f of files) assert.ok(existsSync(join(DIR, f)), `${view} needs ${f}, which is in dist`);
    assert.equal(printed(`  + ${view}`), files.reduce((n, f) => n + gz(f), 0), view);
  }
  // The first download's row has a raw column first, like a file's.
  assert.equal(printed("report flow (first + contact)"), gz("first download") + printed("  + contact"));
});

test("the size gate counts the parts loaded on demand in everything, and one language in both totals", () => {
  // Incompressible parts as large as the first-download budget: only everything grows.
  const split = sizes({ "wallet-help.js": "void 0;\n", "split_contact.0123abcd.wasm": randomBytes(budgets.first), "chunk_4.0123abcd.wasm": randomBytes(1024) });
  assert.match(split.stdout, new RegExp(`^first download .*≤ ${num(budgets.first)}  ok$`, "m"), split.stdout);
  const first = sizes({ "wallet-help.js": "void 0;\n", "wallet_help_bg.0123abcd.wasm": randomBytes(budgets.first + 1024) });
  assert.equal(first.status, 1, first.stdout + first.stderr);
  assert.match(first.stderr, new RegExp(`the first download is [\\d,]+ B gzip, budget ${num(budgets.first)}`));
  // A visitor reads one language: two files of 60% of the budget each fit; the larger counts.
  const languages = (en, zh) => sizes({ "wallet-help.js": "void 0;\n",
    "content-en.0123abcd.txt": randomBytes(Math.floor(budgets.first * en)), "content-zh-CN.0123abcd.txt": randomBytes(Math.floor(budgets.first * zh)) });
  const one = languages(0.6, 0.6);
  assert.equal(one.status, 0, one.stdout + one.stderr);
  const larger = languages(0.6, 1.05);
  assert.match(larger.stderr, new RegExp(`the first download is [\\d,]+ B gzip, budget ${num(budgets.first)}`), larger.stderr);
  // Nor does everything grow with languages: as many files as fill its budget twice over pass.
  const many = {};
  for (let i = 0; i < Math.ceil((2 * budgets.total) / (0.6 * budgets.first)); i++) many[`content-l${i}.0123abcd.txt`] = randomBytes(Math.floor(budgets.first * 0.6));
  const all = sizes({ "wallet-help.js": "void 0;\n", ...many });
  assert.equal(all.status, 0, all.stdout + all.stderr);
  assert.match(all.stdout, new RegExp(`^everything .*≤ ${num(budgets.total)}  ok$`, "m"));
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

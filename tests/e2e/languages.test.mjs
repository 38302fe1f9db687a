// A language the widget does not ship, added by the operator's config file: a pack made with
// wallet-help-pack from a folder like content/en, fetched only by readers of that language,
// pinned by its integrity, and refused (English shown, the console says why) when it fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startCollector, launchBrowser, openPage, launcher } from "./support.mjs";

const PACKER = join(ROOT, "target", "debug", "wallet-help-pack");
const HELP = /^(Help|Trợ giúp)$/;
let server, browser, dir, pack, integrity;

// A few of the interface's words and one article in Vietnamese: enough to see which language
// is on screen (the rest of the folder stays English).
const VIETNAMESE = {
  "launcher: Help": "launcher: Trợ giúp",
  "panel_title: Help centre": "panel_title: Trung tâm trợ giúp",
  "view_faq: Questions": "view_faq: Câu hỏi",
  "back: Back": "back: Quay lại",
};
const TITLE = "Giao dịch của tôi chậm hoặc bị treo ở trạng thái chờ. Tôi phải làm gì?";

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "wallet-help-pack-"));
  const folder = join(dir, "vi");
  cpSync(join(ROOT, "content", "en"), folder, { recursive: true });
  let strings = readFileSync(join(folder, "strings.txt"), "utf8");
  for (const [from, to] of Object.entries(VIETNAMESE)) {
    assert.ok(strings.includes(from + "\n"), from);
    strings = strings.replace(from + "\n", to + "\n");
  }
  writeFileSync(join(folder, "strings.txt"), strings);
  const article = join(folder, "tx-pending.md");
  writeFileSync(article, readFileSync(article, "utf8").replace(/^title: .*$/m, "title: " + TITLE));
  const run = spawnSync(PACKER, ["vi", folder, join(dir, "vi.txt")], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  integrity = /^integrity (sha384-\S+)$/m.exec(run.stdout)[1];
  assert.ok(run.stdout.includes(`"vi": {"url": "vi.txt", "integrity": "${integrity}"}`), run.stdout);
  pack = readFileSync(join(dir, "vi.txt"), "utf8");
  server = await startCollector();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo page with `config` as its config file (unpinned, from its own origin) and the
 *  pack served at wallet-help/packs/vi.txt (and any https://cdn.example/ address). */
async function demo(locale, config, body = pack) {
  const opened = await openPage(browser, "about:blank", { locale });
  const { page } = opened;
  await page.route(server.url + "/", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/ data-config-integrity="[^"]+"/, "") });
  });
  await page.route("**/wallet-help/config.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(config) }));
  const serve = (route) => route.fulfill({ contentType: "text/plain; charset=utf-8", body, headers: { "access-control-allow-origin": "*" } });
  await page.route("**/wallet-help/packs/vi.txt", serve);
  await page.route("https://cdn.example/**", serve);
  await page.goto(server.url + "/");
  return opened;
}

const fetchedPack = (log) => log.requests.filter((u) => /\/vi\.txt$/.test(u)).length;
const contentFetched = (log, tag) => log.requests.filter((u) => new RegExp(`/content-${tag}\\.[0-9a-f]+\\.txt$`).test(u)).length;
// The demo's own config (its brand, channels and official contacts) with the language added.
const pinned = () => ({ ...JSON.parse(readFileSync(join(ROOT, "dist", "wallet-help", "config.json"), "utf8")), languages: { vi: { url: "packs/vi.txt", integrity } } });

test("a Vietnamese browser gets the operator's Vietnamese pack: interface, articles and search", async () => {
  const { page, context, log } = await demo("vi-VN", pinned());
  await launcher(page, HELP).click();
  await page.getByRole("tab", { name: "Câu hỏi" }).waitFor();
  assert.equal(await page.locator(".wh-app").getAttribute("lang"), "vi");
  await page.getByRole("heading", { name: "tpWallet · Trung tâm trợ giúp" }).waitFor();
  await page.getByRole("searchbox").fill("treo");
  await page.getByRole("button", { name: new RegExp(TITLE.slice(0, 20)) }).first().click();
  assert.equal(await page.locator(".wh-article-title").textContent(), TITLE);
  await page.getByRole("button", { name: "Quay lại" }).waitFor();
  // The page switches language and back: the pack is fetched once.
  await page.evaluate(() => window.WalletHelp.setLocale("en"));
  await page.getByRole("tab", { name: "Questions" }).waitFor();
  await page.evaluate(() => window.WalletHelp.setLocale("vi"));
  await page.getByRole("tab", { name: "Câu hỏi" }).waitFor();
  assert.equal(fetchedPack(log), 1);
  // The script tag's launcher speaks the language too.
  await page.keyboard.press("Escape");
  await launcher(page, "Trợ giúp").waitFor({ timeout: 2000 });
  assert.deepEqual(log.console, []);
  await context.close();
});

test("readers of other languages never download the pack; the page can still ask for it", async () => {
  const { page, context, log } = await demo("de-DE", pinned());
  await launcher(page).click();
  await page.getByRole("tab", { name: "Questions" }).waitFor();
  assert.equal(fetchedPack(log), 0);
  assert.equal(contentFetched(log, "en"), 1);
  await page.evaluate(() => window.WalletHelp.setLocale("vi-VN"));
  await page.getByRole("tab", { name: "Câu hỏi" }).waitFor();
  assert.equal(fetchedPack(log), 1);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("an altered pack, or an unpinned one from another origin, is refused: English, and the console says why", async () => {
  const altered = pack.replace(TITLE, "Send your seed phrase to support@wallet-help.example");
  const tampered = await demo("vi-VN", pinned(), altered);
  await launcher(tampered.page, HELP).click();
  await tampered.page.getByRole("tab", { name: "Questions" }).waitFor();
  await waitFor(() => tampered.log.console.some((m) => m.includes("the vi language pack was refused")));
  assert.ok(tampered.log.console.some((m) => /^error: .*vi language pack was refused: .*does not match its integrity/.test(m)), tampered.log.console.join("\n"));
  assert.equal(await tampered.page.locator(".wh-app").getAttribute("lang"), "en");
  assert.equal(await tampered.page.getByText("seed phrase to support@").count(), 0);
  await tampered.context.close();

  const elsewhere = await demo("vi-VN", { ...pinned(), languages: { vi: { url: "https://cdn.example/vi.txt" } } });
  await launcher(elsewhere.page, HELP).click();
  await elsewhere.page.getByRole("tab", { name: "Questions" }).waitFor();
  await waitFor(() => elsewhere.log.console.some((m) => m.includes("not on the config file's origin")));
  assert.equal(elsewhere.log.requests.filter((u) => u.startsWith("https://cdn.example/")).length, 0, "not even fetched");
  await elsewhere.context.close();
});

test("a mistake in the config's languages is named in the console and the rest of the file applies", async () => {
  const { page, context, log } = await demo("vi-VN", { ...pinned(), brand: "AcmeWallet", languages: { vi: { path: "packs/vi.txt" } } });
  await launcher(page, HELP).click();
  await page.getByRole("dialog", { name: "AcmeWallet · Help centre" }).waitFor();
  assert.ok(log.console.includes('warning: [wallet-help] config.languages.vi: needs "url", the address of the language\'s pack; ignored'), log.console.join("\n"));
  assert.equal(fetchedPack(log), 0);
  await context.close();
});

async function waitFor(condition, ms = 5000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if (condition()) return;
  }
  throw new Error("timed out: " + condition);
}

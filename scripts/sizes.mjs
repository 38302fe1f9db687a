// Size budget gate: gzips every file a visitor downloads (level 9, so the numbers are
// reproducible), prints a table and exits 1 when the loader, the first download (everything
// but the parts loaded on demand, `split_*`/`chunk_*.wasm`, with one language's content file:
// the largest) or the whole widget (every part, with that one language) is over budget. A
// language costs nothing to visitors who read another, so neither total grows with languages.
// The budgets live in one place, the README's Performance table (rows "loader …", "first
// download …" and "everything", column "budget", e.g. "≤ 2 KB"), and are read from there.
//
// Usage: node scripts/sizes.mjs [dir=dist/wallet-help] [--readme FILE]
// `make bench` imports measure/readBudgets/printSizes from here.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const LOADER = "wallet-help.js";
// What the loader fetches; config.json is the operator's and the schema is documentation.
const SHIPPED = /\.(js|css|wasm|txt)$/;
// One content file per language (`content-<locale>.<hash>.txt`); a visitor fetches one.
export const CONTENT = /^content-/;
// The Wasm parts fetched only when their view is first shown (or in idle time after the open).
export const PART = /^(split|chunk)_/;
const KB = 1024;

/** Budgets in bytes of gzip: { loader, first, total }, from the Performance table of `readme`. */
export function readBudgets(readme = join(ROOT, "README.md")) {
  const found = {};
  for (const line of readFileSync(readme, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 5) continue; // "| measure | value | budget |" splits into 5
    const key = /^loader\b/.test(cells[1]) ? "loader" : /^first download\b/.test(cells[1]) ? "first"
      : /^everything\b/.test(cells[1]) ? "total" : null;
    const kb = /≤\s*([\d.]+)\s*KB/.exec(cells[3]);
    if (key && kb && !(key in found)) found[key] = Math.round(Number(kb[1]) * KB);
  }
  const rows = { loader: "loader", first: "first download", total: "everything" };
  for (const key of Object.keys(rows)) {
    if (!found[key]) throw new Error(`${readme}: the Performance table has no "≤ N KB" budget for ${rows[key]}`);
  }
  return found;
}

/** Raw and gzip size of each shipped file in `dir`, the loader first. */
export function measure(dir) {
  const names = readdirSync(dir).filter((f) => SHIPPED.test(f)).sort();
  if (!names.includes(LOADER)) throw new Error(`${dir}: no ${LOADER}; build with \`make dist\``);
  return [LOADER, ...names.filter((f) => f !== LOADER)].map((file) => {
    const raw = readFileSync(join(dir, file));
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, br };
  });
}

/** make dist's parts.json in `dir` (view → the files its first use downloads), or null. */
export function readViews(dir) {
  const file = join(dir, "parts.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

const num = (n) => n.toLocaleString("en-US");

/** Prints the table (with `views`, parts.json, each view's extra download); returns the list
 * of budgets exceeded (empty when everything fits). */
export function printSizes(rows, budgets, log = console.log, views = null) {
  const language = rows.filter((r) => CONTENT.test(r.file)).sort((a, b) => b.gz - a.gz)[0];
  const oneLanguage = rows.filter((r) => !CONTENT.test(r.file) || r === language);
  const total = oneLanguage.reduce((n, r) => n + r.gz, 0);
  const first = oneLanguage.filter((r) => !PART.test(r.file));
  const verdict = (gz, max) => `≤ ${num(max)}  ${gz <= max ? "ok" : `OVER by ${num(gz - max)}`}`;
  const line = (a, b, c, br, d = "") => log(`${a.padEnd(32)} ${b.padStart(10)} ${c.padStart(10)} ${br.padStart(10)}   ${d}`);
  const sum = (list, key) => num(list.reduce((n, r) => n + r[key], 0));
  line("file", "raw bytes", "gzip -9", "brotli", "budget (gzip)");
  for (const r of rows) line(r.file, num(r.raw), num(r.gz), num(r.br), r.file === LOADER ? verdict(r.gz, budgets.loader) : "");
  const firstGz = first.reduce((n, r) => n + r.gz, 0);
  line("first download", sum(first, "raw"), num(firstGz), sum(first, "br"), verdict(firstGz, budgets.first));
  line("everything", sum(oneLanguage, "raw"), num(total), sum(oneLanguage, "br"), verdict(total, budgets.total));
  // What each view adds the first time it is shown (its part and the shared chunks it needs,
  // from make dist's parts.json), and the whole way to a sent report.
  if (views) {
    const gz = (file) => rows.find((r) => r.file === file)?.gz ?? 0;
    for (const [view, files] of Object.entries(views)) line(`  + ${view}`, "", num(files.reduce((n, f) => n + gz(f), 0)), "", files.length - 1 + " shared chunk(s)");
    if (views.contact) line("report flow (first + contact)", "", num(firstGz + views.contact.reduce((n, f) => n + gz(f), 0)), "", "");
  }
  const over = [];
  if (firstGz > budgets.first) over.push(`the first download is ${num(firstGz)} B gzip, budget ${num(budgets.first)}`);
  if (rows[0].gz > budgets.loader) over.push(`${LOADER} is ${num(rows[0].gz)} B gzip, budget ${num(budgets.loader)}`);
  if (total > budgets.total) over.push(`the widget is ${num(total)} B gzip, budget ${num(budgets.total)}`);
  return over;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--readme");
  const readme = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const dir = args[0] || join(ROOT, "dist", "wallet-help");
  try {
    const over = printSizes(measure(dir), readBudgets(readme), console.log, readViews(dir));
    if (over.length) {
      console.error(`\nOver budget (budgets: README.md, Performance): ${over.join("; ")}.`);
      process.exit(1);
    }
  } catch (e) {
    console.error("sizes: " + e.message);
    process.exit(2);
  }
}

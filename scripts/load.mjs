// The collector under load, on loopback only, in bounded runs (part of `make bench`):
// sustained reports per second and latency at 50 concurrent clients with realistic bodies
// (one in five with a screenshot), peak memory, the time to page through 10,000 stored
// reports, and the flood an attacker would try (parallel maximum-size reports, a 9 MiB
// description) with the memory and disk it cost. On SQLite, and on PostgreSQL when
// WALLET_HELP_TEST_POSTGRES names a server (`make bench` starts one with
// scripts/with-postgres.sh): one instance, then two instances sharing the database.
//
// Usage: node scripts/load.mjs [path/to/wallet-help-collector]   (default: the release build)
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomUUID, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = process.argv[2] || join(ROOT, "target", "release", "wallet-help-collector");
const TOKEN = "load-admin-token-" + "0".repeat(32);
const CLIENTS = 50;
const SECONDS = 10;

const PG = process.env.WALLET_HELP_TEST_POSTGRES;

/** A new, empty schema on the PostgreSQL server: the `--db` address and the schema's name. */
function pgSchema() {
  const name = "load_" + randomBytes(6).toString("hex");
  const made = spawnSync("psql", [PG, "-qc", `CREATE SCHEMA ${name}`], { encoding: "utf8" });
  if (made.status !== 0) throw new Error("psql: " + made.stderr);
  return { db: `${PG}?options=-csearch_path%3D${name},public`, name };
}

/** Tables, indexes and their out-of-line storage in `schema`, in MiB. */
function pgDiskMiB(schema) {
  const sql = `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind = 'r'`;
  return Number(spawnSync("psql", [PG, "-Atc", sql], { encoding: "utf8" }).stdout.trim()) / 2 ** 20;
}

/** A collector on `db` (default: a SQLite file in `dir`). */
async function start(dir, extra = [], db = join(dir, "reports.sqlite3")) {
  const child = spawn(BIN, ["--addr", "127.0.0.1:0", "--db", db, "--site", join(dir, "site"),
    "--admin-token", TOKEN, ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  child.stderr.on("data", () => {});
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  });
  return { url, child };
}

/** The most memory the process has held (VmHWM), in MiB. */
function peakMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
  return Number(line.match(/(\d+)/)[1]) / 1024;
}

function diskMiB(dir) {
  return readdirSync(dir).filter((f) => f.startsWith("reports.sqlite3")).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 2 ** 20;
}

const WORDS = ["提现一直显示处理中", "USDT", "TRON", "转账没有到账", "the swap failed", "balance shows zero",
  "I paid the network fee twice", "客服没有回复", "wrong network", "approval", "my deposit is missing"];

/** A PNG-looking file of `size` bytes (the collector checks the first bytes and the hash). */
function screenshot(size) {
  const bytes = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), randomBytes(size - 16)]);
  return { name: "shot.png", type: "image/png", size, sha256: createHash("sha256").update(bytes).digest("hex"), data: bytes.toString("base64") };
}

function report({ attachments = [], description } = {}) {
  const words = Array.from({ length: 20 + Math.floor(Math.random() * 120) }, () => WORDS[Math.floor(Math.random() * WORDS.length)]);
  return {
    schema: "wallet-help.report.v1", id: randomUUID(), created_at: new Date().toISOString(),
    kind: "complaint", category: "transaction", locale: Math.random() < 0.5 ? "zh-CN" : "en",
    subject: words.slice(0, 4).join(" ").slice(0, 100), description: description ?? words.join(" ").slice(0, 5000),
    transaction: { amount: "250 USDT", chain: "tron", tx_hash: randomBytes(32).toString("hex") },
    attachments, context: { widget_version: "load", page_url: "https://wallet.example/help" },
  };
}

async function post(url, body) {
  const text = JSON.stringify(body);
  const started = performance.now();
  try {
    const res = await fetch(url + "/api/reports", {
      method: "POST", headers: { "content-type": "application/json", "idempotency-key": body.id }, body: text,
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const fmt = (n, d = 1) => n.toFixed(d);

/** `CLIENTS` clients for `SECONDS`, spread over the instances at `urls`. */
async function sustained(urls, pids) {
  const latencies = [];
  const statuses = {};
  const end = performance.now() + SECONDS * 1000;
  // Screenshots are made ahead: hashing them is not the collector's time.
  const shots = Array.from({ length: 20 }, () => screenshot(150_000 + Math.floor(Math.random() * 250_000)));
  await Promise.all(Array.from({ length: CLIENTS }, async (_, n) => {
    const url = urls[n % urls.length];
    while (performance.now() < end) {
      const attachments = Math.random() < 0.2 ? [shots[Math.floor(Math.random() * shots.length)]] : [];
      const { status, ms } = await post(url, report({ attachments }));
      statuses[status] = (statuses[status] || 0) + 1;
      if (status === 201) latencies.push(ms);
    }
  }));
  latencies.sort((a, b) => a - b);
  const peak = Math.max(...pids.map(peakMiB));
  return { perSecond: latencies.length / SECONDS, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), statuses, peak };
}

async function paging(url) {
  let total = 0;
  const started = performance.now();
  for (let cursor = null; ;) {
    const res = await fetch(`${url}/api/reports?limit=200${cursor ? "&cursor=" + cursor : ""}`, { headers: { authorization: "Bearer " + TOKEN } });
    if (res.status !== 200) throw new Error("listing: HTTP " + res.status);
    const page = await res.json();
    total += page.reports.length;
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return { total, ms: performance.now() - started };
}

async function flood(url, pid, disk) {
  // The largest report the widget can make: three 2 MiB screenshots, 5,000 characters.
  const big = () => report({ attachments: [0, 1, 2].map(() => screenshot(2 * 1024 * 1024)), description: "字".repeat(5000) });
  // The single probes first, before the flood spends this address's rate.
  const huge = await post(url, report({ description: "x".repeat(9 * 1024 * 1024) }));
  const textPlain = await fetch(url + "/api/reports", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(report()) });
  const bodies = Array.from({ length: 24 }, big);
  const results = await Promise.all(bodies.map((b) => post(url, b)));
  const statuses = {};
  // 0: the server answered 429 before reading the body and closed; the client saw a reset.
  for (const r of results) statuses[r.status || "closed"] = (statuses[r.status || "closed"] || 0) + 1;
  return { statuses, peak: peakMiB(pid), disk: disk(), huge: huge.status, textPlain: textPlain.status };
}

async function stop(child) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** The sustained run and paging on `instances` collectors over one database. */
async function loadRun(label, dir, extra, db, instances = 1) {
  const started = [];
  for (let i = 0; i < instances; i++) started.push(await start(dir, extra, db));
  const urls = started.map((s) => s.url);
  const s = await sustained(urls, started.map((x) => x.child.pid));
  console.log(`load: ${CLIENTS} clients, ${SECONDS} s, 1 in 5 with a 150-400 KB screenshot (${label})`);
  console.log(`  reports stored per second     ${fmt(s.perSecond, 0)}`);
  console.log(`  latency p50 / p99             ${fmt(s.p50)} ms / ${fmt(s.p99)} ms`);
  console.log(`  answers                       ${JSON.stringify(s.statuses)} (429: busy, sent again later)`);
  console.log(`  peak memory                   ${fmt(s.peak)} MiB${instances > 1 ? " (the larger instance)" : ""}`);
  // Up to 10,000 stored reports, then page through them all.
  const have = (await paging(urls[0])).total;
  const missing = Math.max(0, 10_000 - have);
  for (let i = 0; i < missing; i += CLIENTS) {
    await Promise.all(Array.from({ length: Math.min(CLIENTS, missing - i) }, (_, n) => post(urls[n % urls.length], report())));
  }
  const p = await paging(urls[0]);
  console.log(`  paging through ${p.total} reports   ${fmt(p.ms, 0)} ms (200 a page)`);
  for (const x of started) await stop(x.child);
}

async function floodRun(label, dir, db, disk) {
  const server = await start(dir, [], db);
  const f = await flood(server.url, server.child.pid, disk);
  console.log(`flood: 24 parallel maximum-size reports (3 × 2 MiB screenshots each), default limits (${label})`);
  console.log(`  answers                       ${JSON.stringify(f.statuses)}`);
  console.log(`  peak memory                   ${fmt(f.peak)} MiB`);
  console.log(`  database on disk              ${fmt(f.disk)} MiB`);
  console.log(`  a 9 MiB description           HTTP ${f.huge}`);
  console.log(`  a cross-site text/plain post  HTTP ${f.textPlain}`);
  await stop(server.child);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "wallet-help-load-"));
  const fresh = mkdtempSync(join(tmpdir(), "wallet-help-flood-"));
  try {
    // A build from before the limits has no --rate-limit (and no limit to lift).
    const help = spawnSync(BIN, ["--help"], { encoding: "utf8" }).stdout;
    const lifted = help.includes("--rate-limit") ? ["--rate-limit", "1000000"] : [];
    await loadRun("SQLite", dir, lifted);
    await floodRun("SQLite", fresh, join(fresh, "reports.sqlite3"), () => diskMiB(fresh));
    if (!PG) {
      console.log("PostgreSQL: not measured (WALLET_HELP_TEST_POSTGRES is not set; `make bench` sets it)");
      return;
    }
    await loadRun("PostgreSQL, one instance", dir, lifted, pgSchema().db);
    await loadRun("PostgreSQL, two instances on one database", dir, lifted, pgSchema().db, 2);
    const flooded = pgSchema();
    await floodRun("PostgreSQL", fresh, flooded.db, () => pgDiskMiB(flooded.name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
}

await main();

// Last step of `make dist`: minifies the glue; gives the glue, the Wasm and the stylesheet
// content-hashed names; writes those names and their sha384 integrity into the loader (then
// minified with terser: the three hashes alone take a tenth of its 2 KB gzip budget) and the
// service worker, pins the loader's own integrity and the demo config's in the demo page, and
// prints the tag an operator pastes.
//
// Hashed names let browsers and CDNs keep those files forever and make it impossible for a
// loader to pick up a glue or Wasm from another build; integrity makes the browser refuse any
// byte that differs from what this build produced.
//
// Usage: node scripts/hash-assets.mjs [dist-dir]   (EMBED_BASE sets the URL in the snippet)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, renameSync, readdirSync, unlinkSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = process.argv[2] || join(ROOT, "dist");
const DIR = join(DIST, "wallet-help");
const PLACEHOLDER = "__WALLET_HELP_BUILD__";
const LOADER = "wallet-help.js";
// The key is how the loader refers to the file; the value is the name wasm-pack or static/ gave it.
const FILES = { css: "wallet-help.css", js: "wallet_help.js", wasm: "wallet_help_bg.wasm" };

const digest = (bytes) => createHash("sha384").update(bytes).digest();
const integrity = (bytes) => "sha384-" + digest(bytes).toString("base64");
const shortHash = (bytes) => digest(bytes).toString("hex").slice(0, 8);

function fail(message) {
  console.error("hash-assets: " + message);
  process.exit(1);
}

/** Fills the one `= PLACEHOLDER` assignment in `text` (comments may name the placeholder; a
 * missing or second assignment means the source changed shape, and the build must stop). */
function fill(name, text, value) {
  const parts = text.split("= " + PLACEHOLDER);
  if (parts.length !== 2) fail(`${name}: expected "= ${PLACEHOLDER}" exactly once, found it ${parts.length - 1} times`);
  return parts.join("= " + value);
}

// The version the loader hands to mount(): the widget crate's, so both halves come from one number.
const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
const version = /\[package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (!version) fail("no [package] version in Cargo.toml");

// The parts loaded on demand (wasm-split-cli's split_*.wasm and chunk_*.wasm) get hashed
// names too, and their sha384 goes into the code that fetches them, which becomes part of the
// glue (below): the loader pins the glue, the glue pins every part.
const parts = readdirSync(DIR).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f)).sort();
const partNames = {};
for (const name of parts) {
  const bytes = readFileSync(join(DIR, name));
  const hashed = name.replace(/\.wasm$/, `.${shortHash(bytes)}.wasm`);
  renameSync(join(DIR, name), join(DIR, hashed));
  partNames[name] = [hashed, integrity(bytes)];
}

// wasm-split-cli's link module imports initSync from the glue, and the glue imports the
// module: two files that would each have to name the other's hash. Inlined at the end of the
// glue it is one file (it only runs when a part is first needed, after the glue has loaded),
// and each part's fetch gets its hashed name and integrity.
let glueSource = readFileSync(join(DIR, FILES.js), "utf8");
const linkPath = join(DIR, "__wasm_split.js");
if (parts.length) {
  let link = readFileSync(linkPath, "utf8");
  // What each view's first use downloads: its part and the shared chunks it waits for, by
  // hashed name, for the size report (scripts/sizes.mjs). Not fetched by the widget.
  const views = {};
  for (const m of link.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(split_\w+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)) {
    const chunks = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => d.replace(/^__/, "") + ".wasm");
    views[m[1]] = [m[2], ...chunks].map((f) => partNames[f]?.[0] ?? fail(`__wasm_split.js: ${m[1]} needs ${f}, which the build did not produce`));
  }
  if (Object.keys(views).length !== parts.filter((p) => p.startsWith("split_")).length) fail("__wasm_split.js: not every split part has a loader");
  writeFileSync(join(DIR, "parts.json"), JSON.stringify(views, null, 1) + "\n");
  const importLine = /^import \{ initSync \} from "\.\/wallet_help\.js";\n/;
  if (!importLine.test(link)) fail("__wasm_split.js: no import of initSync from ./wallet_help.js");
  link = link.replace(importLine, "");
  const used = new Set();
  link = link.replace(/fetch\(new URL\("\.\/((?:split|chunk)_\w+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    if (!partNames[name]) fail(`__wasm_split.js fetches ${name}, which the build did not produce`);
    used.add(name);
    const [hashed, sri] = partNames[name];
    return `fetch(new URL(${JSON.stringify("./" + hashed)}, import.meta.url), { integrity: ${JSON.stringify(sri)} })`;
  });
  const unused = parts.filter((p) => !used.has(p));
  if (unused.length) fail(`__wasm_split.js does not fetch ${unused.join(", ")}`);
  if (/import\.meta\.url\)\)/.test(link)) fail("__wasm_split.js: a part's fetch was not pinned");
  const exported = [];
  link = link.replace(/^export const (\w+) =/gm, (_, name) => (exported.push(name), `const ${name} =`));
  if (!exported.length || /^export /m.test(link)) fail("__wasm_split.js: unexpected exports");
  const imports = [...glueSource.matchAll(/^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm)];
  if (!imports.length) fail(`${FILES.js}: no import of ./__wasm_split.js`);
  for (const m of imports) glueSource = glueSource.replace(m[0], "");
  if (glueSource.includes('from "./__wasm_split.js"')) fail(`${FILES.js}: an import of ./__wasm_split.js is left`);
  // The glue reads these objects only when it instantiates the Wasm, after the module has run.
  const names = imports.map((m) => m[1]);
  glueSource += `\nlet ${names.join(", ")};\n{\n${link}\n${names.map((n) => `${n} = { ${exported.join(", ")} };`).join("\n")}\n}\n`;
  unlinkSync(linkPath);
} else if (existsSync(linkPath)) fail("__wasm_split.js without any part to load");

// One content file per language (core::content::pack), fetched by the glue's content module
// (src/platform/content.js, which wasm-bindgen imports as a snippet): inlined into the glue
// like the link module, with each file's hashed name and integrity, so the glue pins them.
const contentFiles = readdirSync(DIR).filter((f) => /^content-[\w-]+\.txt$/.test(f)).sort();
if (!contentFiles.length) fail("no content-<locale>.txt in " + DIR);
const contentNames = {};
for (const name of contentFiles) {
  const bytes = readFileSync(join(DIR, name));
  const tag = /^content-([\w-]+)\.txt$/.exec(name)[1];
  if (!bytes.toString("utf8").startsWith("wallet-help content 1\u001f" + tag + "\u001e")) fail(`${name}: not a ${tag} content file`);
  const hashed = name.replace(/\.txt$/, `.${shortHash(bytes)}.txt`);
  renameSync(join(DIR, name), join(DIR, hashed));
  contentNames[tag] = [hashed, integrity(bytes)];
}
{
  const snippetPath = join(DIR, "__content.js");
  let snippet = fill("src/platform/content.js", readFileSync(snippetPath, "utf8").replace(/^\/\/.*\n/gm, ""), JSON.stringify(contentNames));
  const exported = [];
  snippet = snippet.replace(/^export function (\w+)/gm, (_, name) => (exported.push(name), `${name} = function`));
  if (exported.length !== 1 || /^export /m.test(snippet)) fail("src/platform/content.js: expected one exported function");
  const importLine = new RegExp(`^import \\{ ${exported[0]} \\} from '\\./snippets/[\\w-]+/src/platform/content\\.js';\\n`, "m");
  if (!importLine.test(glueSource)) fail(`${FILES.js}: no import of ${exported[0]} from the content snippet`);
  if (/from '\.\/snippets\//.test(glueSource.replace(importLine, ""))) fail(`${FILES.js}: imports another snippet`);
  // Its requests start when the glue runs, just before the Wasm's: one block at the end.
  glueSource = glueSource.replace(importLine, "") + `\nlet ${exported[0]};\n{\n${snippet}\n}\n`;
  unlinkSync(snippetPath);
}

// wasm-bindgen writes its glue readable, with comments and long names: minified it is about
// half the gzip bytes. It stays an ES module with the same exports (the loader imports them).
const gluePath = join(DIR, FILES.js);
const glue = await minify(glueSource, { module: true, compress: true, mangle: true });
if (!glue.code) fail(`${FILES.js}: terser produced nothing`);
writeFileSync(gluePath, glue.code);

const build = {};
for (const [key, name] of Object.entries(FILES)) {
  const bytes = readFileSync(join(DIR, name));
  const dot = name.lastIndexOf(".");
  const hashed = `${name.slice(0, dot)}.${shortHash(bytes)}${name.slice(dot)}`;
  renameSync(join(DIR, name), join(DIR, hashed));
  build[key] = [hashed, integrity(bytes)];
}

// A JS literal, not JSON: unquoted keys are a few bytes fewer in a loader kept under 2 KB gzip.
const literal = `{v:${JSON.stringify(version)},${Object.entries(build).map(([k, v]) => `${k}:${JSON.stringify(v)}`).join(",")}}`;
const source = fill("static/" + LOADER, readFileSync(join(ROOT, "static", LOADER), "utf8"), literal);
// Every comment and the whitespace go.
const minified = await minify(source, { compress: true, mangle: true, format: { comments: false } });
writeFileSync(join(DIR, LOADER), minified.code);
const loader = readFileSync(join(DIR, LOADER));
const loaderIntegrity = integrity(loader);

// The loader's hash covers every other hash and the version, so it names the whole build.
const sw = join(DIST, "sw.js");
writeFileSync(sw, fill(sw, readFileSync(sw, "utf8"), JSON.stringify({
  id: shortHash(loader), loader: LOADER,
  hashed: Object.values(build).map(([name]) => name).concat(Object.values(partNames).map(([name]) => name)),
  // Each language's content file: the worker keeps the reader's language at install, and
  // any other once it is read.
  content: Object.fromEntries(Object.entries(contentNames).map(([tag, [name]]) => [tag, name])),
})));

// The operator config says which contacts are official. The demo pins it as an operator who
// serves it from another origin must (data-config-integrity); on the loader's own origin the
// widget takes it unpinned, but a pinned one cannot be swapped for another without notice.
const configIntegrity = integrity(readFileSync(join(DIR, "config.json")));

// The demo page embeds the loader exactly as an operator would: pinned by integrity.
const page = join(DIST, "index.html");
let html = readFileSync(page, "utf8");
const tag = /<script src="([^"]*\/wallet-help\.js)"/;
if (!tag.test(html)) fail(`${page}: no <script src=".../wallet-help.js"> to pin`);
html = html.replace(tag, `<script src="$1" integrity="${loaderIntegrity}" crossorigin="anonymous"`);
const configAttr = /( data-config="[^"]*\/config\.json")/;
if (!configAttr.test(html)) fail(`${page}: no data-config=".../config.json" to pin`);
writeFileSync(page, html.replace(configAttr, `$1 data-config-integrity="${configIntegrity}"`));

// Compressed copies beside each file a visitor downloads, for servers that send them as they
// are (the collector does, by Accept-Encoding): brotli at its best, gzip at -9.
for (const name of readdirSync(DIR).filter((f) => /\.(js|css|wasm|txt)$/.test(f))) {
  const bytes = readFileSync(join(DIR, name));
  writeFileSync(join(DIR, name + ".gz"), gzipSync(bytes, { level: 9 }));
  writeFileSync(join(DIR, name + ".br"), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}

const base = process.env.EMBED_BASE || "/wallet-help/";
console.log(`wallet-help ${version}, build ${shortHash(loader)}:`);
for (const [hashed, sri] of Object.values(build).concat(Object.values(partNames), Object.values(contentNames))) console.log(`  ${hashed.padEnd(32)} ${sri}`);
console.log(`  ${"config.json (the demo's)".padEnd(32)} ${configIntegrity}`);
console.log(`
Paste this tag into the page (its integrity changes with every build; EMBED_BASE=https://…/
sets where the files are served from; data-* options are described in the README). The
data-config-integrity is the demo config's: with your own config.json, put its sha384 there
(openssl dgst -sha384 -binary config.json | openssl base64 -A), or drop the attribute if the
file is served from the loader's origin:

<script src="${base}${LOADER}" defer
        integrity="${loaderIntegrity}" crossorigin="anonymous"
        data-endpoint="/api/reports" data-config="${base}config.json"
        data-config-integrity="${configIntegrity}"></script>
`);

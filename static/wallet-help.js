// wallet-help: the launcher at once, the Wasm app on first use, and window.WalletHelp. Plain JS, no
// dependencies. `make dist` fills in the build's file names and hashes and minifies it
// (scripts/hash-assets.mjs): budget 2 KB gzip.
(() => {
  // `make dist` (scripts/hash-assets.mjs) replaces __WALLET_HELP_BUILD__ with this build's
  // version and, per file, its content-hashed name and sha384 integrity:
  // {v: "0.1.0", css: ["wallet-help.<hash>.css", "sha384-…"], js: [glue], wasm: [app]}.
  // Only dist/ ships: this source copy is the readable one, not a runnable one.
  var B = __WALLET_HELP_BUILD__;
  var w = window, d = document, O = Object, P = "[wallet-help] ";
  var warn = (m) => console.warn(P + m + ": ignored");
  // `x` if it is a plain object (an object literal or Object.create(null)), else undefined:
  // not an element that clobbers the name (<form name="WalletHelp">, <div id="WalletHelp">),
  // nor an object whose prototype someone else controls.
  var plain = (x) => x && [O.prototype, null].includes(O.getPrototypeOf(x)) ? x : void 0;
  // Options and window.WalletHelp are copied into objects without a prototype, own enumerable
  // properties only, and read there: a polluted Object.prototype.sw must not register a worker.
  var own = (a, b) => O.assign(O.create(null), a, b);
  var pre = plain(w.WalletHelp);
  // A clobbered name is not ours: the API below shadows the element, and the launcher shows.
  if (w.WalletHelp && !pre) warn("window.WalletHelp is not a plain object");
  pre = own(pre);
  if (pre.version) return warn("loaded twice");
  // Guard against an element named "currentScript" (DOM clobbering).
  var s = d.currentScript;
  if (!s || s.tagName !== "SCRIPT") return;
  var base = new URL(".", s.src).href;

  // data-* attributes, overridden by window.WalletHelp = { config: {...} }.
  var cfg = plain(pre.config), opts = own(s.dataset, cfg), accent = opts.accent;

  var host = d.createElement("wallet-help");
  host.dataset.theme = opts.theme || "auto";
  host.dataset.position = opts.position || "bottom-right";
  // Only a colour, by the rules of core::config::is_css_colour: url(), image-set() or var()
  // would have the browser fetch or read something on the page's behalf. Set through the
  // CSSOM, not a style attribute: a strict style-src allows it.
  if (accent) {
    if (/^(#(([\da-f]{3}){1,2}|([\da-f]{4}){1,2})|(rgb|hsl)a?\([\d .,%/-]*\)|[a-z]+)$/i.test(accent)) host.style.setProperty("--wh-accent", accent);
    // Dropped, so that the app does not warn about it a second time.
    else warn("accent " + accent + " is not a colour"), delete opts.accent;
  }
  // Every file after the loader is checked against the hash the build wrote into it. CORS
  // mode (crossOrigin) is what lets the browser check a file from another origin at all.
  function link(rel, k) {
    var l = d.createElement("link");
    l.rel = rel;
    l.href = base + B[k][0];
    l.integrity = B[k][1];
    l.crossOrigin = "";
    return l;
  }
  var btn = d.createElement("button");
  btn.type = "button";
  btn.className = "wh-launcher";
  btn.setAttribute("aria-haspopup", "dialog");
  var expanded = (v) => btn.setAttribute("aria-expanded", v);
  expanded(false);
  var app = d.createElement("div");
  host.attachShadow({ mode: "open" }).append(link("stylesheet", "css"), btn, app);
  // The app's frame says the same (core::config::Locale::from_tag): the two tests add up to
  // the index, as every traditional tag is also a zh tag.
  function label(loc) {
    loc = !loc || /^auto$/i.test(loc) ? navigator.language : loc;
    btn.textContent = ["Help", "帮助", "幫助"][/^zh/i.test(loc) + /^zh-(tw|hk|mo|hant)/i.test(loc)];
  }
  label(opts.locale);
  (d.body || d.documentElement).append(host);

  // `file`: the key in B of the file being loaded, for the error message.
  var widget, loading, file, wasm, queue = [], off = [];
  // Loads glue + Wasm once; after a failure the next interaction tries again.
  function load() {
    return loading || (loading = new Promise((ok, ko) => {
      // The glue module: import() has no integrity option, but a checked modulepreload puts
      // the module into the page's module map, and import() of the same URL takes it from
      // there instead of fetching it again. So import only after the preload succeeded.
      var l = link("modulepreload", file = "js");
      // Without modulepreload (Safari < 17, Firefox < 115) the glue could not be checked, and
      // would run unchecked in the host page: refuse rather than wait for a load that never fires.
      if (!l.relList.supports("modulepreload")) return ko({ type: "no modulepreload" });
      // The Wasm downloads beside the glue, not after it: one round trip less on a slow
      // network. fetch() checks its integrity (credentials: same-origin, the default); the
      // glue compiles the checked response, and nothing uses it if the glue fails.
      (wasm = fetch(base + B.wasm[0], { integrity: B.wasm[1] })).catch(() => {});
      l.onload = ok;
      l.onerror = (e) => { l.remove(); ko(e); };
      d.head.append(l);
    }).then(() => import(base + B.js[0])).then((m) =>
      m.default({ module_or_path: (file = "wasm", wasm) }).then(() => {
        // The app warns if this loader is from another release than the Wasm; it takes the
        // config file only from this loader's origin, unless the file is pinned.
        widget = m.mount(app, opts, B.v, base);
        queue.splice(0).forEach((c) => widget[c[0]](...c[1]));
      })
    ).catch((e) => {
      loading = null;
      // Name the file and the fix: this is what the operator sees in the console. A failed
      // preload gives an Event (type "error"); a failed fetch a TypeError.
      e = B[file][0] + " did not load or failed its integrity check (" + (e.message || e.type) + "): deploy wallet-help.js with the files of its own build, unchanged";
      console.error(P + e);
      w.dispatchEvent(new CustomEvent("wallet-help:error", { detail: { message: e } }));
    }));
  }
  var call = (name, loads) => (...a) => {
    if (widget) widget[name](...a);
    else { queue.push([name, a]); if (loads) load(); }
  };
  // Every handler on window, the page's too, is removed by destroy(): a re-added tag starts clean.
  function listen(type, fn) {
    var u = () => w.removeEventListener(type, fn);
    w.addEventListener(type, fn);
    off.push(u);
    return u;
  }
  var on = (name, fn) => listen("wallet-help:" + name, (e) => fn(e.detail));
  var api = w.WalletHelp = {
    version: B.v,
    config: cfg,
    open: call("open", 1),
    close: call("close"),
    toggle: call("toggle", 1),
    showArticle: call("showArticle", 1),
    startCase: call("startCase", 1),
    prefill: call("prefill"),
    setLocale(l) { label(l); call("setLocale")(l); },
    on,
    destroy() {
      if (widget) widget.destroy();
      widget = null;
      off.forEach((f) => f());
      host.remove();
      delete w.WalletHelp;
    }
  };

  on("open", () => expanded(true));
  on("close", () => {
    expanded(false);
    // Focus back to the launcher unless the user moved on in the page.
    var a = d.activeElement;
    if (!a || a === d.body || a === host) btn.focus();
  });
  btn.onclick = api.toggle;
  // Hover or focus starts the download, so the click finds it ready.
  btn.onpointerenter = btn.onfocus = load;
  if (opts.open) load(); // the app opens the requested view itself
  // Idle-time load when asked to, or when a report still waits to be sent (storage may be
  // blocked, e.g. in sandboxed frames: then there is nothing pending to find).
  else {
    var pending;
    try { pending = localStorage.getItem("wallet-help:v1:pending"); } catch {}
    if (opts.prefetch === "idle" || pending) (w.requestIdleCallback || setTimeout)(load);
  }
  // Deep links #wallet-help/article/<id> and #wallet-help/case/<id>, on load and on change.
  function route() {
    var m = /^#wallet-help\/(article|case)\/([\w-]+)$/.exec(location.hash);
    if (m) api[m[1] == "case" ? "startCase" : "showArticle"](m[2]);
  }
  listen("hashchange", route);
  route();
  // Offline worker, after the page; its URL says where our files are. It keeps the page that
  // registers it by itself (the open windows it finds at install), so the URL stays the same
  // from page to page and the worker is not installed anew on each.
  var q = encodeURIComponent;
  if (opts.sw && navigator.serviceWorker) w.addEventListener("load", () => {
    navigator.serviceWorker.register(opts.sw + "?base=" + q(base) + "&config=" + q(opts.config ? new URL(opts.config, location) : ""))
      .catch((e) => console.warn(P + "no offline mode: " + e));
  });
})();

/*! wallet-help loader: launcher at once, Wasm app on first use, window.WalletHelp. */
// Plain JS, no dependencies. `make dist` fills in the build's file names and hashes and
// minifies it (scripts/hash-assets.mjs): budget 2 KB gzip.
(function () {
  // `make dist` (scripts/hash-assets.mjs) replaces __WALLET_HELP_BUILD__ with this build's
  // version and, per file, its content-hashed name and sha384 integrity:
  // {v: "0.1.0", css: ["wallet-help.<hash>.css", "sha384-…"], js: [glue], wasm: [app]}.
  // Only dist/ ships: this source copy is the readable one, not a runnable one.
  var B = __WALLET_HELP_BUILD__;
  var w = window, d = document, P = "[wallet-help] ";
  var pre = w.WalletHelp;
  if (pre && pre.version) return console.warn(P + "loaded twice, ignored");
  // Guard against an element named "currentScript" (DOM clobbering).
  var s = d.currentScript;
  if (!s || s.tagName !== "SCRIPT") return;
  var base = new URL(".", s.src).href;

  // data-* attributes, overridden by window.WalletHelp = { config: {...} }.
  var cfg = pre && pre.config, opts = Object.assign({}, s.dataset, typeof cfg === "object" && cfg);

  var host = d.createElement("wallet-help");
  host.dataset.theme = opts.theme || "auto";
  host.dataset.position = opts.position || "bottom-right";
  // CSSOM, not a style attribute: a strict style-src allows it.
  if (opts.accent) host.style.setProperty("--wh-accent", opts.accent);
  var root = host.attachShadow({ mode: "open" });
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
  var css = link("stylesheet", "css");
  var btn = d.createElement("button");
  btn.type = "button";
  btn.className = "wh-launcher";
  btn.setAttribute("aria-haspopup", "dialog");
  btn.setAttribute("aria-expanded", "false");
  var app = d.createElement("div");
  root.append(css, btn, app);
  function label(loc) {
    loc = String(loc || "auto").toLowerCase();
    var zh = loc === "auto" ? /^zh/i.test(navigator.language) : !loc.indexOf("zh");
    btn.textContent = zh ? "帮助" : "Help";
  }
  label(opts.locale);
  (d.body || d.documentElement).appendChild(host);

  // `file`: the key in B of the file being loaded, for the error message.
  var widget, loading, file, queue = [], off = [];
  // Loads glue + Wasm once; after a failure the next interaction tries again.
  function load() {
    return loading || (loading = new Promise(function (ok, ko) {
      // The glue module: import() has no integrity option, but a checked modulepreload puts
      // the module into the page's module map, and import() of the same URL takes it from
      // there instead of fetching it again. So import only after the preload succeeded.
      var l = link("modulepreload", file = "js");
      // Without modulepreload (Safari < 17, Firefox < 115) the glue could not be checked, and
      // would run unchecked in the host page: refuse rather than wait for a load that never fires.
      if (!l.relList.supports("modulepreload")) return ko({ type: "no modulepreload in this browser" });
      l.onload = ok;
      l.onerror = function (e) { l.remove(); ko(e); };
      d.head.append(l);
    }).then(function () {
      return import(base + B.js[0]);
    }).then(function (m) {
      // fetch() checks the Wasm's integrity (credentials: same-origin, the default); the glue
      // compiles the checked response.
      return m.default({ module_or_path: fetch(base + B[file = "wasm"][0], { integrity: B.wasm[1] }) }).then(function () {
        // The app warns if this loader is from another release than the Wasm.
        widget = m.mount(app, opts, B.v);
        queue.splice(0).forEach(function (c) { widget[c[0]].apply(widget, c[1]); });
      });
    }).catch(function (e) {
      loading = null;
      // Name the file and the fix: this is what the operator sees in the console. A failed
      // preload gives an Event (type "error"); a failed fetch a TypeError.
      e = B[file][0] + " did not load or failed its integrity check (" + (e.message || e.type) + "): deploy wallet-help.js with the files of its own build, unchanged";
      console.error(P + e);
      w.dispatchEvent(new CustomEvent("wallet-help:error", { detail: { message: e } }));
    }));
  }
  function call(name, loads) {
    return function () {
      var a = [].slice.call(arguments);
      if (widget) widget[name].apply(widget, a);
      else { queue.push([name, a]); if (loads) load(); }
    };
  }
  // Every handler, the page's too, is removed by destroy(): a re-added tag starts clean.
  function on(name, fn) {
    var h = function (e) { fn(e.detail); }, u = function () { w.removeEventListener("wallet-help:" + name, h); };
    w.addEventListener("wallet-help:" + name, h);
    off.push(u);
    return u;
  }
  var api = w.WalletHelp = {
    version: B.v,
    config: cfg,
    open: call("open", 1),
    close: call("close"),
    toggle: call("toggle", 1),
    showArticle: call("showArticle", 1),
    startCase: call("startCase", 1),
    prefill: call("prefill"),
    setLocale: function (l) { label(l); call("setLocale")(l); },
    on: on,
    destroy: function () {
      if (widget) widget.destroy();
      widget = null;
      off.forEach(function (f) { f(); });
      host.remove();
      delete w.WalletHelp;
    }
  };

  on("open", function () { btn.setAttribute("aria-expanded", "true"); });
  on("close", function () {
    btn.setAttribute("aria-expanded", "false");
    // Focus back to the launcher unless the user moved on in the page.
    var a = d.activeElement;
    if (!a || a === d.body || a === host) btn.focus();
  });
  btn.addEventListener("click", api.toggle);
  // Hover or focus starts the download, so the click finds it ready.
  btn.addEventListener("pointerenter", load);
  btn.addEventListener("focus", load);
  if (opts.open) load(); // the app opens the requested view itself
  // Idle-time load when asked to, or when a report still waits to be sent (storage may be
  // blocked, e.g. in sandboxed frames: then there is nothing pending to find).
  else {
    var pending;
    try { pending = localStorage.getItem("wallet-help:v1:pending"); } catch (e) {}
    if (opts.prefetch === "idle" || pending) (w.requestIdleCallback || setTimeout)(load);
  }
  // Deep links #wallet-help/article/<id> and #wallet-help/case/<id>, on load and on change.
  function route() {
    var m = /^#wallet-help\/(article|case)\/([\w-]+)$/.exec(location.hash);
    if (m) api[m[1] == "case" ? "startCase" : "showArticle"](m[2]);
  }
  w.addEventListener("hashchange", route);
  off.push(function () { w.removeEventListener("hashchange", route); });
  route();
  // Offline worker, after the page; its URL says where our files are.
  var q = encodeURIComponent;
  if (opts.sw && navigator.serviceWorker) w.addEventListener("load", function () {
    navigator.serviceWorker.register(opts.sw + "?base=" + q(base) + "&config=" + q(opts.config ? new URL(opts.config, location) : ""))
      .catch(function (e) { console.warn(P + "no offline mode: " + e); });
  });
})();

/*! wallet-help loader: draws the launcher at once, loads the Wasm app on first interaction,
    and exposes window.WalletHelp. Plain JS, no build step; keep it small (budget 2 KB gz). */
(function () {
  "use strict";
  var VERSION = "0.1.0";
  var w = window, d = document, P = "[wallet-help] ";
  var pre = w.WalletHelp;
  if (pre && pre.version) return console.warn(P + "loaded twice; keeping the first copy");
  // currentScript may be clobbered by an element named "currentScript": check the tag.
  var s = d.currentScript;
  if (!s || s.tagName !== "SCRIPT") return console.warn(P + "load me with a <script src> tag");
  var base = new URL(".", s.src).href;

  // Options: data-* attributes, overridden by window.WalletHelp = { config: {...} }.
  var opts = {}, k, cfg = pre && pre.config;
  for (k in s.dataset) opts[k] = s.dataset[k];
  if (cfg && typeof cfg === "object") for (k in cfg) if (Object.prototype.hasOwnProperty.call(cfg, k)) opts[k] = cfg[k];

  var host = d.createElement("wallet-help");
  host.setAttribute("data-theme", opts.theme || "auto");
  host.setAttribute("data-position", opts.position || "bottom-right");
  // CSSOM, not a style attribute: allowed under a strict style-src.
  if (opts.accent) host.style.setProperty("--wh-accent", opts.accent);
  var root = host.attachShadow({ mode: "open" });
  var css = d.createElement("link");
  css.rel = "stylesheet";
  css.href = base + "wallet-help.css";
  var btn = d.createElement("button");
  btn.type = "button";
  btn.className = "wh-launcher";
  btn.setAttribute("aria-haspopup", "dialog");
  btn.setAttribute("aria-expanded", "false");
  var app = d.createElement("div");
  root.append(css, btn, app);
  function label(loc) {
    loc = String(loc || "auto").toLowerCase();
    var zh = loc === "auto" ? /^zh/i.test((navigator.languages || [])[0] || navigator.language || "") : !loc.indexOf("zh");
    btn.textContent = zh ? "帮助" : "Help";
  }
  label(opts.locale);
  (d.body || d.documentElement).appendChild(host);

  var widget, loading, queue = [], off = [];
  function emit(name, detail) { w.dispatchEvent(new CustomEvent("wallet-help:" + name, { detail: detail })); }
  // Loads glue + Wasm once; a failure is reported and the next interaction tries again.
  function load() {
    return loading || (loading = import(base + "wallet_help.js").then(function (m) {
      return m.default({ module_or_path: base + "wallet_help_bg.wasm" }).then(function () {
        if (m.version() !== VERSION) console.warn(P + "loader " + VERSION + " but app " + m.version() + ": deploy wallet-help.js and its Wasm together");
        widget = m.mount(app, opts);
        queue.splice(0).forEach(function (c) { widget[c[0]].apply(widget, c[1]); });
      });
    }).catch(function (e) {
      loading = null;
      console.warn(P + "could not load: " + e);
      emit("error", { message: String(e) });
    }));
  }
  function call(name, loads) {
    return function () {
      var a = [].slice.call(arguments);
      if (widget) widget[name].apply(widget, a);
      else { queue.push([name, a]); if (loads) load(); }
    };
  }
  function on(name, fn) {
    var h = function (e) { fn(e.detail); };
    w.addEventListener("wallet-help:" + name, h);
    return function () { w.removeEventListener("wallet-help:" + name, h); };
  }
  var api = w.WalletHelp = {
    version: VERSION,
    config: cfg,
    open: call("open", 1),
    close: call("close"),
    toggle: call("toggle", 1),
    showArticle: call("showArticle", 1),
    setLocale: function (l) { label(l); call("setLocale")(l); },
    on: on,
    destroy: function () {
      if (widget) widget.destroy();
      widget = null;
      off.forEach(function (f) { f(); });
      host.remove();
      if (w.WalletHelp === api) delete w.WalletHelp;
    }
  };

  off.push(on("open", function () { btn.setAttribute("aria-expanded", "true"); }));
  off.push(on("close", function () {
    btn.setAttribute("aria-expanded", "false");
    // Give focus back to the launcher unless the user has moved on to the host page.
    var a = d.activeElement;
    if (!a || a === d.body || a === host) btn.focus();
  }));
  btn.addEventListener("click", function () { api.toggle(); });
  // Intent to open (hover, focus) starts the download so the click finds it ready.
  btn.addEventListener("pointerenter", load);
  btn.addEventListener("focus", load);
  if (opts.open) load(); // the app opens the requested view itself
  else if (opts.prefetch === "idle") (w.requestIdleCallback || setTimeout)(load);
})();

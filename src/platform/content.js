// The content files of `make dist`, one per language. scripts/hash-assets.mjs inlines this
// module into the glue and fills in each file's content-hashed name and sha384 integrity:
// {"en": ["content-en.<hash>.txt", "sha384-…"], …}. The glue is pinned by the loader, so
// the files are pinned too.
const files = __WALLET_HELP_BUILD__;
const asked = {};

// One language's file as text, fetched once (a failure is forgotten, so trying again fetches).
export function wh_content(tag) {
  const file = files[tag];
  if (!file) return Promise.reject(new Error("no content file for " + tag));
  return asked[tag] || (asked[tag] = fetch(new URL(file[0], import.meta.url), { integrity: file[1] })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(file[0] + ": HTTP " + r.status))))
    .catch((e) => {
      delete asked[tag];
      throw new Error(file[0] + " did not load or failed its integrity check (" + e.message + ")");
    }));
}

// The glue runs just before the Wasm is fetched: the browser's language is fetched beside it
// (core::config::Locale::from_browser's rule: zh-TW, zh-HK, zh-MO and zh-Hant* read
// traditional Chinese, other zh* simplified), and the app takes it from here when it starts.
const lang = navigator.language;
wh_content(/^zh-(tw|hk|mo|hant)/i.test(lang) ? "zh-TW" : /^zh/i.test(lang) ? "zh-CN" : "en").catch(() => {});

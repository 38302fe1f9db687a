//! Operator options: the relaxed object the loader hands over (script-tag `data-*` attributes
//! merged with `window.WalletHelp.config`) becomes a strict [`Config`] plus human-readable
//! warnings. Nothing here fails: a bad value falls back to its default with a warning, and
//! an operator config file the widget may not trust is refused with an error (defaults apply).

use super::content::pack::is_language_tag;
use serde_json::Value;

/// Keys an operator may set, in the camelCase spelling of `window.WalletHelp.config`.
pub const ALLOWED_KEYS: &[&str] =
    &["endpoint", "config", "configIntegrity", "locale", "theme", "accent", "position", "open", "sw", "prefetch"];

/// A language the widget shows: one of the three built in, or one the operator's config
/// file adds (`languages`: a content file at a URL, see [`Locale::add`]). A number, so tables
/// with one entry per language stay arrays, and matching on the built-in ones still works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale(u8);

/// An operator's language: its tag and where its content file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// The BCP 47 tag as the operator wrote it (`vi`, `pt-BR`).
    pub tag: &'static str,
    /// Absolute URL of the content file (`wallet-help-pack` writes it).
    pub url: String,
    /// Its Subresource Integrity (`sha384-…`), checked by `fetch`, when the operator gave one.
    pub integrity: Option<String>,
}

/// The operator's languages, in the order they were added; a slot, once set, stays.
static ADDED: [std::sync::OnceLock<Added>; Locale::MAX - Locale::ALL.len()] =
    [const { std::sync::OnceLock::new() }; Locale::MAX - Locale::ALL.len()];

#[allow(non_upper_case_globals)] // named like the variants they were, so `match` reads the same
impl Locale {
    pub const En: Locale = Locale(0);
    /// Simplified Chinese, as written in mainland China.
    pub const ZhCn: Locale = Locale(1);
    /// Traditional Chinese, made at build time from [`Locale::ZhCn`] with Taiwan's words; also
    /// what Hong Kong and Macau readers get.
    pub const ZhTw: Locale = Locale(2);

    /// The built-in languages, in the order of [`Locale::index`].
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhCn, Locale::ZhTw];
    /// Built-in and added languages together at most: the size of per-language tables.
    pub const MAX: usize = 10;

    /// The BCP 47 tag sent in reports and set as the panel's `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            added => added.added().map_or("en", |a| a.tag),
        }
    }

    /// The position in [`Locale::ALL`] for a built-in language, after them for an added one:
    /// for tables with one entry per language (of [`Locale::MAX`]).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether the operator's config file added this language.
    pub fn is_added(self) -> bool {
        self.index() >= Locale::ALL.len()
    }

    /// Where an added language's content file is; `None` for a built-in one.
    pub fn added(self) -> Option<&'static Added> {
        ADDED.get(self.index().checked_sub(Locale::ALL.len())?)?.get()
    }

    /// Every language there is now: the built-in ones, then those the config file added.
    pub fn each() -> impl Iterator<Item = Locale> {
        (0..Locale::ALL.len() + ADDED.iter().filter(|a| a.get().is_some()).count()).map(|i| Locale(i as u8))
    }

    /// Adds an operator's language, or finds it when a tag of the same language was added
    /// before (the config file is applied again as content arrives). Refused, with the reason,
    /// for a built-in language, a malformed tag and past [`Locale::MAX`].
    pub fn add(tag: &str, url: String, integrity: Option<String>) -> Result<Locale, String> {
        if !is_language_tag(tag) {
            return Err(format!("{tag:?} is not a language tag such as vi or pt-BR"));
        }
        if let Some(l) = Locale::from_tag(tag).filter(|l| !l.is_added()) {
            return Err(format!("{tag:?} is built in ({}); its content cannot be replaced by a file", l.tag()));
        }
        add_to(&ADDED, tag, url, integrity).map(|i| Locale((Locale::ALL.len() + i) as u8))
    }

    /// A BCP 47 tag's language, any case: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*` are
    /// traditional Chinese, any other `zh*` simplified, `en*` English; an added language by
    /// its tag, or by its first part (`vi-VN` reads `vi`); `None` for the rest.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let language = parts.next()?;
        match language {
            "en" => return Some(Locale::En),
            "zh" => {
                return match parts.next() {
                    Some("tw" | "hk" | "mo" | "hant") => Some(Locale::ZhTw),
                    _ => Some(Locale::ZhCn),
                }
            }
            _ => {}
        }
        let added = || Locale::each().filter(|l| l.is_added());
        added().find(|l| l.tag().eq_ignore_ascii_case(&tag)).or_else(|| {
            added().find(|l| l.tag().split('-').next().is_some_and(|first| first.eq_ignore_ascii_case(language)))
        })
    }

    /// Picks the language from the browser's preference list: its first language, when it
    /// is one the widget has; English otherwise.
    pub fn from_browser(languages: &[String]) -> Locale {
        languages.first().and_then(|l| Locale::from_tag(l)).unwrap_or(Locale::En)
    }
}

/// Puts the language in the first free slot, or finds the slot that has it; its position.
fn add_to(
    slots: &[std::sync::OnceLock<Added>],
    tag: &str,
    url: String,
    integrity: Option<String>,
) -> Result<usize, String> {
    for (i, slot) in slots.iter().enumerate() {
        let added =
            slot.get_or_init(|| Added { tag: Box::leak(tag.into()), url: url.clone(), integrity: integrity.clone() });
        if added.tag.eq_ignore_ascii_case(tag) {
            return Ok(i);
        }
    }
    Err(format!("at most {} languages can be added", slots.len()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    BottomRight,
    BottomLeft,
}

/// The panel's views, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Faq,
    Troubleshoot,
    Checklist,
    Contact,
}

impl View {
    pub const ALL: [View; 4] = [View::Faq, View::Troubleshoot, View::Checklist, View::Contact];

    /// The name used by `WalletHelp.open(view)` and `data-open`.
    pub fn name(self) -> &'static str {
        match self {
            View::Faq => "faq",
            View::Troubleshoot => "troubleshoot",
            View::Checklist => "checklist",
            View::Contact => "contact",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s.trim())
    }
}

/// A language asked for that the widget does not ship.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub tag: String,
    /// The page's `locale` option asked for it (a config file without it is then a mistake
    /// to report), not only the browser.
    pub by_page: bool,
}

/// The strict options the widget runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Absolute URL reports are POSTed to; `None` means the form points to other channels.
    pub endpoint: Option<String>,
    /// Absolute URL of the operator's JSON config file.
    pub config_url: Option<String>,
    /// Subresource Integrity the config file must match (`sha384-…`), checked by `fetch`.
    pub config_integrity: Option<String>,
    pub locale: Locale,
    /// The language asked for when it is not built in: the config file's `languages` may
    /// add it, and the widget then switches to it.
    pub wanted: Option<Wanted>,
    pub theme: Theme,
    /// A CSS colour for buttons and highlights.
    pub accent: Option<String>,
    pub position: Position,
    /// View to open as soon as the widget is mounted.
    pub open: Option<View>,
    /// Absolute URL of the offline service worker.
    pub service_worker: Option<String>,
    /// The wallet's name, put into the default articles.
    pub brand: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            endpoint: None,
            config_url: None,
            config_integrity: None,
            locale: Locale::En,
            wanted: None,
            theme: Theme::Auto,
            accent: None,
            position: Position::BottomRight,
            open: None,
            service_worker: None,
            brand: DEFAULT_BRAND.into(),
        }
    }
}

/// The brand the default content is written for.
pub const DEFAULT_BRAND: &str = "tpWallet";

/// What the browser knows and core cannot: the page's URL resolver and language list.
pub struct Env<'a> {
    /// Resolves a possibly relative URL against the page; `None` when it is not a URL.
    pub resolve_url: &'a dyn Fn(&str) -> Option<String>,
    pub languages: &'a [String],
    /// Absolute URL of the folder the widget's files come from (the loader's), or of the page
    /// without a loader. A config file on another origin must be pinned by `configIntegrity`.
    pub base: &'a str,
}

/// The options read: the config to run with, and what to tell the operator in the console.
#[derive(Debug)]
pub struct Parsed {
    pub config: Config,
    /// A value ignored, its default used.
    pub warnings: Vec<String>,
    /// Something the operator asked for and the widget refused to do.
    pub errors: Vec<String>,
}

/// Turns the loader's relaxed options into a [`Config`] and the problems to print.
pub fn parse(raw: &Value, env: &Env) -> Parsed {
    let browser = env.languages.first().filter(|l| Locale::from_tag(l).is_none() && is_language_tag(l.trim()));
    let wanted = browser.map(|l| Wanted { tag: l.trim().to_string(), by_page: false });
    let mut cfg = Config { locale: Locale::from_browser(env.languages), wanted, ..Config::default() };
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let Some(map) = raw.as_object() else {
        if !raw.is_null() {
            warnings.push("config must be an object; using defaults".to_string());
        }
        return Parsed { config: cfg, warnings, errors };
    };

    let unknown: Vec<&str> = map.keys().map(String::as_str).filter(|k| !ALLOWED_KEYS.contains(k)).collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "unknown option(s) {} ignored; allowed: {}",
            unknown.join(", "),
            ALLOWED_KEYS.join(", ")
        ));
    }

    // Each option: read it as text, then accept it or warn and keep the default.
    let mut text = |key: &str| -> Option<String> {
        match map.get(key)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim().to_string()),
            Value::Null => None,
            other => {
                warnings.push(format!("option {key} must be a string, got {other}; ignored"));
                None
            }
        }
    };
    let endpoint = text("endpoint");
    let config_url = text("config");
    let config_integrity = text("configIntegrity");
    let sw = text("sw");
    let locale = text("locale");
    let theme = text("theme");
    let accent = text("accent");
    let position = text("position");
    let open = text("open");
    let prefetch = text("prefetch");

    if let Some(v) = endpoint {
        match (env.resolve_url)(&v) {
            Some(url) if endpoint_allowed(&url) => cfg.endpoint = Some(url),
            _ => warnings.push(format!("endpoint {v:?} ignored: use https, or http only for localhost/127.0.0.1")),
        }
    }
    for (key, value, slot) in [("config", config_url, &mut cfg.config_url), ("sw", sw, &mut cfg.service_worker)] {
        if let Some(v) = value {
            match (env.resolve_url)(&v).filter(|u| scheme(u).is_some_and(|s| s == "https" || s == "http")) {
                Some(url) => *slot = Some(url),
                None => warnings.push(format!("option {key} {v:?} is not an http(s) URL; ignored")),
            }
        }
    }
    if let Some(v) = config_integrity {
        if is_integrity(&v) {
            cfg.config_integrity = Some(v);
        } else {
            warnings.push(format!("configIntegrity {v:?} is not sha384-<base64>; ignored"));
        }
    }
    // The config file says which contacts are official: from another origin than the widget's
    // own files it is taken only when pinned, so whoever controls that origin cannot vouch for
    // a scammer's phone number.
    let base = origin(env.base);
    if let Some(url) = cfg.config_url.take_if(|url| cfg.config_integrity.is_none() && origin(url) != base) {
        errors.push(format!(
            "config {url} refused: not on the widget's origin ({base}) and no data-config-integrity; using the defaults"
        ));
    }
    if let Some(v) = locale {
        match Locale::from_tag(&v) {
            _ if v.eq_ignore_ascii_case("auto") => {}
            Some(l) => (cfg.locale, cfg.wanted) = (l, None),
            // Shown in English until the config file adds it; without one it never will.
            None if is_language_tag(&v) && cfg.config_url.is_some() => {
                cfg.wanted = Some(Wanted { tag: v, by_page: true })
            }
            None => warnings.push(format!(
                "locale {v:?} unknown; use auto, zh-CN, zh-TW or en, or a language the config file's languages add"
            )),
        }
    }
    if let Some(v) = theme {
        match v.as_str() {
            "auto" => cfg.theme = Theme::Auto,
            "light" => cfg.theme = Theme::Light,
            "dark" => cfg.theme = Theme::Dark,
            _ => warnings.push(format!("theme {v:?} unknown; use auto, light or dark")),
        }
    }
    if let Some(v) = accent {
        if is_css_colour(&v) {
            cfg.accent = Some(v);
        } else {
            warnings.push(format!("accent {v:?} is not a CSS colour (#rgb, #rrggbb, rgb(), hsl() or a name)"));
        }
    }
    if let Some(v) = position {
        match v.as_str() {
            "bottom-right" => cfg.position = Position::BottomRight,
            "bottom-left" => cfg.position = Position::BottomLeft,
            _ => warnings.push(format!("position {v:?} unknown; use bottom-right or bottom-left")),
        }
    }
    if let Some(v) = open {
        match View::parse(&v) {
            Some(view) => cfg.open = Some(view),
            None => warnings.push(format!("open {v:?} unknown; use faq, troubleshoot, checklist or contact")),
        }
    }
    if let Some(v) = prefetch {
        if v != "idle" && v != "none" {
            warnings.push(format!("prefetch {v:?} unknown; use idle or none"));
        }
    }
    Parsed { config: cfg, warnings, errors }
}

/// The scheme of an absolute URL, lower-cased.
fn scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once("://")?;
    Some(scheme.to_ascii_lowercase())
}

/// `scheme://authority` of an absolute URL. Resolved by the browser, URLs have their scheme
/// and host lower-cased and default ports dropped, so equal origins are equal strings; a URL
/// with user info (`http://localhost@evil.example/`) never equals one without.
fn origin(url: &str) -> &str {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url.bytes().skip(start).position(|b| matches!(b, b'/' | b'?' | b'#')).map_or(url.len(), |i| start + i);
    &url[..end]
}

/// An added language's `url` as written in the config file: a path (resolved against the
/// config file's URL), https, or http for localhost only (a test server).
pub fn pack_url_allowed(url: &str) -> bool {
    let url = url.trim();
    match scheme(url) {
        Some(s) if s == "https" => true,
        Some(s) if s == "http" => host(url).is_some_and(|h| h == "localhost" || h == "127.0.0.1"),
        Some(_) => false,
        // No `//host` form, nor `javascript:` and other schemes without slashes.
        None => {
            !url.is_empty() && !url.starts_with("//") && !url.split(['/', '?', '#']).next().unwrap_or("").contains(':')
        }
    }
}

/// Whether the widget may show a language pack from `pack` (resolved): a pack is help text
/// the users trust as much as the config file, so one from another origin than the config's
/// is taken only when the config pins it with an integrity.
pub fn pack_allowed(config: &str, pack: &str, integrity: Option<&str>) -> Result<(), String> {
    if integrity.is_some() || origin(pack) == origin(config) {
        Ok(())
    } else {
        Err(format!("{pack} refused: not on the config file's origin ({}) and no integrity", origin(config)))
    }
}

/// A Subresource Integrity value the widget accepts: one `sha384-` digest in base64 (64
/// characters). Checked here because a browser ignores a value it does not understand, and
/// then checks nothing.
pub fn is_integrity(v: &str) -> bool {
    v.strip_prefix("sha384-").is_some_and(|digest| {
        digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
    })
}

/// The host of an absolute URL, without user info, port or IPv6 brackets.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match hostport.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => hostport.split(':').next()?,
    };
    Some(host.to_ascii_lowercase())
}

/// Reports carry personal data: only https, except plain http to this very machine.
pub fn endpoint_allowed(url: &str) -> bool {
    match (scheme(url).as_deref(), host(url)) {
        (Some("https"), Some(h)) => !h.is_empty(),
        (Some("http"), Some(h)) => h == "localhost" || h == "127.0.0.1" || h == "::1",
        _ => false,
    }
}

/// A colour and nothing else: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`; `rgb()`, `rgba()`,
/// `hsl()`, `hsla()` holding numbers, percentages, spaces and `, . / -` only; or a colour name
/// (letters only). Anything else (`url()`, `var()`, `image-set()`, `;`) could have the browser
/// fetch or read something. The loader applies the same rules (static/wallet-help.js, one
/// regular expression) to the launcher before the app is loaded; both are tested on
/// tests/fixtures/accents.json.
pub fn is_css_colour(v: &str) -> bool {
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some((name, args)) = v.split_once('(') {
        return ["rgb", "rgba", "hsl", "hsla"].iter().any(|f| name.eq_ignore_ascii_case(f))
            && args
                .strip_suffix(')')
                .is_some_and(|inner| inner.bytes().all(|b| b.is_ascii_digit() || b" .,%/-".contains(&b)));
    }
    !v.is_empty() && v.chars().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resolve(s: &str) -> Option<String> {
        if s.contains("://") {
            Some(s.to_string())
        } else if s.starts_with('/') {
            Some(format!("http://localhost:8080{s}"))
        } else {
            None
        }
    }

    /// Where the test's loader is: the origin `resolve` puts relative URLs on.
    const BASE: &str = "http://localhost:8080/wallet-help/";

    fn parsed(raw: Value, langs: &[&str]) -> Parsed {
        let langs: Vec<String> = langs.iter().map(|s| s.to_string()).collect();
        parse(&raw, &Env { resolve_url: &resolve, languages: &langs, base: BASE })
    }

    /// The config and the warnings, for options that must not raise an error.
    fn run(raw: Value, langs: &[&str]) -> (Config, Vec<String>) {
        let p = parsed(raw, langs);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        (p.config, p.warnings)
    }

    /// A well-formed sha384 integrity value (of nothing in particular).
    const PIN: &str = "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb";

    // Added languages live for the whole test run, as for the whole visit: each test uses its
    // own tags (vi here; ko, ms, th in other modules), and none adds "de" or "fr".
    #[test]
    fn an_added_language_is_found_by_its_tag_or_its_first_part_and_kept_once() {
        let vi = Locale::add("vi", "wallet-help-vi.txt".into(), None).unwrap();
        assert!(vi.is_added() && !Locale::En.is_added());
        assert_eq!(vi.tag(), "vi");
        assert_eq!(vi.added().map(|a| a.url.as_str()), Some("wallet-help-vi.txt"));
        for tag in ["vi", "VI", "vi-VN", "vi_vn"] {
            assert_eq!(Locale::from_tag(tag), Some(vi), "{tag}");
        }
        assert_eq!(Locale::from_browser(&["vi-VN".into(), "en".into()]), vi);
        // Applied again (the config file is, as content arrives): the same language.
        assert_eq!(Locale::add("VI", "other.txt".into(), None), Ok(vi));
        assert!(Locale::each().any(|l| l == vi));
        assert_eq!(Locale::from_tag("de-DE"), None);
    }

    #[test]
    fn built_in_languages_and_malformed_tags_cannot_be_added() {
        for tag in ["en", "en-GB", "zh", "zh-Hant", "ZH-tw"] {
            let e = Locale::add(tag, "x.txt".into(), None).unwrap_err();
            assert!(e.contains("built in"), "{tag}: {e}");
        }
        for tag in ["", "v", "vietnamese", "vi_VN", "vi-", "vi-x", "v1"] {
            let e = Locale::add(tag, "x.txt".into(), None).unwrap_err();
            assert!(e.contains("not a language tag"), "{tag}: {e}");
        }
    }

    #[test]
    fn the_slots_for_added_languages_fill_up_and_then_refuse() {
        let slots: [std::sync::OnceLock<Added>; 2] = [const { std::sync::OnceLock::new() }; 2];
        assert_eq!(add_to(&slots, "ko", "ko.txt".into(), None), Ok(0));
        assert_eq!(add_to(&slots, "th", "th.txt".into(), None), Ok(1));
        assert_eq!(add_to(&slots, "KO", "again.txt".into(), None), Ok(0));
        assert_eq!(slots[0].get().map(|a| a.url.as_str()), Some("ko.txt"), "the first stays");
        assert_eq!(add_to(&slots, "ms", "ms.txt".into(), None), Err("at most 2 languages can be added".into()));
    }

    #[test]
    fn a_language_not_built_in_is_wanted_until_the_config_file_adds_it() {
        let (cfg, w) = run(json!({}), &["km-KH", "en"]);
        assert_eq!(cfg.locale, Locale::En);
        assert_eq!(cfg.wanted, Some(Wanted { tag: "km-KH".into(), by_page: false }));
        assert!(w.is_empty(), "{w:?}");
        let (cfg, w) = run(json!({"locale": "km", "config": "/help.json"}), &["zh-CN"]);
        assert_eq!((cfg.locale, cfg.wanted), (Locale::ZhCn, Some(Wanted { tag: "km".into(), by_page: true })));
        assert!(w.is_empty(), "{w:?}");
        // Without a config file nothing can add it: said at once.
        let (cfg, w) = run(json!({"locale": "km"}), &["en"]);
        assert_eq!(cfg.wanted, None);
        assert!(w[0].contains("\"km\" unknown"), "{w:?}");
        // A built-in language asked for wants nothing more.
        assert_eq!(run(json!({"locale": "en", "config": "/help.json"}), &["km"]).0.wanted, None);
    }

    #[test]
    fn a_pack_url_is_a_path_https_or_a_local_test_server_and_another_origin_needs_a_pin() {
        for ok in ["wallet-help-vi.txt", "/packs/vi.txt", "https://cdn.example/vi.txt", "http://localhost:8080/vi.txt"]
        {
            assert!(pack_url_allowed(ok), "{ok}");
        }
        for bad in [
            "",
            "//cdn.example/vi.txt",
            "javascript:alert(1)",
            "data:text/plain,x",
            "http://cdn.example/vi.txt",
            "ftp://x/vi.txt",
        ] {
            assert!(!pack_url_allowed(bad), "{bad}");
        }
        let config = "https://wallet.example/help/config.json";
        assert!(pack_allowed(config, "https://wallet.example/help/vi.txt", None).is_ok());
        assert!(pack_allowed(config, "https://cdn.example/vi.txt", Some(PIN)).is_ok());
        let e = pack_allowed(config, "https://cdn.example/vi.txt", None).unwrap_err();
        assert!(e.contains("https://wallet.example") && e.contains("integrity"), "{e}");
    }

    #[test]
    fn traditional_chinese_is_told_by_region_or_script() {
        for tag in ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "ZH_tw", "zh-hant-hk"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::ZhTw), "{tag}");
        }
        for tag in ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "ZH-cn"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::ZhCn), "{tag}");
        }
        for (tag, want) in [("en", Some(Locale::En)), ("en-GB", Some(Locale::En)), ("de", None), ("", None)] {
            assert_eq!(Locale::from_tag(tag), want, "{tag}");
        }
        // Every language's own tag reads back as itself, and the order is the index.
        for (i, l) in Locale::ALL.into_iter().enumerate() {
            assert_eq!((Locale::from_tag(l.tag()), l.index()), (Some(l), i));
        }
    }

    #[test]
    fn defaults_follow_the_browser_language() {
        assert_eq!(run(json!({}), &["zh-TW", "en"]).0.locale, Locale::ZhTw);
        assert_eq!(run(json!({}), &["zh-CN", "en"]).0.locale, Locale::ZhCn);
        assert_eq!(run(json!({}), &["de-DE", "zh-CN"]).0.locale, Locale::En);
        assert_eq!(run(json!({}), &[]).0.locale, Locale::En);
        assert!(run(json!({}), &[]).1.is_empty());
    }

    #[test]
    fn explicit_locale_wins_and_auto_keeps_the_browser_choice() {
        assert_eq!(run(json!({"locale": "en"}), &["zh-CN"]).0.locale, Locale::En);
        assert_eq!(run(json!({"locale": "zh-CN"}), &["en"]).0.locale, Locale::ZhCn);
        assert_eq!(run(json!({"locale": "auto"}), &["zh"]).0.locale, Locale::ZhCn);
        assert_eq!(run(json!({"locale": "zh-TW"}), &["en"]).0.locale, Locale::ZhTw);
        assert_eq!(run(json!({"locale": "AUTO"}), &["zh-HK"]).0.locale, Locale::ZhTw);
        let (cfg, w) = run(json!({"locale": "klingon"}), &["en"]);
        assert_eq!(cfg.locale, Locale::En);
        assert!(w[0].contains("klingon"), "{w:?}");
    }

    #[test]
    fn unknown_keys_give_one_warning_listing_allowed_keys() {
        let (_, w) = run(json!({"endpiont": "x", "colour": "red"}), &[]);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("endpiont") && w[0].contains("colour") && w[0].contains("endpoint, config"));
    }

    #[test]
    fn endpoint_needs_https_except_on_this_machine() {
        let ok = |e: &str| run(json!({ "endpoint": e }), &[]).0.endpoint;
        assert_eq!(ok("https://api.example.com/r").as_deref(), Some("https://api.example.com/r"));
        assert_eq!(ok("http://127.0.0.1:9000/api").as_deref(), Some("http://127.0.0.1:9000/api"));
        assert_eq!(ok("/api/reports").as_deref(), Some("http://localhost:8080/api/reports"));
        assert_eq!(ok("http://[::1]:80/x").as_deref(), Some("http://[::1]:80/x"));
        assert_eq!(ok("http://api.example.com/r"), None);
        assert_eq!(ok("http://localhost.evil.com/r"), None);
        assert_eq!(ok("http://user@evil.com@localhost/r").as_deref(), Some("http://user@evil.com@localhost/r"));
        assert_eq!(ok("javascript://alert(1)"), None);
        assert_eq!(ok("not a url"), None);
        assert!(run(json!({"endpoint": "ftp://x.org"}), &[]).1[0].contains("https"));
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let (cfg, w) =
            run(json!({"theme": "neon", "position": "top", "open": "nowhere", "accent": "red;}", "sw": 5}), &[]);
        assert_eq!(cfg.theme, Theme::Auto);
        assert_eq!(cfg.position, Position::BottomRight);
        assert_eq!(cfg.open, None);
        assert_eq!(cfg.accent, None);
        assert_eq!(w.len(), 5, "{w:?}");
    }

    #[test]
    fn good_values_are_taken() {
        let (cfg, w) = run(
            json!({"theme": "dark", "position": "bottom-left", "open": "contact",
                   "accent": "#0a7", "sw": "/sw.js", "config": "https://x.org/c.json", "configIntegrity": PIN,
                   "prefetch": "idle"}),
            &[],
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.theme, Theme::Dark);
        assert_eq!(cfg.position, Position::BottomLeft);
        assert_eq!(cfg.open, Some(View::Contact));
        assert_eq!(cfg.accent.as_deref(), Some("#0a7"));
        assert_eq!(cfg.service_worker.as_deref(), Some("http://localhost:8080/sw.js"));
        assert_eq!(cfg.config_url.as_deref(), Some("https://x.org/c.json"));
        assert_eq!(cfg.config_integrity.as_deref(), Some(PIN));
    }

    #[test]
    fn a_config_on_the_origin_of_the_widgets_files_needs_no_pin() {
        let (cfg, w) = run(json!({"config": "/wallet-help/config.json"}), &[]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.config_url.as_deref(), Some("http://localhost:8080/wallet-help/config.json"));
        assert_eq!(cfg.config_integrity, None);
        let (cfg, _) = run(json!({"config": "http://localhost:8080?c.json"}), &[]);
        assert!(cfg.config_url.is_some());
    }

    #[test]
    fn a_config_from_another_origin_is_refused_unless_pinned() {
        for url in [
            "https://cdn.example/c.json",
            "http://localhost:9090/wallet-help/config.json",
            "https://localhost:8080/wallet-help/config.json",
            "http://localhost:8080.evil.example/c.json",
            "http://localhost:8080@evil.example/c.json",
        ] {
            let p = parsed(json!({ "config": url }), &[]);
            assert_eq!(p.config.config_url, None, "{url}");
            assert_eq!(p.errors.len(), 1, "{url}: {:?}", p.errors);
            assert!(
                p.errors[0].starts_with(&format!("config {url} refused"))
                    && p.errors[0].contains("(http://localhost:8080)")
                    && p.errors[0].contains("data-config-integrity"),
                "{}",
                p.errors[0]
            );
            let pinned = parsed(json!({ "config": url, "configIntegrity": PIN }), &[]);
            assert!(pinned.errors.is_empty() && pinned.warnings.is_empty(), "{url}");
            assert_eq!(pinned.config.config_url.as_deref(), Some(url));
        }
    }

    #[test]
    fn a_malformed_pin_is_ignored_with_a_warning_and_does_not_let_a_foreign_config_in() {
        let p = parsed(json!({"config": "https://cdn.example/c.json", "configIntegrity": "sha1-abc"}), &[]);
        assert_eq!(p.config.config_url, None);
        assert_eq!(p.config.config_integrity, None);
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert!(p.warnings[0].starts_with("configIntegrity \"sha1-abc\" is not sha384-"), "{:?}", p.warnings);
        assert_eq!(p.errors.len(), 1);
        // On the widget's own origin the file is still taken, unpinned.
        let (cfg, w) = run(json!({"config": "/c.json", "configIntegrity": "sha384-xyz"}), &[]);
        assert_eq!(
            (cfg.config_url.as_deref(), cfg.config_integrity, w.len()),
            (Some("http://localhost:8080/c.json"), None, 1)
        );
    }

    #[test]
    fn integrity_values() {
        let b64 = |n: usize| "A+/9".repeat(n / 4);
        assert!(is_integrity(PIN));
        assert!(is_integrity(&format!("sha384-{}", b64(64))));
        for bad in [
            String::new(),
            "sha384-".into(),
            format!("sha384-{}", &b64(64)[1..]),
            format!("sha384-{}A", b64(64)),
            format!("sha256-{}=", &b64(44)[1..]),
            format!("sha512-{}", b64(88)),
            format!("SHA384-{}", b64(64)),
            format!("sha384-{}=", &b64(64)[1..]),
            format!("sha384-{}\"", &b64(64)[1..]),
            format!(" {PIN}"),
            format!("{PIN} {PIN}"),
        ] {
            assert!(!is_integrity(&bad), "{bad}");
        }
    }

    /// The cases the loader's e2e test (tests/e2e/loader.test.mjs) checks too, so both keep
    /// the same rules.
    #[test]
    fn css_colours() {
        let cases: Value = serde_json::from_str(include_str!("../../tests/fixtures/accents.json")).unwrap();
        let list = |key: &str| {
            cases[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>()
        };
        let (colours, refused) = (list("colours"), list("refused"));
        assert!(colours.len() >= 10 && refused.len() >= 10);
        for ok in &colours {
            assert!(is_css_colour(ok), "{ok}");
            assert_eq!(run(json!({ "accent": ok }), &[]).0.accent.as_deref(), Some(ok.as_str()));
        }
        for bad in &refused {
            assert!(!is_css_colour(bad), "{bad}");
            let (cfg, w) = run(json!({ "accent": bad }), &[]);
            assert_eq!(cfg.accent, None, "{bad}");
            assert_eq!(w.len(), 1, "{bad}: {w:?}");
        }
        assert!(!is_css_colour(""));
    }

    #[test]
    fn a_non_object_config_is_reported() {
        let (cfg, w) = run(json!("endpoint=x"), &[]);
        assert_eq!(cfg, Config::default());
        assert_eq!(w.len(), 1);
        assert!(run(Value::Null, &[]).1.is_empty());
    }

    #[test]
    fn views_round_trip_by_name() {
        for v in View::ALL {
            assert_eq!(View::parse(v.name()), Some(v));
        }
        assert_eq!(View::parse("FAQ"), None);
    }
}

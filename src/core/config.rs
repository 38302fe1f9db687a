//! Operator options: the relaxed object the loader hands over (script-tag `data-*` attributes
//! merged with `window.WalletHelp.config`) becomes a strict [`Config`] plus human-readable
//! warnings. Nothing here fails: a bad value falls back to its default with a warning.

use serde_json::Value;

/// Keys an operator may set, in the camelCase spelling of `window.WalletHelp.config`.
pub const ALLOWED_KEYS: &[&str] =
    &["endpoint", "config", "locale", "theme", "accent", "position", "open", "sw", "prefetch"];

/// Languages the widget has content and strings for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    ZhCn,
    En,
}

impl Locale {
    /// The BCP 47 tag sent in reports and set as the panel's `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Picks the language from the browser's preference list: any `zh*` means Chinese.
    pub fn from_browser(languages: &[String]) -> Locale {
        match languages.first() {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Locale::ZhCn,
            _ => Locale::En,
        }
    }
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

/// The strict options the widget runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Absolute URL reports are POSTed to; `None` means the form points to other channels.
    pub endpoint: Option<String>,
    /// Absolute URL of the operator's JSON config file.
    pub config_url: Option<String>,
    pub locale: Locale,
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
            locale: Locale::En,
            theme: Theme::Auto,
            accent: None,
            position: Position::BottomRight,
            open: None,
            service_worker: None,
            brand: "tpWallet".into(),
        }
    }
}

/// What the browser knows and core cannot: the page's URL resolver and language list.
pub struct Env<'a> {
    /// Resolves a possibly relative URL against the page; `None` when it is not a URL.
    pub resolve_url: &'a dyn Fn(&str) -> Option<String>,
    pub languages: &'a [String],
}

/// Turns the loader's relaxed options into a [`Config`] and the warnings to print.
pub fn parse(raw: &Value, env: &Env) -> (Config, Vec<String>) {
    let mut cfg = Config { locale: Locale::from_browser(env.languages), ..Config::default() };
    let mut warnings = Vec::new();
    let Some(map) = raw.as_object() else {
        if !raw.is_null() {
            warnings.push("config must be an object; using defaults".to_string());
        }
        return (cfg, warnings);
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
    if let Some(v) = locale {
        match v.to_ascii_lowercase().as_str() {
            "auto" => {}
            "en" | "en-us" | "en-gb" => cfg.locale = Locale::En,
            // Traditional Chinese readers get the simplified content until zh-TW exists.
            "zh-cn" | "zh" | "zh-hans" | "zh-tw" | "zh-hant" => cfg.locale = Locale::ZhCn,
            _ => warnings.push(format!("locale {v:?} unknown; use auto, zh-CN, zh-TW or en")),
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
    (cfg, warnings)
}

/// The scheme of an absolute URL, lower-cased.
fn scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once("://")?;
    Some(scheme.to_ascii_lowercase())
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

/// Accepts the colour forms operators use, and nothing that could break out of a CSS value.
pub fn is_css_colour(v: &str) -> bool {
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let functional = ["rgb(", "rgba(", "hsl(", "hsla(", "oklch("].iter().any(|f| v.starts_with(f));
    if functional {
        return v.ends_with(')') && v.chars().all(|c| c.is_ascii_alphanumeric() || " ,.%()/-".contains(c));
    }
    !v.is_empty() && v.len() <= 30 && v.chars().all(|c| c.is_ascii_alphabetic())
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

    fn run(raw: Value, langs: &[&str]) -> (Config, Vec<String>) {
        let langs: Vec<String> = langs.iter().map(|s| s.to_string()).collect();
        parse(&raw, &Env { resolve_url: &resolve, languages: &langs })
    }

    #[test]
    fn defaults_follow_the_browser_language() {
        assert_eq!(run(json!({}), &["zh-TW", "en"]).0.locale, Locale::ZhCn);
        assert_eq!(run(json!({}), &["de-DE", "zh-CN"]).0.locale, Locale::En);
        assert_eq!(run(json!({}), &[]).0.locale, Locale::En);
        assert!(run(json!({}), &[]).1.is_empty());
    }

    #[test]
    fn explicit_locale_wins_and_auto_keeps_the_browser_choice() {
        assert_eq!(run(json!({"locale": "en"}), &["zh-CN"]).0.locale, Locale::En);
        assert_eq!(run(json!({"locale": "zh-CN"}), &["en"]).0.locale, Locale::ZhCn);
        assert_eq!(run(json!({"locale": "auto"}), &["zh"]).0.locale, Locale::ZhCn);
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
                   "accent": "#0a7", "sw": "/sw.js", "config": "https://x.org/c.json", "prefetch": "idle"}),
            &[],
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.theme, Theme::Dark);
        assert_eq!(cfg.position, Position::BottomLeft);
        assert_eq!(cfg.open, Some(View::Contact));
        assert_eq!(cfg.accent.as_deref(), Some("#0a7"));
        assert_eq!(cfg.service_worker.as_deref(), Some("http://localhost:8080/sw.js"));
        assert_eq!(cfg.config_url.as_deref(), Some("https://x.org/c.json"));
    }

    #[test]
    fn css_colours() {
        for ok in ["#fff", "#12ab34", "#12ab34cc", "rgb(1, 2, 3)", "hsl(120 50% 40%)", "teal"] {
            assert!(is_css_colour(ok), "{ok}");
        }
        for bad in ["#ggg", "#12345", "red;background:url(x)", "rgb(1,2,3", "expression(alert(1))", ""] {
            assert!(!is_css_colour(bad), "{bad}");
        }
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

//! The JS-facing surface: `mount(root, config)` renders the app into an element the loader
//! made, and returns a [`Widget`] whose methods back `window.WalletHelp`.

use crate::core::config::{self, Env, Locale, View};
use crate::core::state::Action;
use crate::platform::{host, js_value};
use crate::ui::{App, AppProps, Bridge};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// A mounted widget. Dropping it does not unmount; call `destroy()`.
#[wasm_bindgen]
pub struct Widget {
    bridge: Bridge,
    app: Option<yew::AppHandle<App>>,
}

/// Renders the widget into `root` with the loader's relaxed options. Never throws: bad
/// options become console warnings and defaults. `loader_version` is the loader's own
/// version: files from two releases mixed up get a warning that says how to fix it.
/// `base` is the folder the loader came from: a config file on another origin must be pinned
/// by its integrity (without `base`, the page's origin is the widget's).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue, loader_version: Option<String>, base: Option<String>) -> Widget {
    if let Some(v) = loader_version.filter(|v| v != crate::VERSION) {
        host::warn(&format!(
            "wallet-help.js is version {v} but the app is {}: deploy all files of one release together",
            crate::VERSION
        ));
    }
    let raw = js_value::to_json(&options).unwrap_or_else(|| {
        host::warn("options could not be read (only strings are accepted); using defaults");
        serde_json::Value::Null
    });
    let languages = host::languages();
    let base = base.unwrap_or_else(host::page_url);
    let parsed = config::parse(&raw, &Env { resolve_url: &host::resolve_url, languages: &languages, base: &base });
    parsed.warnings.iter().for_each(|w| host::warn(w));
    parsed.errors.iter().for_each(|e| host::error(e));
    let config = parsed.config;
    let bridge = Bridge::default();
    if let Some(view) = config.open {
        bridge.send(Action::Open(Some(view)));
    }
    let props = AppProps { config: Rc::new(config), bridge: bridge.clone(), launcher: false };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    host::emit("ready", &host::detail(&[("version", crate::VERSION)]));
    Widget { bridge, app: Some(app) }
}

#[wasm_bindgen]
impl Widget {
    /// Opens the panel, on `view` if given (`faq`, `troubleshoot`, `checklist`, `contact`).
    pub fn open(&self, view: Option<String>) {
        let view = view.and_then(|v| {
            let parsed = View::parse(&v);
            if parsed.is_none() {
                host::warn(&format!("open({v:?}): unknown view; use faq, troubleshoot, checklist or contact"));
            }
            parsed
        });
        self.bridge.send(Action::Open(view));
    }

    pub fn close(&self) {
        self.bridge.send(Action::Close);
    }

    pub fn toggle(&self) {
        self.bridge.send(Action::Toggle);
    }

    #[wasm_bindgen(js_name = showArticle)]
    pub fn show_article(&self, id: String) {
        self.bridge.send(Action::ShowArticle(id));
    }

    /// Opens the troubleshooter on a case (`app-crash`, `tx-pending`, `login-failed`,
    /// `wrong-balance`, `payment-failed`, `refund`, `account-stolen`, `data-leak`, `funds-drained`).
    #[wasm_bindgen(js_name = startCase)]
    pub fn start_case(&self, case: String) {
        self.bridge.send(Action::StartCase(case));
    }

    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: String) {
        match Locale::from_tag(&locale) {
            Some(l) => self.bridge.send(Action::SetLocale(l)),
            None => host::warn(&format!(
                "setLocale({locale:?}): use zh-CN, zh-TW, en, or a language the config file adds (once it has arrived)"
            )),
        }
    }

    /// Fills report fields (`txHash`, `amount`, `asset`, `chain`, `counterparty`, `email`,
    /// `phone`, `subject`, `description`, `category`, `kind`); other keys (e.g. `accountId`,
    /// `appVersion`) travel in the report's `context.prefill`. Values must be strings.
    pub fn prefill(&self, fields: JsValue) {
        match js_value::string_pairs(&fields) {
            Some(pairs) => {
                for warning in crate::core::report::prefill_warnings(&pairs) {
                    host::warn(&warning);
                }
                self.bridge.send(Action::Prefill(pairs))
            }
            None => host::warn("prefill({...}) takes an object of string values; ignored"),
        }
    }

    /// Unmounts the app; the loader then removes its host element.
    pub fn destroy(&mut self) {
        crate::ui::lazy::outbox::stop();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

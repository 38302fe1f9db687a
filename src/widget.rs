//! The JS-facing surface: `mount(root, config)` renders the app into an element the loader
//! made, and returns a [`Widget`] whose methods back `window.WalletHelp`.

use crate::core::config::{self, Env, Locale, View};
use crate::core::state::Action;
use crate::platform::host;
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
/// options become console warnings and defaults.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> Widget {
    let raw: serde_json::Value = serde_wasm_bindgen::from_value(options).unwrap_or_else(|_| {
        host::warn("options could not be read (only strings are accepted); using defaults");
        serde_json::Value::Null
    });
    let languages = host::languages();
    let (config, warnings) = config::parse(&raw, &Env { resolve_url: &host::resolve_url, languages: &languages });
    for w in warnings {
        host::warn(&w);
    }
    let bridge = Bridge::default();
    if let Some(view) = config.open {
        bridge.send(Action::Open(Some(view)));
    }
    let props = AppProps { config: Rc::new(config), bridge: bridge.clone() };
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

    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: String) {
        match locale.to_ascii_lowercase().as_str() {
            "en" => self.bridge.send(Action::SetLocale(Locale::En)),
            l if l.starts_with("zh") => self.bridge.send(Action::SetLocale(Locale::ZhCn)),
            _ => host::warn(&format!("setLocale({locale:?}): use zh-CN, zh-TW or en")),
        }
    }

    /// Unmounts the app; the loader then removes its host element.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

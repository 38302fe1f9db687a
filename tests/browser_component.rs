//! The `HelpWidget` Yew component in headless Chromium: rendered by a Yew app the way
//! `examples/yew_app.rs` does it, with the same `Config` type the script tag's options become.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wallet_help::core::config::{Config, Locale, Theme, View};
use wallet_help::{HelpWidget, HelpWidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the component into a fresh element; returns the element and the widget's shadow root.
async fn render(config: Config) -> (Element, ShadowRoot, yew::AppHandle<HelpWidget>) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = HelpWidgetProps { config: Rc::new(config), stylesheet: "/wallet-help.css".into() };
    let app = yew::Renderer::<HelpWidget>::with_root_and_props(root.clone(), props).render();
    // First render, then the effect that opens the shadow root, then the portal's render.
    for _ in 0..3 {
        yew::scheduler::flush().await;
    }
    let shadow = root.query_selector("wallet-help").unwrap().expect("host element").shadow_root().expect("shadow root");
    (root, shadow, app)
}

fn get(shadow: &ShadowRoot, selector: &str) -> HtmlElement {
    shadow.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap()
}

async fn click(shadow: &ShadowRoot, selector: &str) {
    get(shadow, selector).click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_yew_app_renders_the_launcher_and_panel_in_a_shadow_root() {
    let (root, shadow, app) = render(Config { brand: "AcmeWallet".into(), ..Config::default() }).await;
    assert_eq!(get(&shadow, "link[rel=stylesheet]").get_attribute("href").as_deref(), Some("/wallet-help.css"));
    let launcher = get(&shadow, "button.wh-launcher");
    assert_eq!(launcher.text_content().as_deref(), Some("Help"));
    assert_eq!(launcher.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(shadow.query_selector("[role=dialog]").unwrap().is_none());
    // The page's own CSS cannot select into the widget.
    assert!(root.query_selector(".wh-launcher").unwrap().is_none());

    click(&shadow, "button.wh-launcher").await;
    assert_eq!(get(&shadow, "button.wh-launcher").get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(get(&shadow, "#wh-title").text_content().unwrap().contains("AcmeWallet"));

    click(&shadow, ".wh-close").await;
    yew::scheduler::flush().await;
    assert!(shadow.query_selector("[role=dialog]").unwrap().is_none());
    // Focus returns to the launcher when the panel closes.
    assert_eq!(shadow.active_element().map(|e| e.class_name()).as_deref(), Some("wh-launcher"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn config_sets_language_theme_and_the_view_to_open() {
    let config = Config {
        locale: Locale::ZhCn,
        theme: Theme::Dark,
        open: Some(View::Checklist),
        accent: Some("#0a7d4f".into()),
        ..Config::default()
    };
    let (root, shadow, app) = render(config).await;
    let host: HtmlElement = root.query_selector("wallet-help").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(host.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(host.style().get_property_value("--wh-accent").ok().as_deref(), Some("#0a7d4f"));
    assert_eq!(get(&shadow, "button.wh-launcher").text_content().as_deref(), Some("帮助"));
    let selected = get(&shadow, "[role=tab][aria-selected=true]");
    assert_eq!(selected.id(), "wh-tab-checklist");
    app.destroy();
    root.remove();
}

//! The widget as a Yew component, for Yew applications: `<HelpWidget config={..} stylesheet={..} />`
//! renders what the script tag renders — a launcher and the panel, inside their own shadow
//! root so the application's CSS and the widget's cannot touch each other — from the same
//! [`Config`] type the script tag's options become.

use super::app::{App, AppProps};
use super::bridge::Bridge;
use crate::core::config::{Config, Position, Theme};
use crate::core::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpWidgetProps {
    pub config: Rc<Config>,
    /// URL of `wallet-help.css`, loaded into the widget's shadow root.
    pub stylesheet: AttrValue,
}

#[component]
pub fn HelpWidget(props: &HelpWidgetProps) -> Html {
    let host = use_node_ref();
    // The element inside the shadow root that the launcher and panel render into.
    let mount = use_state(|| None::<web_sys::Element>);
    let open = props.config.open;
    let bridge = use_memo((), move |_| {
        let bridge = Bridge::default();
        // Like the script tag's data-open; the bridge holds it until the app runs.
        if let Some(view) = open {
            bridge.send(Action::Open(Some(view)));
        }
        bridge
    });
    {
        let (host, mount, css, accent) =
            (host.clone(), mount.clone(), props.stylesheet.clone(), props.config.accent.clone());
        use_effect_with((), move |_| {
            mount.set(shadow_mount(&host, &css, accent.as_deref()));
        });
    }
    let theme = match props.config.theme {
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
        Theme::Auto => None,
    };
    let position = (props.config.position == Position::BottomLeft).then_some("bottom-left");
    let app = AppProps { config: props.config.clone(), bridge: (*bridge).clone(), launcher: true };
    html! {
        <wallet-help ref={host} data-theme={theme} data-position={position}>
            { mount.as_ref().map(|el| create_portal(html! { <App ..app /> }, el.clone())).unwrap_or_default() }
        </wallet-help>
    }
}

/// Opens the shadow root on the host element, links the stylesheet and returns the element
/// to render into; `None` if the browser refuses (then nothing is shown).
fn shadow_mount(host: &NodeRef, css: &str, accent: Option<&str>) -> Option<web_sys::Element> {
    let host = host.cast::<web_sys::HtmlElement>()?;
    if let Some(accent) = accent {
        // Through the CSSOM, not a style attribute, so a strict style-src allows it.
        let _ = host.style().set_property("--wh-accent", accent);
    }
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
    let document = host.owner_document()?;
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", css).ok()?;
    root.append_child(&link).ok()?;
    let el = document.create_element("div").ok()?;
    root.append_child(&el).ok()?;
    Some(el)
}

//! The view switcher, as an ARIA tab list: one tab in the tab order, arrow keys move
//! between tabs and select them, Home/End jump to the ends.

use crate::core::config::{Locale, View};
use crate::core::i18n::{frame, view_name};
use crate::core::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub locale: Locale,
    pub current: View,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let Some(tab) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let list = tab.parent_element();
        let target = match e.key().as_str() {
            "ArrowRight" => tab.next_element_sibling().or_else(|| list.and_then(|l| l.first_element_child())),
            "ArrowLeft" => tab.previous_element_sibling().or_else(|| list.and_then(|l| l.last_element_child())),
            "Home" => list.and_then(|l| l.first_element_child()),
            "End" => list.and_then(|l| l.last_element_child()),
            _ => return,
        };
        e.prevent_default();
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.click();
        }
    });
    html! {
        <div class="wh-tabs" role="tablist" aria-label={frame(props.locale).views_label} {onkeydown}>
            { for View::ALL.iter().map(|&view| {
                let selected = view == props.current;
                let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowView(view));
                html! {
                    <button type="button" role="tab" class="wh-tab" id={format!("wh-tab-{}", view.name())}
                            aria-selected={selected.to_string()} aria-controls="wh-view"
                            tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { view_name(props.locale, view) }
                    </button>
                }
            }) }
        </div>
    }
}

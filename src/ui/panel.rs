//! The dialog: title bar with close button, the view tabs, and the current view.
//! Focus moves into the dialog when it opens (the search box on the FAQ, else the view's
//! heading) and stays in it: Tab wraps around, as the dialog is modal, and a view change
//! puts focus on the new view's heading, or back on the item that opened the view the user
//! returns from (`platform::focus`). Esc closes it from anywhere.

use super::faq::Faq;
use super::followup::FollowUp;
use super::lazy::{placeholder, prefetch, Lazy, Part};
use super::tabs::Tabs;
use crate::core::config::{Config, View};
use crate::core::content::{self, Catalogue};
use crate::core::i18n::frame;
use crate::core::state::{left_for, Action, FaqPage, State};
use crate::platform::{focus, timers};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What Tab can stop on. Tabs other than the selected one carry `tabindex="-1"` (arrow keys
/// reach them), so they are not stops.
const TAB_STOP: &str =
    ":is(a[href], button, input, select, textarea, summary, [tabindex]):not([disabled]):not([tabindex='-1'])";

/// The first and last Tab stops inside `root`, in document order. Stops that are not
/// rendered (closed `<details>`, `display: none`) have no box and are skipped. Walks the
/// tree with `Element` methods alone, so no extra `web-sys` features are needed.
fn tab_stops(root: &Element) -> Option<(HtmlElement, HtmlElement)> {
    let mut first: Option<HtmlElement> = None;
    let mut last: Option<HtmlElement> = None;
    let mut next = root.first_element_child();
    while let Some(el) = next {
        if el.matches(TAB_STOP).unwrap_or(false) {
            if let Some(h) = el.dyn_ref::<HtmlElement>().filter(|h| h.offset_width() > 0 || h.offset_height() > 0) {
                if first.is_none() {
                    first = Some(h.clone());
                }
                last = Some(h.clone());
            }
        }
        // Depth first: child, else sibling, else the nearest ancestor's sibling below `root`.
        next = el.first_element_child().or_else(|| {
            let mut at = Some(el);
            while let Some(node) = at {
                if let Some(sibling) = node.next_element_sibling() {
                    return Some(sibling);
                }
                at = node.parent_element().filter(|p| p != root);
            }
            None
        });
    }
    first.zip(last)
}

/// Keeps Tab inside the dialog: from the last stop to the first, and Shift+Tab from the
/// first stop (or the dialog itself, focused on open) to the last.
fn trap_tab(dialog: &HtmlElement, e: &KeyboardEvent) {
    let Some((first, last)) = tab_stops(dialog) else {
        // Nothing to move to: keep focus where it is rather than let it leave the dialog.
        e.prevent_default();
        return;
    };
    let Some(current) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let to = if e.shift_key() {
        (current == *first.as_ref() || current == *dialog.as_ref()).then_some(last)
    } else {
        (current == *last.as_ref()).then_some(first)
    };
    if let Some(el) = to {
        e.prevent_default();
        let _ = el.focus();
    }
}

/// The selector of the item that opens `page` in a list: result, topic and related-article
/// buttons carry `data-article` or `data-topic`.
fn opener(page: &FaqPage) -> String {
    match page {
        FaqPage::Article(id) => format!("[data-article=\"{id}\"]"),
        FaqPage::Category(c) => format!("[data-topic=\"{}\"]", c.name()),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PanelProps {
    pub state: State,
    pub config: Rc<Config>,
    /// The wallet's name: from the options, or the operator's config file once loaded.
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    /// The language's content could not be fetched (`make dist`); while it is on its way the
    /// panel shows "Loading…".
    #[prop_or_default]
    pub content_failed: bool,
    #[prop_or_default]
    pub onretry: Callback<()>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let s = frame(props.state.locale);
    let dialog = use_node_ref();
    // Where focus should go when the next view change loses it: the item that opened the
    // FAQ page the user is going back from.
    let pending = use_mut_ref(|| None::<String>);
    let changing = use_memo((), |_| Cell::new(false));
    // What the focus rules look at, as of the last render: the FAQ trail, the case's step
    // and ladder, and whether the verifier is shown.
    let place = (props.state.trail.clone(), props.state.walk.clone(), props.state.ladder, props.state.verifier);
    let last = use_mut_ref(|| place.clone());
    if *last.borrow() != place {
        changing.set(true);
        let before = std::mem::replace(&mut *last.borrow_mut(), place.clone());
        // Going back, the item that opened the page or the verifier the user leaves.
        *pending.borrow_mut() = if before.3 && !place.3 {
            Some("[data-opens=verifier]".to_string())
        } else {
            left_for(&before.0, &place.0).map(|left| opener(&left))
        };
    }
    {
        let (dialog, pending, d, changing) =
            (dialog.clone(), pending.clone(), props.ondispatch.clone(), changing.clone());
        let faq = props.state.view == View::Faq && props.state.page().is_none();
        use_effect_with((), move |_| {
            let keeper = dialog.cast::<HtmlElement>().map(|el| {
                // The FAQ is for asking: its search box has focus on open.
                if !(faq && focus::to(&el, "#wh-search")) {
                    focus::settle(&el, None);
                }
                focus::Keeper::new(el, pending, changing, move || d.emit(Action::Close))
            });
            // The other views' code, while the user reads the first one.
            timers::when_idle(prefetch);
            move || drop(keeper)
        });
    }
    {
        // Another FAQ page, step, ladder or the verifier: focus on the new view's heading,
        // or back on the item the user returns to. Yew keeps nodes that look alike ("← Back",
        // "Still broken", a related link in the same place), so focus would otherwise stay
        // on a control of the old view.
        let (dialog, pending, first, changing) =
            (dialog.clone(), pending.clone(), use_mut_ref(|| true), changing.clone());
        use_effect_with(place, move |_| {
            changing.set(false);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(el) = dialog.cast::<HtmlElement>() {
                    focus::settle_pending(&el, &pending);
                }
            }
        });
    }
    {
        // A tab opens its view at the top, with its introduction and score in sight.
        let dialog = dialog.clone();
        use_effect_with(props.state.view, move |_| {
            if let Some(body) = dialog.cast::<Element>().and_then(|d| d.query_selector(".wh-body").ok().flatten()) {
                body.set_scroll_top(0);
            }
        });
    }
    let onkeydown = {
        let (d, dialog) = (props.ondispatch.clone(), dialog.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                d.emit(Action::Close);
            }
            "Tab" => {
                if let Some(el) = dialog.cast::<HtmlElement>() {
                    trap_tab(&el, &e);
                }
            }
            _ => {}
        })
    };
    let onclose = props.ondispatch.reform(|_: MouseEvent| Action::Close);
    let locale = props.state.locale;
    let view = match Part::of(props) {
        None => html! {
            <Faq {locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                 page={props.state.page().cloned()} query={props.state.query.clone()}
                 votes={props.state.votes.clone()} ondispatch={props.ondispatch.clone()} />
        },
        Some(part) => html! { <Lazy {part} panel={props.clone()} /> },
    };
    // Until the language's content has arrived, only the frame: its words are compiled in.
    let body = if content::pack(locale).is_none() {
        placeholder(locale, props.content_failed, props.onretry.reform(|_: MouseEvent| ()))
    } else {
        html! {
            <>
            <FollowUp {locale} brand={props.brand.clone()} notes={props.state.notes.clone()}
                      response_hours={props.catalogue.channels.response_hours}
                      in_reports={props.state.view == View::Contact && props.state.reports} ondispatch={props.ondispatch.clone()} />
            { view }
            </>
        }
    };

    html! {
        <div class="wh-panel" role="dialog" aria-modal="true" aria-labelledby="wh-title" tabindex="-1"
             ref={dialog} {onkeydown}>
            // A `div`, not `<header>`: inside the host page a header would be a second banner
            // landmark next to the site's own.
            <div class="wh-header">
                <h2 id="wh-title" class="wh-title">{ format!("{} · {}", props.brand, s.panel_title) }</h2>
                <button type="button" class="wh-close" aria-label={s.close} title={s.close} onclick={onclose}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            </div>
            <Tabs {locale} current={props.state.view} ondispatch={props.ondispatch.clone()} />
            <div class="wh-body" role="tabpanel" id="wh-view"
                 aria-labelledby={format!("wh-tab-{}", props.state.view.name())}>
                { body }
            </div>
        </div>
    }
}

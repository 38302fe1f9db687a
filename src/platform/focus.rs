//! Focus that follows the user through view changes. A view change replaces the control that
//! had focus (a list item, "Back", "Write a letter"); the browser then puts focus on the
//! page's `<body>`, where Tab starts over in the host page and the dialog's keys no longer
//! reach it. Which component re-rendered does not matter: a `MutationObserver` on the panel
//! sees every change, and when focus has fallen out it goes to the element the panel asked
//! for (the item that opened the view being left), else to the new view's heading.
//! Esc is heard on the whole document while the panel is open, so it closes the panel from
//! anywhere, even when focus was lost.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, MutationObserver, MutationObserverInit};

/// A view's heading: the one marked as such (a case's current step), else the first one in
/// the view; focusable from script only.
const HEADINGS: [&str; 2] = [".wh-body [data-heading]", ".wh-body :is(h3, h4)"];

/// Whether focus fell out of the widget to nothing: the page's `<body>` (or nothing) has it.
/// Focus the user moved into the host page on purpose is on some element there, and stays.
pub fn lost() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| active == *body.as_ref()),
    }
}

/// Focuses `selector` inside `dialog` if it is there, else the current view's heading, else
/// the dialog itself. Returns whether `selector` was found.
pub fn settle(dialog: &HtmlElement, selector: Option<&str>) -> bool {
    let find = |s: &str| dialog.query_selector(s).ok().flatten();
    let wanted = selector.and_then(find);
    let found = wanted.is_some();
    let target = wanted.or_else(|| {
        let heading = HEADINGS.iter().find_map(|h| find(h))?;
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        Some(heading)
    });
    let _ = match target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        Some(el) => el.focus(),
        None => dialog.focus(),
    };
    found
}

/// [`settle`] with the item `pending` names, kept until found: it may be rendered a batch
/// later than the view around it, when the keeper tries it again.
pub fn settle_pending(dialog: &HtmlElement, pending: &Rc<RefCell<Option<String>>>) {
    let selector = pending.borrow().clone();
    if settle(dialog, selector.as_deref()) {
        pending.borrow_mut().take();
    }
}

/// Whether focus is where [`settle`] puts it when it finds no item: a heading or the dialog.
/// Anywhere else the user has moved on, and nothing takes focus from them.
fn on_heading(dialog: &HtmlElement) -> bool {
    let root = dialog.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()),
    };
    active.is_some_and(|a| a == *dialog.as_ref() || a.matches("h3, h4").unwrap_or(false))
}

/// Moves focus to the first element matching `selector` within `within`; false when there
/// is none.
pub fn to(within: &Element, selector: &str) -> bool {
    match within.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Keeps focus inside `dialog` while it lives, and Esc closing it; dropping it stops both.
/// `pending` is a selector the next settle should try first (taken once used).
pub struct Keeper {
    observer: Option<MutationObserver>,
    _on_change: Closure<dyn FnMut()>,
    on_key: Option<KeyListener>,
}

/// The document and the Esc listener registered on it.
type KeyListener = (web_sys::Document, Closure<dyn FnMut(KeyboardEvent)>);

impl Keeper {
    /// `changing` is set while a view change the panel settles itself is under way: focus
    /// lost then is the panel's to place, once the new view is complete.
    pub fn new(
        dialog: HtmlElement,
        pending: Rc<RefCell<Option<String>>>,
        changing: Rc<Cell<bool>>,
        on_escape: impl Fn() + 'static,
    ) -> Keeper {
        let on_change = {
            let dialog = dialog.clone();
            Closure::<dyn FnMut()>::new(move || {
                if changing.get() {
                    return;
                }
                if lost() {
                    settle_pending(&dialog, &pending);
                } else if on_heading(&dialog) {
                    // The item to return to was not rendered yet when the view changed (the
                    // results come a render later): it takes focus from the heading now.
                    let selector = pending.borrow().clone();
                    if selector.is_some_and(|s| to(&dialog, &s)) {
                        pending.borrow_mut().take();
                    }
                }
            })
        };
        let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            let options = MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            let _ = observer.observe_with_options(&dialog, &options);
        }
        let on_key = web_sys::window().and_then(|w| w.document()).map(|document| {
            let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                // The dialog handles its own Esc (and says so); this is for every other place.
                if e.key() == "Escape" && !e.default_prevented() {
                    e.prevent_default();
                    on_escape();
                }
            });
            let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            (document, listener)
        });
        Keeper { observer, _on_change: on_change, on_key }
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        if let Some((document, listener)) = &self.on_key {
            let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
    }
}

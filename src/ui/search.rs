//! FAQ search: the box, and the ranked results with the matched words marked. The index
//! is built from the shown catalogue the first time results are needed. The result count
//! is a live region that stays in the page while the query is empty, so screen readers
//! already know it when the first count arrives and announce it.

use crate::core::config::{Locale, View};
use crate::core::content::{search_index, with_brand, Catalogue};
use crate::core::i18n::{more_results, result_count, strings, view_name};
use crate::core::search::{highlight, strong, Index, Latest};
use crate::core::secrets::holds_secret;
use crate::core::state::Action;
use crate::platform::{host, timers};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the user must pause before the host page hears about the search.
const SEARCH_EVENT_DELAY_MS: i32 = 600;
const MAX_RESULTS: usize = 20;

/// The `search` event's detail: the query, unless it holds a seed phrase or key, which the
/// host page (and whatever analytics it forwards events to) must never see.
fn search_detail(query: &str) -> Vec<(&'static str, &str)> {
    if holds_secret(query) {
        vec![("query", ""), ("withheld", "secret")]
    } else {
        vec![("query", query.trim())]
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub locale: Locale,
    pub query: AttrValue,
    pub ondispatch: Callback<Action>,
}

/// ArrowDown in the search box moves into the results, as in a combobox's list.
fn into_results(e: KeyboardEvent) {
    if e.key() != "ArrowDown" {
        return;
    }
    let root = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).map(|n| n.get_root_node());
    let first = root
        .and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok())
        .and_then(|r| r.query_selector(".wh-results .wh-item").ok().flatten());
    if let Some(first) = first.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        e.prevent_default();
        let _ = first.focus();
    }
}

/// ArrowDown and ArrowUp move between results; ArrowUp from the first goes back to the box.
fn step_through_results() -> Callback<KeyboardEvent> {
    Callback::from(|e: KeyboardEvent| {
        let down = match e.key().as_str() {
            "ArrowDown" => true,
            "ArrowUp" => false,
            _ => return,
        };
        let Some(item) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let li = item.parent_element();
        let next = li.and_then(|li| if down { li.next_element_sibling() } else { li.previous_element_sibling() });
        e.prevent_default();
        match next.and_then(|li| li.first_element_child()).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(button) => {
                let _ = button.focus();
            }
            None if !down => host::focus_by_id(e.target(), "wh-search"),
            None => {}
        }
    })
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let s = strings(props.locale);
    // Only the last of a burst of keystrokes becomes a `search` event.
    let latest = use_mut_ref(Latest::default);
    let oninput = {
        let (d, latest) = (props.ondispatch.clone(), latest.clone());
        Callback::from(move |e: InputEvent| {
            let query = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            d.emit(Action::Search(query.clone()));
            let ticket = latest.borrow_mut().ticket();
            let latest: Rc<RefCell<Latest>> = latest.clone();
            timers::after(SEARCH_EVENT_DELAY_MS, move || {
                if latest.borrow().is_current(ticket) && !query.trim().is_empty() {
                    host::emit("search", &host::detail(&search_detail(&query)));
                }
            });
        })
    };
    let secret = holds_secret(&props.query);
    html! {
        <div class="wh-search">
            <label class="wh-hidden" for="wh-search">{ s.search_label }</label>
            <input id="wh-search" type="search" autocomplete="off" enterkeyhint="search"
                   placeholder={s.search_placeholder} value={props.query.clone()} {oninput} onkeydown={into_results}
                   aria-invalid={secret.to_string()} aria-describedby={secret.then_some("wh-search-secret")} />
            if secret {
                <p class="wh-guard" role="alert" id="wh-search-secret">{ s.search_secret }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub query: AttrValue,
    pub ondispatch: Callback<Action>,
}

/// Marks the parts of `text` that `query` matched.
fn marked(text: &str, query: &str) -> Html {
    highlight(text, query)
        .into_iter()
        .map(|(part, hit)| {
            if hit {
                html! { <mark>{ part }</mark> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

type IndexKey = (Locale, Rc<Catalogue>, AttrValue);

/// The search index of the shown catalogue: `None` until `needed`, then built once and kept
/// while the catalogue, language and brand stay the same (also while it is not needed, so
/// clearing and retyping a query does not rebuild it). Opening the panel builds nothing.
#[hook]
pub fn use_index(locale: Locale, catalogue: Rc<Catalogue>, brand: AttrValue, needed: bool) -> Option<Rc<Index>> {
    let cache = use_mut_ref(|| None::<(IndexKey, Rc<Index>)>);
    if !needed {
        return None;
    }
    let key = (locale, catalogue, brand);
    let mut cache = cache.borrow_mut();
    if let Some((_, index)) = cache.as_ref().filter(|(k, _)| *k == key) {
        return Some(index.clone());
    }
    let (_, catalogue, brand) = &key;
    let index = Rc::new(search_index(catalogue.articles(locale), brand, &catalogue.brand_aliases));
    *cache = Some((key, index.clone()));
    Some(index)
}

#[component]
pub fn SearchResults(props: &ResultsProps) -> Html {
    let s = strings(props.locale);
    let articles = props.catalogue.articles(props.locale);
    let blank = props.query.trim().is_empty();
    let index = use_index(props.locale, props.catalogue.clone(), props.brand.clone(), !blank);
    let hits = index.map(|i| i.search(&props.query, MAX_RESULTS)).unwrap_or_default();
    // The strong results first; the rest, far below the best, only when asked for. A new
    // query starts folded again.
    let more = use_state(|| None::<AttrValue>);
    let unfolded = more.as_ref() == Some(&props.query);
    let strong_count = strong(&hits);
    let shown = if unfolded { hits.len() } else { strong_count };
    let list = use_node_ref();
    let onmore = {
        let (more, query) = (more.clone(), props.query.clone());
        Callback::from(move |_: MouseEvent| more.set(Some(query.clone())))
    };
    // The "more results" button goes away with the click: focus moves on to the first
    // result it revealed, where reading continues, instead of falling back to the page.
    {
        let list = list.clone();
        use_effect_with(unfolded, move |&unfolded| {
            let first_new = list
                .cast::<web_sys::Element>()
                .filter(|_| unfolded)
                .and_then(|ul| ul.query_selector(&format!("li:nth-child({}) button", strong_count + 1)).ok().flatten());
            if let Some(button) = first_new.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        });
    }
    let go = |view: View| props.ondispatch.reform(move |_: MouseEvent| Action::ShowView(view));
    html! {
        <>
            <p class="wh-count" role="status">{ if blank { "".to_string() } else { result_count(props.locale, shown) } }</p>
            // While the query is blank only the (empty) live region is here: the FAQ home
            // shows its topics below it.
            if blank {
            } else if hits.is_empty() {
                <div class="wh-empty">
                    <p>{ s.no_results }</p>
                    <p>{ s.no_results_hint }</p>
                    <div class="wh-actions">
                        <button type="button" class="wh-button" onclick={go(View::Troubleshoot)}>{ view_name(props.locale, View::Troubleshoot) }</button>
                        <button type="button" class="wh-button wh-secondary" onclick={go(View::Contact)}>{ view_name(props.locale, View::Contact) }</button>
                    </div>
                </div>
            } else {
                <ul class="wh-list wh-results" ref={list}>
                    { for hits[..shown].iter().filter_map(|h| articles.get(h.doc)).map(|a| {
                        let id = a.id.to_string();
                        let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()));
                        html! {
                            <li><button type="button" class="wh-item" data-article={a.id.to_string()} {onclick} onkeydown={step_through_results()}>
                                <span class="wh-item-title">{ marked(&with_brand(&a.title, &props.brand), &props.query) }</span>
                                <span class="wh-item-summary">{ marked(&with_brand(&a.summary, &props.brand), &props.query) }</span>
                            </button></li>
                        }
                    }) }
                </ul>
                if shown < hits.len() {
                    <button type="button" class="wh-link wh-more" onclick={onmore}>{ more_results(props.locale, hits.len() - shown) }</button>
                }
            }
        </>
    }
}

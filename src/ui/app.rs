//! The app root: owns the reducer, connects the JS API bridge, reports open/close/article
//! to the host page, and shows the panel while open.

use super::bridge::Bridge;
use super::lazy;
use super::panel::Panel;
use crate::core::config::{Config, Locale};
use crate::core::content::{self, Catalogue};
use crate::core::state::{Action, FaqPage, State};
use crate::core::{operator, report};
use crate::platform::{content as platform_content, host, http, storage};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    pub bridge: Bridge,
    /// Render the launcher button too (the Yew component does; the script tag's loader
    /// draws its own, so the widget exists before the Wasm is loaded).
    #[prop_or_default]
    pub launcher: bool,
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The inherent `State::reduce` is the pure reducer; returning the same Rc skips a render.
        let next = State::reduce(&self, action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Removes everything the widget keeps on the device: every `wallet-help:v1:` key, the
/// outbox (IndexedDB and the text-only store), the reports' threads and the service worker's
/// page cache.
fn forget_device() {
    storage::clear_all();
    storage::delete_page_cache();
    crate::platform::threads::forget();
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = lazy::outbox::clear().await {
            host::warn(&format!("could not clear the saved reports: {e}"));
        }
    });
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let locale = props.config.locale;
    let state = use_reducer(move || State {
        notes: Rc::new(storage::load_notes()),
        ..State::new(locale, storage::load_votes(), storage::load_draft(), storage::load_marks())
    });
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    // The operator's config file, once it arrives.
    let file = use_state(|| None::<Rc<serde_json::Value>>);
    // How many languages' content files have arrived (`make dist` fetches them), and whether
    // the one on screen failed; `attempt` is bumped by "Try again".
    let arrived = use_state(content::installed);
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    // The built-in content as changed by the config file: made again when either arrives.
    // A warning is printed once, not each time.
    let printed = use_mut_ref(std::collections::HashSet::<String>::new);
    let made = {
        let default_brand = props.config.brand.clone();
        use_memo(((*file).clone(), *arrived), move |(file, _)| {
            let mut next = Catalogue::default();
            let mut brand = default_brand;
            if let Some(file) = file {
                let changes = operator::apply(file, &mut next);
                for w in changes.warnings {
                    if printed.borrow_mut().insert(w.clone()) {
                        host::warn(&w);
                    }
                }
                brand = changes.brand.unwrap_or(brand);
            }
            (Rc::new(next), AttrValue::from(brand))
        })
    };
    let (catalogue, brand) = (made.0.clone(), made.1.clone());

    // The language's content: compiled in, or fetched once per language.
    {
        let (arrived, failed, dispatch) = (arrived.clone(), failed.clone(), dispatch.clone());
        let (config_url, built_in) = (props.config.config_url.clone(), props.config.locale);
        use_effect_with((state.locale, *attempt), move |&(locale, _)| {
            if content::pack(locale).is_none() {
                failed.set(false);
                wasm_bindgen_futures::spawn_local(async move {
                    match platform_content::load(locale, config_url.as_deref()).await {
                        Ok(()) => arrived.set(content::installed()),
                        // An operator's language that fails leaves the user with the built-in
                        // one the browser asked for, not with an empty panel.
                        Err(e) if locale.is_added() => {
                            host::error(&format!(
                                "the {} language pack was refused: {e}; showing {}",
                                locale.tag(),
                                built_in.tag()
                            ));
                            dispatch.emit(Action::SetLocale(built_in));
                        }
                        Err(e) => {
                            host::error(&format!("the {} help content could not be loaded: {e}", locale.tag()));
                            failed.set(true);
                        }
                    }
                });
            }
        });
    }
    // A language the config file adds, asked for by the page or the browser, is shown once
    // the file has said where its pack is.
    {
        let (wanted, dispatch, built_in) = (props.config.wanted.clone(), dispatch.clone(), props.config.locale);
        use_effect_with(file.is_some(), move |&there| {
            let Some(wanted) = wanted.filter(|_| there) else { return };
            match Locale::from_tag(&wanted.tag).filter(|l| l.is_added()) {
                Some(locale) => dispatch.emit(Action::SetLocale(locale)),
                None if wanted.by_page => host::warn(&format!(
                    "locale {:?} is not built in and the config file's languages do not add it; using {}",
                    wanted.tag,
                    built_in.tag()
                )),
                None => {}
            }
        });
    }
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    // The page's calls (open, showArticle, startCase…) wait for the first language's content,
    // or for its failure (then the panel says so): a case asked for before its flow has
    // arrived would be lost.
    {
        let (bridge, dispatch) = (props.bridge.clone(), dispatch.clone());
        let go = content::pack(state.locale).is_some() || *failed;
        let connected = use_mut_ref(|| false);
        use_effect_with(go, move |&go| {
            if go && !std::mem::replace(&mut *connected.borrow_mut(), true) {
                bridge.connect(dispatch);
            }
        });
    }

    // Reports left in the outbox by an earlier visit are sent now.
    use_effect_with((), |_| lazy::outbox::resume());

    // "Clear my data": the reducer has emptied what the app would write back; this wipes
    // what is on the device. (Not on the first render: 0 means never asked.)
    use_effect_with(state.cleared, |cleared| {
        if *cleared > 0 {
            forget_device();
        }
    });

    // The operator's config file changes the brand and the articles once it arrives.
    {
        let (url, integrity) = (props.config.config_url.clone(), props.config.config_integrity.clone());
        let file = file.clone();
        use_effect_with((), move |_| {
            let Some(url) = url else { return };
            wasm_bindgen_futures::spawn_local(async move {
                match http::get_json(&url, integrity.as_deref()).await {
                    Ok(json) => file.set(Some(Rc::new(json))),
                    // A pinned file that fails is most likely not the one pinned (fetch says
                    // only "Failed to fetch"): that is an error, a missing file a warning.
                    Err(e) => {
                        let (say, pin) = match integrity {
                            Some(_) => (host::error as fn(&str), " or does not match data-config-integrity"),
                            None => (host::warn as fn(&str), ""),
                        };
                        say(&format!("config {url} could not be loaded{pin} ({e}); using the defaults"));
                    }
                }
            });
        });
    }

    // Tell the host page about open/close, but not about the initial closed state.
    let was_open = use_mut_ref(|| false);
    use_effect_with(state.open, move |open| {
        let before = std::mem::replace(&mut *was_open.borrow_mut(), *open);
        if *open != before {
            host::emit(if *open { "open" } else { "close" }, &wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    use_effect_with(state.page().cloned(), |page| {
        if let Some(FaqPage::Article(id)) = page {
            host::emit("article", &host::detail(&[("id", id)]));
        }
    });
    // Checklist progress is kept on the device; the first render only reads it.
    let marks_loaded = use_mut_ref(|| false);
    use_effect_with(state.marks.clone(), move |marks| {
        if std::mem::replace(&mut *marks_loaded.borrow_mut(), true) {
            storage::save_marks(marks);
        }
    });
    // The draft survives reloads, without any secret the guard found in it.
    use_effect_with(state.draft.clone(), |draft| storage::save_draft(&report::storable(draft)));
    // Notes about reports, like votes, are written only once the user has said something.
    use_effect_with(state.notes.clone(), |notes| {
        if !notes.is_empty() {
            storage::save_notes(notes);
        }
    });
    // Votes are stored only once the user has voted: nothing is written before they act.
    use_effect_with(state.votes.clone(), |votes| {
        if !votes.is_empty() {
            storage::save_votes(votes);
        }
    });

    // Focus goes back to the launcher when the panel closes, as with the script tag.
    let launcher = use_node_ref();
    {
        let (launcher, has, was_open) = (launcher.clone(), props.launcher, use_mut_ref(|| false));
        use_effect_with(state.open, move |open| {
            // Only on a close, not on the first render: mounting must not move the page's focus.
            let closed = std::mem::replace(&mut *was_open.borrow_mut(), *open) && !*open;
            if has && closed {
                if let Some(b) = launcher.cast::<web_sys::HtmlElement>() {
                    if b.owner_document().and_then(|d| d.active_element()).is_none_or(|a| a.tag_name() == "BODY") {
                        let _ = b.focus();
                    }
                }
            }
        });
    }
    // The script tag's launcher is the loader's button beside the app's root, labelled by the
    // loader before the app exists, for the built-in languages only: the app names it once a
    // language pack has said how.
    let app_root = use_node_ref();
    {
        let app_root = app_root.clone();
        use_effect_with((state.locale, *arrived), move |&(locale, _)| {
            let button = app_root
                .cast::<web_sys::Element>()
                .and_then(|app| app.parent_element())
                .and_then(|root| root.previous_element_sibling())
                .filter(|b| b.class_name() == "wh-launcher");
            let label = crate::core::i18n::frame(locale).launcher;
            if let Some(b) = button.filter(|b| b.text_content().as_deref() != Some(label)) {
                b.set_text_content(Some(label));
                let _ = b.set_attribute("lang", locale.tag());
            }
        });
    }
    let ontoggle = dispatch.reform(|_: MouseEvent| Action::Toggle);
    html! {
        <>
        if props.launcher {
            <button type="button" class="wh-launcher" ref={launcher} aria-haspopup="dialog" aria-expanded={state.open.to_string()}
                    onclick={ontoggle} lang={state.locale.tag()}>{ crate::core::i18n::frame(state.locale).launcher }</button>
        }
        <div class="wh-app" ref={app_root} lang={state.locale.tag()}>
            if state.open {
                <Panel state={(*state).clone()} config={props.config.clone()} brand={brand}
                       {catalogue} content_failed={*failed} {onretry}
                       ondispatch={dispatch} />
            }
        </div>
        </>
    }
}

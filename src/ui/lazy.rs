//! The views the first open does not need, loaded on demand. `make dist` builds with the
//! `split` feature: each `#[wasm_split(..)]` function below then lives in its own Wasm file
//! (`split_contact.wasm`, …, plus shared `chunk_*.wasm`), fetched the first time the view is
//! shown and, after the panel has opened, in idle time. Only code reachable through these
//! functions leaves the first part, so the components they name must not be named anywhere
//! else. Without the feature (tests, the `HelpWidget` in other Yew apps) the same functions
//! are plain calls and every view renders at once.

use super::checklist::Checklist;
use super::contact::ContactView;
use super::panel::PanelProps;
use super::troubleshoot::Troubleshoot;
use super::verifier::Verifier;
use crate::core::config::{Locale, View};
use crate::core::i18n::frame;
use std::cell::RefCell;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;

/// Renders a view from the panel's props.
type Render = fn(&PanelProps) -> Html;

/// A part could not be fetched (offline, a failed integrity check).
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// The parts loaded on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Contact,
    Troubleshoot,
    Checklist,
    Verifier,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Contact, Part::Troubleshoot, Part::Checklist, Part::Verifier];

    /// The part a view needs (the FAQ is in the first part: `None`).
    pub fn of(props: &PanelProps) -> Option<Part> {
        match props.state.view {
            _ if props.state.verifier => Some(Part::Verifier),
            View::Faq => None,
            View::Contact => Some(Part::Contact),
            View::Checklist => Some(Part::Checklist),
            View::Troubleshoot => Some(Part::Troubleshoot),
        }
    }
}

#[cfg_attr(feature = "split", wasm_split(contact, fallible))]
fn contact() -> Result<Render, Unavailable> {
    fn view(p: &PanelProps) -> Html {
        let locale = p.state.locale;
        html! {
            <ContactView {locale} brand={p.brand.clone()} catalogue={p.catalogue.clone()}
                draft={p.state.draft.clone()} prefill={p.state.prefill.clone()} marks={p.state.marks.clone()}
                endpoint={p.config.endpoint.clone()} reports={p.state.reports}
                ondispatch={p.ondispatch.clone()} />
        }
    }
    Ok(view as Render)
}

#[cfg_attr(feature = "split", wasm_split(troubleshoot, fallible))]
fn troubleshoot() -> Result<Render, Unavailable> {
    fn view(p: &PanelProps) -> Html {
        let locale = p.state.locale;
        html! {
            <Troubleshoot {locale} brand={p.brand.clone()} catalogue={p.catalogue.clone()}
                walk={p.state.walk.clone()} ladder={p.state.ladder} votes={p.state.votes.clone()} draft={p.state.draft.clone()}
                account={p.state.prefill.get("accountId").cloned()} ondispatch={p.ondispatch.clone()} />
        }
    }
    Ok(view as Render)
}

// The checklist and the verifier it links to share one file.
#[cfg_attr(feature = "split", wasm_split(checklist, fallible))]
fn checklist() -> Result<Render, Unavailable> {
    fn view(p: &PanelProps) -> Html {
        let locale = p.state.locale;
        let installed = p.state.prefill.get("appVersion").cloned();
        let app_versions = installed.zip(p.catalogue.latest_app_version.clone());
        html! {
            <Checklist {locale} brand={p.brand.clone()} catalogue={p.catalogue.clone()}
                marks={p.state.marks.clone()} {app_versions} ondispatch={p.ondispatch.clone()} />
        }
    }
    Ok(view as Render)
}

#[cfg_attr(feature = "split", wasm_split(checklist, fallible))]
fn verifier() -> Result<Render, Unavailable> {
    // The verifier opens in place, over the view the user is in, so Back returns there.
    fn view(p: &PanelProps) -> Html {
        html! {
            <Verifier locale={p.state.locale} brand={p.brand.clone()} catalogue={p.catalogue.clone()}
                elsewhere={p.state.view != View::Checklist} ondispatch={p.ondispatch.clone()} />
        }
    }
    Ok(view as Render)
}

/// The outbox has a part of its own: the first open loads it only when an earlier visit
/// may have left reports to send (most visits have none), for "clear my data", and with the
/// Contact view, which sends through it.
pub mod outbox {
    use crate::platform::{host, outbox};
    #[cfg(feature = "split")]
    use wasm_split_helpers::wasm_split;

    type Clearing = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>;

    /// Calls a split point: awaited with the split, a plain call without it.
    macro_rules! part {
        ($f:ident) => {{
            #[cfg(feature = "split")]
            let got = $f().await;
            #[cfg(not(feature = "split"))]
            let got = $f();
            got
        }};
    }

    #[cfg_attr(feature = "split", wasm_split(outbox, fallible))]
    fn resume_now() -> Result<(), super::Unavailable> {
        outbox::resume();
        Ok(())
    }

    #[cfg_attr(feature = "split", wasm_split(outbox, fallible))]
    fn clearing() -> Result<Clearing, super::Unavailable> {
        Ok(Box::pin(outbox::clear()))
    }

    #[cfg_attr(feature = "split", wasm_split(outbox, fallible))]
    fn stop_now() -> Result<(), super::Unavailable> {
        outbox::stop();
        Ok(())
    }

    /// On mount: sends what an earlier visit left, loading the outbox only if there may be some.
    pub fn resume() {
        if outbox::may_have_pending() {
            wasm_bindgen_futures::spawn_local(async {
                if part!(resume_now).is_err() {
                    host::warn("the saved reports could not be resumed: the outbox did not load");
                }
            });
        }
    }

    /// "Clear my data": every stored report goes, whether this visit loaded the outbox or not.
    pub async fn clear() -> Result<(), String> {
        match part!(clearing) {
            Ok(future) => future.await,
            Err(super::Unavailable) => Err("the outbox did not load".into()),
        }
    }

    /// On `destroy()`: stops the outbox's timers if this page started it; never loads it.
    pub fn stop() {
        if outbox::in_use() {
            wasm_bindgen_futures::spawn_local(async {
                let _ = part!(stop_now);
            });
        }
    }
}

/// Fetching the statuses of delivered reports is in the Contact part: only users who have
/// sent reports need it, and they have loaded that part before.
pub mod threads {
    use crate::core::outbox::Entry;
    use crate::platform::{host, threads};
    #[cfg(feature = "split")]
    use wasm_split_helpers::wasm_split;

    type Refresh = fn(&[Entry]);

    #[cfg_attr(feature = "split", wasm_split(contact, fallible))]
    fn refresher() -> Result<Refresh, super::Unavailable> {
        Ok(threads::refresh as Refresh)
    }

    /// Fetches the status of every delivered report in `entries` that has a status token.
    pub fn refresh(entries: Vec<Entry>) {
        wasm_bindgen_futures::spawn_local(async move {
            #[cfg(feature = "split")]
            let got = refresher().await;
            #[cfg(not(feature = "split"))]
            let got = refresher();
            match got {
                Ok(refresh) => refresh(&entries),
                Err(super::Unavailable) => {
                    host::warn("the reports' status could not be fetched: a part of help did not load")
                }
            }
        });
    }
}

thread_local! {
    /// The parts loaded so far: a view shown again renders at once.
    static LOADED: RefCell<Vec<(Part, Render)>> = const { RefCell::new(Vec::new()) };
}

fn loaded(part: Part) -> Option<Render> {
    LOADED.with(|l| l.borrow().iter().find(|(p, _)| *p == part).map(|(_, r)| *r))
}

/// Fetches `part` once; later calls return the cached renderer. A failed fetch is tried
/// again on the next call.
async fn load(part: Part) -> Result<Render, Unavailable> {
    if let Some(r) = loaded(part) {
        return Ok(r);
    }
    #[cfg(feature = "split")]
    let render = match part {
        Part::Contact => contact().await,
        Part::Troubleshoot => troubleshoot().await,
        Part::Checklist => checklist().await,
        Part::Verifier => verifier().await,
    }?;
    #[cfg(not(feature = "split"))]
    let render = now(part)?;
    LOADED.with(|l| l.borrow_mut().push((part, render)));
    Ok(render)
}

/// Without the split every part is already here.
#[cfg(not(feature = "split"))]
fn now(part: Part) -> Result<Render, Unavailable> {
    match part {
        Part::Contact => contact(),
        Part::Troubleshoot => troubleshoot(),
        Part::Checklist => checklist(),
        Part::Verifier => verifier(),
    }
}

/// Fetches every part not loaded yet, one after the other, so a later view change needs no
/// download. Called once the panel has opened and the browser is idle.
pub fn prefetch() {
    wasm_bindgen_futures::spawn_local(async {
        for part in Part::ALL {
            let _ = load(part).await;
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub part: Part,
    pub panel: PanelProps,
}

/// A part's view: at once when it is loaded, else "Loading…" until it is, or the reason it
/// could not be with a button that tries again.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    #[cfg(not(feature = "split"))]
    if let Ok(render) = now(props.part) {
        return render(&props.panel);
    }
    // Bumped when a part arrives or the user tries again: both re-render.
    let attempt = use_state(|| 0u32);
    let failed = use_state(|| false);
    let ready = loaded(props.part);
    {
        let (attempt, failed) = (attempt.clone(), failed.clone());
        use_effect_with((props.part, *attempt, ready.is_some()), move |&(part, n, ready)| {
            if !ready {
                wasm_bindgen_futures::spawn_local(async move {
                    match load(part).await {
                        Ok(_) => attempt.set(n + 1),
                        Err(Unavailable) => failed.set(true),
                    }
                });
            }
        });
    }
    match ready {
        Some(render) => render(&props.panel),
        None => {
            let shown = *failed;
            let onretry = Callback::from(move |_: MouseEvent| {
                failed.set(false);
                attempt.set(*attempt + 1);
            });
            placeholder(props.panel.state.locale, shown, onretry)
        }
    }
}

/// What stands in for a view whose code or content has not arrived: "Loading…", or, once it
/// failed, why, with a button that tries again.
pub fn placeholder(locale: Locale, failed: bool, onretry: Callback<MouseEvent>) -> Html {
    let s = frame(locale);
    if failed {
        html! {
            <div class="wh-loading" role="alert">
                <p>{ s.view_failed }</p>
                <button type="button" class="wh-button wh-secondary" onclick={onretry}>{ s.try_again }</button>
            </div>
        }
    } else {
        html! { <p class="wh-loading" role="status">{ s.view_loading }</p> }
    }
}

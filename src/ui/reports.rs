//! "My reports": every report sent from this device, newest first, with its status and
//! what was sent.

use super::confirm::Confirm;
use crate::core::config::Locale;
use crate::core::i18n::{category_name, clear_question, kind_name, strings};
use crate::core::outbox::{Entry, Status};
use crate::core::report::{Category, Kind};
use crate::core::state::Action;
use crate::platform::{host, outbox, storage};
use yew::prelude::*;

/// One line saying where a report stands.
pub fn status_line(locale: Locale, e: &Entry) -> String {
    let s = strings(locale);
    match &e.status {
        Status::Queued => s.status_queued.to_string(),
        Status::Sending => s.status_sending.to_string(),
        Status::Delivered { reference: Some(r) } => format!("{} · {}{}{r}", s.status_delivered, s.reference, s.colon),
        Status::Delivered { reference: None } => s.status_delivered.to_string(),
        Status::Rejected { message } => format!("{}{}{message}", s.status_rejected, s.colon),
    }
}

/// When the report was written, in the reader's time zone, and its kind and category in the
/// reader's language (an entry from a newer version with an unknown code shows the code).
fn meta_line(locale: Locale, e: &Entry) -> String {
    let kind = Kind::parse(&e.kind).map_or(e.kind.as_str(), |k| kind_name(locale, k));
    let category = Category::parse(&e.category).map_or(e.category.as_str(), |c| category_name(locale, c));
    format!("{} · {kind} · {category}", host::local_time(&e.created_at, locale.tag()))
}

/// The description as sent, read back from the stored payload.
fn sent_text(e: &Entry) -> String {
    serde_json::from_str::<serde_json::Value>(&e.body)
        .ok()
        .and_then(|v| v.get("description").and_then(|d| d.as_str()).map(String::from))
        .unwrap_or_default()
}

/// The outbox's entries, newest first, kept current while the component is shown.
#[hook]
pub fn use_outbox() -> UseStateHandle<Vec<Entry>> {
    let entries = use_state(Vec::<Entry>::new);
    {
        let entries = entries.clone();
        use_effect_with((), move |_| {
            let listener = outbox::subscribe(std::rc::Rc::new(move |list: Vec<Entry>| entries.set(list)));
            move || drop(listener)
        });
    }
    entries
}

#[derive(Properties, PartialEq)]
pub struct ReportsProps {
    pub locale: Locale,
    pub entries: Vec<Entry>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Reports(props: &ReportsProps) -> Html {
    let s = strings(props.locale);
    let onback = props.ondispatch.reform(|_: MouseEvent| Action::ShowReports(false));
    // Removes reports, draft and votes from this device; reports not yet delivered go too.
    let onclear = props.ondispatch.reform(|()| {
        wasm_bindgen_futures::spawn_local(async {
            if let Err(e) = outbox::clear().await {
                crate::platform::host::warn(&format!("could not clear the saved reports: {e}"));
            }
        });
        storage::clear_all();
        Action::DiscardDraft
    });
    let unsent = props.entries.iter().filter(|e| matches!(e.status, Status::Queued | Status::Sending)).count();
    html! {
        <section class="wh-reports">
            <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.write_report }</button>
            <h3>{ s.my_reports }</h3>
            if props.entries.is_empty() {
                <p>{ s.no_reports }</p>
            }
            <ul class="wh-list">
                { for props.entries.iter().map(|e| html! {
                    <li class="wh-report">
                        <p class="wh-item-title">{ &e.subject }</p>
                        <p class="wh-meta">{ meta_line(props.locale, e) }</p>
                        <p class={classes!("wh-status-line", matches!(e.status, Status::Rejected { .. }).then_some("wh-alert"))}>
                            { status_line(props.locale, e) }
                        </p>
                        <details>
                            <summary>{ s.sent_what }</summary>
                            <p class="wh-sent-text">{ sent_text(e) }</p>
                        </details>
                        if matches!(e.status, Status::Rejected { .. }) {
                            <button type="button" class="wh-link" onclick={
                                let id = e.id.clone();
                                Callback::from(move |_: MouseEvent| outbox::remove(&id))
                            }>{ s.remove }</button>
                        }
                    </li>
                }) }
            </ul>
            <Confirm label={s.clear_data} question={clear_question(props.locale, unsent)} yes={s.clear_yes} no={s.keep} onconfirm={onclear} />
            <p class="wh-hint">{ s.clear_data_hint }</p>
        </section>
    }
}

//! The Contact view: the report form, what became of the report just sent, and the way to
//! "My reports". Sending goes through the outbox, so a report is stored before it travels.

use super::fields::use_reveal;
use super::report_form::ReportForm;
use super::reports::{status_line, use_outbox, Reports};
use crate::core::checklist::{attached, Attached, Marks};
use crate::core::config::Locale;
use crate::core::content::Catalogue;
use crate::core::i18n::strings;
use crate::core::outbox::{Entry, Status};
use crate::core::report::{self, Attachment, Context, Draft};
use crate::core::state::Action;
use crate::platform::{host, outbox};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContactProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub draft: Rc<Draft>,
    pub prefill: Rc<BTreeMap<String, String>>,
    /// The checklist marks, attached when the user asks.
    pub marks: Rc<Marks>,
    /// Where reports go; without one the form is replaced by advice.
    pub endpoint: Option<String>,
    /// Show "My reports" instead of the form.
    pub reports: bool,
    pub ondispatch: Callback<Action>,
}

/// Builds the report and hands it to the outbox; `None` if the browser cannot make an id.
fn queue(
    draft: &Draft,
    attachments: Vec<Attachment>,
    checklist: Attached,
    locale: Locale,
    prefill: &BTreeMap<String, String>,
    endpoint: &str,
) -> Option<String> {
    let id = host::new_id()?;
    let context = Context {
        widget_version: crate::VERSION.to_string(),
        page_url: host::page_url(),
        user_agent: host::user_agent(),
        prefill: prefill.clone(),
    };
    let mut payload =
        report::build(draft, &id, &host::now_rfc3339(), locale.tag(), attachments, Some(checklist), context)?;
    if let Some(tx) = payload.transaction.as_mut() {
        tx.time = report::with_utc_offset(&tx.time, host::utc_offset_at(&tx.time));
    }
    let body = serde_json::to_string(&payload).ok()?;
    let entry = Entry::from_payload(endpoint, body, host::now_ms()).ok()?;
    host::emit("submit", &host::detail(&[("id", &id)]));
    outbox::submit(entry);
    Some(id)
}

#[component]
pub fn ContactView(props: &ContactProps) -> Html {
    let s = strings(props.locale);
    let entries = use_outbox();
    let sent = use_state(|| None::<String>);
    let failed = use_state(|| false);
    let just_sent = sent.as_ref().and_then(|id| entries.iter().find(|e| &e.id == id));
    // Shown once the status is in the page: revealed earlier, the browser's scroll anchoring
    // would push it out of view again as it grows. (Every hook before the early returns.)
    let status = use_reveal(just_sent.map(|e| e.id.clone()));
    let Some(endpoint) = props.endpoint.clone() else {
        return html! {
            <section class="wh-contact">
                <p class="wh-notice">{ s.no_endpoint }</p>
                <p class="wh-warning">{ s.never_share }</p>
            </section>
        };
    };
    if props.reports {
        return html! { <Reports locale={props.locale} entries={(*entries).clone()} ondispatch={props.ondispatch.clone()} /> };
    }
    let onsubmit = {
        let (sent, failed, d, locale, prefill) =
            (sent.clone(), failed.clone(), props.ondispatch.clone(), props.locale, props.prefill.clone());
        let checklist = attached(props.catalogue.items(props.locale), &props.marks);
        Callback::from(move |(draft, attachments): (Rc<Draft>, Vec<Attachment>)| {
            // The draft stays in the form unless the report is safely in the outbox.
            match queue(&draft, attachments, checklist.clone(), locale, &prefill, &endpoint) {
                Some(id) => {
                    failed.set(false);
                    sent.set(Some(id));
                    d.emit(Action::DiscardDraft);
                }
                None => failed.set(true),
            }
        })
    };
    let restore = just_sent.filter(|e| matches!(e.status, Status::Rejected { .. })).map(|e| {
        let (pairs, d) = (report::prefill_pairs(&e.body), props.ondispatch.clone());
        Callback::from(move |_: MouseEvent| d.emit(Action::Prefill(pairs.clone())))
    });
    html! {
        <section class="wh-contact-view">
            <div class="wh-contact-head">
                <p class="wh-intro">{ s.contact_intro }</p>
                <button type="button" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowReports(true))}>
                    { s.my_reports }{ format!(" ({})", entries.len()) }
                </button>
            </div>
            <div class="wh-contact-check">
                <button type="button" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(true))}>
                    { s.check_contact }
                </button>
            </div>
            // The live region is in the page before anything is sent, so screen readers
            // announce the first status ("Sending…") as well as the later ones.
            <div class="wh-sent-live" role="status" ref={status}>
                if *failed {
                    <p class="wh-sent wh-alert">{ s.send_failed }</p>
                }
                if let Some(e) = just_sent {
                    <div class={classes!("wh-sent", matches!(e.status, Status::Rejected { .. }).then_some("wh-alert"))}>
                        <p>{ status_line(props.locale, e) }</p>
                        if e.is_pending() {
                            <p>{ s.queued }</p>
                        }
                        if let Some(onclick) = restore {
                            <button type="button" class="wh-button wh-secondary" {onclick}>{ s.edit_again }</button>
                        }
                    </div>
                }
            </div>
            <ReportForm locale={props.locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                draft={props.draft.clone()} ondispatch={props.ondispatch.clone()} {onsubmit} />
        </section>
    }
}

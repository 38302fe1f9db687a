//! The Contact view: the report form, what became of the report just sent, and the way to
//! "My reports". Sending goes through the outbox, so a report is stored before it travels;
//! the form is emptied only once the outbox has it, and says so only when it is true.

use super::channels::SupportChannels;
use super::fields::use_reveal;
use super::report_form::ReportForm;
use super::reports::{status_line, use_outbox, Reports};
use crate::core::checklist::{attached, Marks};
use crate::core::config::Locale;
use crate::core::content::Catalogue;
use crate::core::followup::DEFAULT_RESPONSE_HOURS;
use crate::core::i18n::{next_text, strings};
use crate::core::outbox::{give_up_after_ms, Entry, Status};
use crate::core::report::{self, Attachment, Context, Draft, Preferred};
use crate::core::state::Action;
use crate::platform::outbox::Saved;
use crate::platform::{host, outbox};
use std::collections::BTreeMap;
use std::rc::Rc;
use wallet_help_report::wire::Checklist;
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

/// What became of the last press of "Send report", besides the report's own status.
#[derive(Clone, PartialEq)]
enum Sent {
    /// In the outbox; `dropped` screenshots could not be kept (text-only storage).
    Stored { id: String, dropped: u32 },
    /// Could not be kept on the device, but one direct attempt delivered it.
    Direct { id: String, reference: Option<String>, by: Option<(Preferred, String)> },
    /// Neither kept nor sent: the form still holds it.
    NotSaved,
    /// The browser could not build the report (no random source, a broken endpoint).
    Failed,
}

impl Sent {
    /// The report's id once the form may forget it.
    fn id(&self) -> Option<&str> {
        match self {
            Sent::Stored { id, .. } | Sent::Direct { id, .. } => Some(id),
            Sent::NotSaved | Sent::Failed => None,
        }
    }
}

/// Builds the report's outbox entry; `None` if the browser cannot make an id.
fn build(
    draft: &Draft,
    attachments: Vec<Attachment>,
    checklist: Checklist,
    locale: Locale,
    prefill: &BTreeMap<String, String>,
    endpoint: &str,
    give_up_days: Option<u32>,
) -> Option<Entry> {
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
    Entry::from_payload(endpoint, body, host::now_ms(), give_up_after_ms(give_up_days)).ok()
}

#[component]
pub fn ContactView(props: &ContactProps) -> Html {
    let s = strings(props.locale);
    let entries = use_outbox();
    let sent = use_state(|| None::<Sent>);
    let just_sent = sent.as_ref().and_then(Sent::id).and_then(|id| entries.iter().find(|e| e.id == id));
    // Shown once the status is in the page: revealed earlier, the browser's scroll anchoring
    // would push it out of view again as it grows. (Every hook before the early returns.)
    let status = use_reveal(sent.as_ref().filter(|s| s.id().is_none() || just_sent.is_some()).cloned(), true);
    let Some(endpoint) = props.endpoint.clone() else {
        return html! {
            <section class="wh-contact">
                <p class="wh-notice">{ s.no_endpoint }</p>
                <p class="wh-warning">{ s.never_share }</p>
            </section>
        };
    };
    if props.reports {
        return html! { <Reports locale={props.locale} brand={props.brand.clone()} entries={(*entries).clone()} catalogue={props.catalogue.clone()} ondispatch={props.ondispatch.clone()} /> };
    }
    let onsubmit = {
        let (sent, d, locale, prefill) = (sent.clone(), props.ondispatch.clone(), props.locale, props.prefill.clone());
        let (checklist, give_up) =
            (attached(props.catalogue.items(props.locale), &props.marks), props.catalogue.give_up_days);
        Callback::from(move |(draft, attachments): (Rc<Draft>, Vec<Attachment>)| {
            let Some(entry) = build(&draft, attachments, checklist.clone(), locale, &prefill, &endpoint, give_up)
            else {
                return sent.set(Some(Sent::Failed));
            };
            let id = entry.id.clone();
            host::emit("submit", &host::detail(&[("id", &id)]));
            let (sent, d) = (sent.clone(), d.clone());
            // The draft stays in the form until the report is safely somewhere.
            outbox::submit(entry, move |result| {
                sent.set(Some(match result {
                    Ok(Saved::Device) => Sent::Stored { id, dropped: 0 },
                    Ok(Saved::TextOnly(dropped)) => Sent::Stored { id, dropped },
                    Ok(Saved::Direct(reference)) => Sent::Direct { id, reference, by: report::answer_by(&draft) },
                    Err(_) => return sent.set(Some(Sent::NotSaved)),
                }));
                d.emit(Action::ReportStored(draft));
            });
        })
    };
    // What happens next, told under the report's status: when and how support answers.
    let hours = props.catalogue.channels.response_hours.unwrap_or(DEFAULT_RESPONSE_HOURS);
    let next =
        |by: Option<(Preferred, &str)>, reference: bool| next_text(props.locale, &props.brand, hours, by, reference);
    let by = just_sent.and_then(|e| report::read_back(&e.body)).and_then(|(d, _)| report::answer_by(&d));
    let restore = just_sent.filter(|e| matches!(e.status, Status::Rejected { .. })).map(|e| {
        let (pairs, d) = (report::prefill_pairs(&e.body), props.ondispatch.clone());
        Callback::from(move |_: MouseEvent| d.emit(Action::Prefill(pairs.clone())))
    });
    html! {
        <section class="wh-contact-view">
            <h3 class="wh-subhead">{ s.contact_title }</h3>
            <div class="wh-contact-head">
                <p class="wh-intro">{ s.contact_intro }</p>
                <button type="button" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowReports(true))}>
                    { s.my_reports }{ format!(" ({})", entries.len()) }
                </button>
            </div>
            <div class="wh-contact-check">
                <button type="button" data-opens="verifier" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(true))}>
                    { s.check_contact }
                </button>
            </div>
            // The live region is in the page before anything is sent, so screen readers
            // announce the first status ("Sending…") as well as the later ones.
            <div class="wh-sent-live" role="status" ref={status}>
                if *sent == Some(Sent::Failed) {
                    <p class="wh-sent wh-alert" tabindex="-1">{ s.send_failed }</p>
                }
                if *sent == Some(Sent::NotSaved) {
                    <div class="wh-sent wh-alert wh-not-saved" tabindex="-1">
                        <p>{ s.not_saved }</p>
                        <SupportChannels locale={props.locale} catalogue={props.catalogue.clone()}
                            subject={props.draft.subject.clone()} body={props.draft.description.clone()} />
                    </div>
                }
                if let Some(Sent::Direct { reference, by, .. }) = &*sent {
                    <div class="wh-sent" tabindex="-1">
                        <p><strong>{ s.status_delivered }{ reference.as_ref().map(|r| format!(" · {}{}{r}", s.reference, s.colon)) }</strong></p>
                        <p>{ next(by.as_ref().map(|(p, v)| (*p, v.as_str())), reference.is_some()) }</p>
                    </div>
                }
                if let Some(e) = just_sent {
                    <div class={classes!("wh-sent", matches!(e.status, Status::Rejected { .. } | Status::NotDelivered).then_some("wh-alert"))} tabindex="-1">
                        <p><strong>{ status_line(props.locale, e) }</strong></p>
                        if e.is_pending() {
                            <p>{ s.queued }</p>
                        }
                        if e.is_pending() || matches!(e.status, Status::Delivered { .. }) {
                            <p>{ next(by.as_ref().map(|(p, v)| (*p, v.as_str())), matches!(e.status, Status::Delivered { reference: Some(_) })) }</p>
                            <button type="button" class="wh-button wh-secondary" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowReports(true))}>
                                { s.my_reports }
                            </button>
                        }
                        if matches!(&*sent, Some(Sent::Stored { dropped, .. }) if *dropped > 0) {
                            <p class="wh-note">{ s.screenshots_dropped }</p>
                        }
                        if let Some(onclick) = restore {
                            <button type="button" class="wh-button wh-secondary" {onclick}>{ s.edit_again }</button>
                        }
                    </div>
                }
            </div>
            <ReportForm locale={props.locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                draft={props.draft.clone()} ondispatch={props.ondispatch.clone()} {onsubmit}
                stored={sent.as_ref().and_then(Sent::id).map(|id| AttrValue::from(id.to_string()))} />
        </section>
    }
}

//! The notices at the top of the panel about delivered reports: support has answered (read
//! the answer), or a report has had no answer within the operator's response time ("they
//! answered", "not now", or the next rung of the ladder).

use super::reports::use_outbox;
use crate::core::config::{Locale, View};
use crate::core::followup::{overdue, Note, Notes, DEFAULT_RESPONSE_HOURS};
use crate::core::i18n::{followup_text, replied_text, strings};
use crate::core::outbox::Entry;
use crate::core::state::Action;
use crate::core::thread::Threads;
use crate::platform::{host, threads};
use std::rc::Rc;
use yew::prelude::*;

/// The threads of delivered reports, kept current while the component is shown, and
/// refreshed from the endpoint once when it is shown with followed reports among `entries`.
#[hook]
pub fn use_threads(entries: &[Entry]) -> Rc<Threads> {
    let known = use_state(threads::current);
    {
        let known = known.clone();
        use_effect_with((), move |_| {
            let subscription = threads::subscribe(Rc::new(move |t| known.set(t)));
            move || drop(subscription)
        });
    }
    let followed = threads::any_followed(entries);
    let list = entries.to_vec();
    use_effect_with(followed, move |followed| {
        if *followed {
            super::lazy::threads::refresh(list);
        }
    });
    (*known).clone()
}

#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub notes: Rc<Notes>,
    /// `support.responseHours` from the operator's config.
    pub response_hours: Option<u32>,
    /// Hidden while My reports is shown: the thread is there.
    pub in_reports: bool,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn FollowUp(props: &FollowUpProps) -> Html {
    let s = strings(props.locale);
    let entries = use_outbox();
    let known = use_threads(&entries);
    if props.in_reports {
        return html! {};
    }
    // A reply not read yet comes first: it is what the user is waiting for.
    let replied = entries.iter().find(|e| known.get(&e.id).is_some_and(|t| t.unread() > 0));
    if let Some(e) = replied {
        let d = props.ondispatch.clone();
        let onread = Callback::from(move |_: MouseEvent| {
            d.emit(Action::ShowView(View::Contact));
            d.emit(Action::ShowReports(true));
        });
        let reference = match &e.status {
            crate::core::outbox::Status::Delivered { reference } => reference.as_deref(),
            _ => None,
        };
        return html! {
            <div class="wh-followup wh-replied" role="status">
                <p>{ replied_text(props.locale, reference) }</p>
                <div class="wh-actions">
                    <button type="button" class="wh-button" onclick={onread}>{ s.read_reply }</button>
                </div>
            </div>
        };
    }
    let promised = props.response_hours.unwrap_or(DEFAULT_RESPONSE_HOURS);
    let now = host::now_ms();
    let Some(due) = overdue(&entries, &props.notes, &known, now, promised) else { return html! {} };
    let note = |note: Note, then: Option<Action>| {
        let (d, report) = (props.ondispatch.clone(), due.id.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::Note { report: report.clone(), note });
            if let Some(a) = then.clone() {
                d.emit(a);
            }
        })
    };
    html! {
        <div class="wh-followup" role="status">
            <p>{ followup_text(props.locale, &props.brand, due.reference.as_deref(), due.hours, promised) }</p>
            <div class="wh-actions">
                <button type="button" class="wh-button" onclick={note(Note::Later(now), Some(Action::ShowLadder(due.rung)))}>{ s.followup_next }</button>
                <button type="button" class="wh-button wh-secondary" onclick={note(Note::Answered, None)}>{ s.followup_answered }</button>
                <button type="button" class="wh-button wh-secondary" onclick={note(Note::Later(now), None)}>{ s.followup_later }</button>
            </div>
        </div>
    }
}

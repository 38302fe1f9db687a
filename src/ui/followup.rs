//! The reminder at the top of the panel when a delivered report has had no answer within the
//! operator's response time: "they answered", "not now", or the next rung of the ladder.

use super::reports::use_outbox;
use crate::core::config::Locale;
use crate::core::followup::{overdue, Note, Notes, DEFAULT_RESPONSE_HOURS};
use crate::core::i18n::{followup_text, strings};
use crate::core::state::Action;
use crate::platform::host;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub notes: Rc<Notes>,
    /// `support.responseHours` from the operator's config.
    pub response_hours: Option<u32>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn FollowUp(props: &FollowUpProps) -> Html {
    let s = strings(props.locale);
    let entries = use_outbox();
    let promised = props.response_hours.unwrap_or(DEFAULT_RESPONSE_HOURS);
    let now = host::now_ms();
    let Some(due) = overdue(&entries, &props.notes, now, promised) else { return html! {} };
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

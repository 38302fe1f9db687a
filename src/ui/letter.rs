//! The formal complaint letter, written from the draft and the reports sent so far: shown
//! to read and edit (the name, a detail the form did not ask for), then copy, download as a
//! text file, or print, as edited.

use super::reports::use_outbox;
use crate::core::config::Locale;
use crate::core::content::Catalogue;
use crate::core::i18n::strings;
use crate::core::outbox::Status;
use crate::core::report::{file_name, letter, read_back, steps, Draft, LetterInput, SentReport};
use crate::platform::{files, host};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LetterProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub draft: Rc<Draft>,
    /// The troubleshooter's case, told when there is no draft and no report yet.
    pub case: Option<Rc<Draft>>,
    /// The account reference the host page gave to `prefill` (`accountId`).
    pub account: Option<String>,
    pub onback: Callback<MouseEvent>,
}

#[component]
pub fn LetterView(props: &LetterProps) -> Html {
    let s = strings(props.locale);
    let entries = use_outbox();
    // What the last copy or print did, for the status line.
    let status = use_state(|| "");
    // The user's edits; `None` until they change something, so the letter follows the
    // reports until then.
    let edited = use_state(|| None::<String>);
    // The threads this device knows: support's answers and the status history go in.
    let known = crate::platform::threads::current();
    let reports: Vec<&crate::core::outbox::Entry> = entries.iter().filter(|e| e.answers.is_none()).collect();
    let mut sent: Vec<SentReport> = reports.iter().map(|e| SentReport::from_entry(e, known.get(&e.id))).collect();
    sent.reverse(); // the outbox lists newest first; the letter wants the story in order
    let now = host::now_rfc3339();
    let today = now.get(..10).unwrap_or("");
    // After a report was sent the form is empty again; the letter then tells the facts of
    // the newest delivered report (or the newest at all), as the user wrote them there.
    let earlier = (props.draft.description.trim().is_empty())
        .then(|| {
            reports.iter().copied().find(|e| matches!(e.status, Status::Delivered { .. })).or(reports.first().copied())
        })
        .flatten()
        .and_then(|e| read_back(&e.body));
    // A letter from a case tells the case's story with what the form already holds (the
    // contact details, a transaction), so nothing the user typed is left out.
    let from_case = props.case.as_deref().filter(|_| props.draft.description.trim().is_empty()).map(|c| Draft {
        kind: c.kind,
        category: c.category,
        description: c.description.clone(),
        steps: c.steps.clone(),
        ..(*props.draft).clone()
    });
    let fallback = from_case.as_ref().unwrap_or(&props.draft);
    let (draft, screenshots) = earlier.as_ref().map_or((fallback, 0), |(d, n)| (d, *n));
    // The letter names the articles and steps, not their references.
    let names = steps::names(
        props.locale,
        &props.brand,
        props.catalogue.articles(props.locale),
        crate::core::troubleshoot::flows(props.locale),
    );
    let draft = Draft { steps: steps::readable(&draft.steps, &names), ..draft.clone() };
    let mut input = LetterInput::new(props.locale, &props.brand, today, &draft);
    input.account_ref = props.account.as_deref();
    input.sent = &sent;
    input.screenshots = screenshots;
    let text = edited.as_ref().cloned().unwrap_or_else(|| letter(&input));
    let name = file_name(&input);
    let onedit = {
        let edited = edited.clone();
        Callback::from(move |e: InputEvent| {
            edited.set(Some(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()));
        })
    };
    let oncopy = {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            files::copy_text(&text);
            status.set(s.copied);
        })
    };
    let onprint = {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(if files::print_text(s.letter_title, &text) { "" } else { s.print_blocked })
        })
    };
    let ondownload = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| files::download_text(&name, &text))
    };
    html! {
        <section class="wh-letter">
            <button type="button" class="wh-back" onclick={props.onback.clone()}>{ "← " }{ s.back }</button>
            <h4>{ s.letter_title }</h4>
            <label for="wh-letter-text">{ s.letter_edit }</label>
            <textarea id="wh-letter-text" rows="14" value={text} oninput={onedit} spellcheck="false" />
            <div class="wh-actions">
                <button type="button" class="wh-button" onclick={oncopy}>{ s.copy }</button>
                <button type="button" class="wh-button wh-secondary" onclick={ondownload}>{ s.download }</button>
                <button type="button" class="wh-button wh-secondary" onclick={onprint}>{ s.print }</button>
            </div>
            <p class="wh-status" role="status">{ *status }</p>
        </section>
    }
}

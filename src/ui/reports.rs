//! "My reports": every report sent from this device, newest first, with its status and
//! what was sent; for one still waiting, how many tries, why the last failed and when the
//! next is; for one given up on, its text to copy and the operator's other channels; for one
//! delivered to an endpoint that tells its status, that status and the thread with support.

use super::channels::SupportChannels;
use super::confirm::Confirm;
use super::followup::use_threads;
use super::thread::ReportThread;
use crate::core::config::Locale;
use crate::core::content::Catalogue;
use crate::core::delivery::failure;
use crate::core::i18n::{category_name, clear_question, failure_text, kind_name, replied_text, retry_text, strings};
use crate::core::outbox::{Entry, Status};
use crate::core::report::{facts, images, plain_text, read_back, steps, Category, Kind};
use crate::core::state::Action;
use crate::platform::{files, host, outbox, threads};
use std::rc::Rc;
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
        Status::NotDelivered => s.status_not_delivered.to_string(),
    }
}

/// For a report waiting to be sent: tries, the last failure in words, and the next try
/// (a local time, or "when you are back online").
fn retry_line(locale: Locale, e: &Entry) -> Option<String> {
    if e.status != Status::Queued {
        return None;
    }
    let s = strings(locale);
    let reason = e.last_error.as_deref().map(|d| failure_text(locale, failure(d)));
    let now = host::now_ms();
    let at = e.next_try_ms(now);
    let next = match () {
        _ if !host::online() => s.when_online.to_string(),
        _ if at <= now + 1_000 => s.in_a_moment.to_string(),
        _ => host::local_time_ms(at, locale.tag()),
    };
    Some(retry_text(locale, e.attempts, reason.as_deref(), &next))
}

/// When the report was written, in the reader's time zone, and its kind and category in the
/// reader's language (an entry from a newer version with an unknown code shows the code).
fn meta_line(locale: Locale, e: &Entry) -> String {
    let kind = Kind::parse(&e.kind).map_or(e.kind.as_str(), |k| kind_name(locale, k));
    let category = Category::parse(&e.category).map_or(e.category.as_str(), |c| category_name(locale, c));
    format!("{} · {kind} · {category}", host::local_time(&e.created_at, locale.tag()))
}

/// What was sent, as the user wrote it: the description, the transaction and the other
/// facts under the form's labels, and the screenshots as thumbnails.
fn sent_view(locale: Locale, e: &Entry, names: &[(String, String)]) -> Html {
    let Some((d, _)) = read_back(&e.body) else { return html! { <p class="wh-sent-text">{ e.body.clone() }</p> } };
    html! { <>
        <p class="wh-sent-text">{ d.description.trim().to_string() }</p>
        <dl class="wh-facts">
            { for facts(locale, &d, names).into_iter().map(|(label, value)| html! { <>
                <dt>{ label }</dt><dd>{ value }</dd>
            </> }) }
        </dl>
        <div class="wh-thumbs">
            { for images(&e.body).into_iter().map(|i| html! { <img src={i.src} alt={i.name.clone()} title={i.name} /> }) }
        </div>
    </> }
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
    pub brand: AttrValue,
    pub entries: Vec<Entry>,
    /// The operator's channels, for reports that could not be delivered.
    pub catalogue: Rc<Catalogue>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Reports(props: &ReportsProps) -> Html {
    let s = strings(props.locale);
    // Which report's text was copied (true) or could not be (false, then shown to select).
    let copied = use_state(|| None::<(String, bool)>);
    let onback = props.ondispatch.reform(|_: MouseEvent| Action::ShowReports(false));
    // Everything the widget keeps goes, reports not yet delivered too (the app's effect).
    let onclear = props.ondispatch.reform(|()| Action::ClearMyData);
    let unsent = props.entries.iter().filter(|e| e.is_pending()).count();
    let known = use_threads(&props.entries);
    // What had been read when the view opened: replies after that are marked new, while
    // the view marks them read for the notice and the next visit.
    let seen_before =
        use_state(|| threads::current().iter().map(|(id, t)| (id.to_string(), t.seen)).collect::<Vec<_>>());
    use_effect_with(known.clone(), |known| {
        for (id, t) in known.iter() {
            if t.unread() > 0 {
                threads::mark_read(id);
            }
        }
    });
    let seen_at_open = |id: &str| seen_before.iter().find(|(i, _)| i == id).map_or(0, |(_, n)| *n);
    // Said by screen readers when a refresh brings a reply while the view is open.
    let replied = props.entries.iter().find(|e| {
        known.get(&e.id).is_some_and(|t| t.messages.iter().filter(|m| m.support).count() > seen_at_open(&e.id))
    });
    let announcement = replied.map(|e| match &e.status {
        Status::Delivered { reference } => replied_text(props.locale, reference.as_deref()),
        _ => String::new(),
    });
    let reports: Vec<&Entry> = props.entries.iter().filter(|e| e.answers.is_none()).collect();
    let answers_to = |id: &str| -> Vec<Entry> {
        let mut list: Vec<Entry> = props.entries.iter().filter(|a| a.answers.as_deref() == Some(id)).cloned().collect();
        list.reverse(); // the outbox lists newest first; a thread reads oldest first
        list
    };
    // The steps tried read as sentences, as the form showed them.
    let names = steps::names(
        props.locale,
        &props.brand,
        props.catalogue.articles(props.locale),
        crate::core::troubleshoot::flows(props.locale),
    );
    let given_up = |e: &Entry| {
        let text = plain_text(props.locale, &e.body, &e.id, &names);
        let oncopy = {
            let (text, copied, id) = (text.clone(), copied.clone(), e.id.clone());
            Callback::from(move |_: MouseEvent| {
                let (text, copied, id) = (text.clone(), copied.clone(), id.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let done = files::copied(&text).await;
                    copied.set(Some((id, done)));
                });
            })
        };
        html! {
            <div class="wh-given-up">
                <p>{ s.not_delivered_help }</p>
                <button type="button" class="wh-button wh-secondary" onclick={oncopy}>{ s.copy_report }</button>
                <span class="wh-hint" role="status">
                    if *copied == Some((e.id.clone(), true)) {
                        { " " }{ s.copied }
                    }
                    if *copied == Some((e.id.clone(), false)) {
                        { " " }{ s.copy_refused }
                    }
                </span>
                if *copied == Some((e.id.clone(), false)) {
                    <p class="wh-sent-text">{ text.clone() }</p>
                }
                <SupportChannels locale={props.locale} catalogue={props.catalogue.clone()} subject={e.subject.clone()} body={text} />
            </div>
        }
    };
    html! {
        <section class="wh-reports">
            <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.write_report }</button>
            <h3>{ s.my_reports }</h3>
            <p class="wh-hidden" role="status">{ announcement.unwrap_or_default() }</p>
            if reports.is_empty() {
                <p>{ s.no_reports }</p>
            }
            <ul class="wh-list">
                { for reports.iter().copied().map(|e| html! {
                    <li class="wh-report">
                        <p class="wh-item-title">{ &e.subject }</p>
                        <p class="wh-meta">{ meta_line(props.locale, e) }</p>
                        <p class={classes!("wh-status-line", matches!(e.status, Status::Rejected { .. } | Status::NotDelivered).then_some("wh-alert"))}>
                            { status_line(props.locale, e) }
                        </p>
                        if let Some(line) = retry_line(props.locale, e) {
                            <p class="wh-retry">{ line }</p>
                        }
                        if e.is_pending() && e.screenshots_dropped > 0 {
                            <p class="wh-note">{ s.screenshots_dropped }</p>
                        }
                        if e.status == Status::NotDelivered {
                            { given_up(e) }
                        }
                        if matches!(e.status, Status::Delivered { .. }) && (e.status_token.is_some() || known.has(&e.id)) {
                            <ReportThread locale={props.locale} report={e.clone()} thread={known.get(&e.id).cloned()}
                                answers={answers_to(&e.id)} seen_before={seen_at_open(&e.id)}
                                give_up_days={props.catalogue.give_up_days} />
                        }
                        <details>
                            <summary>{ s.sent_what }</summary>
                            { sent_view(props.locale, e, &names) }
                        </details>
                        if matches!(e.status, Status::Rejected { .. } | Status::NotDelivered) {
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

//! One delivered report's status and thread in "My reports": support's replies (a reply not
//! read before this view opened is marked), the user's answers (those still on their way
//! with their outbox status), and "reply", a text box the secret guard watches exactly as
//! it watches the report form. Answers go through the outbox: never lost, sent once.

use super::reports::status_line;
use crate::core::config::Locale;
use crate::core::i18n::{fill, strings, thread_status_name};
use crate::core::outbox::{give_up_after_ms, Entry, Status};
use crate::core::report::without_secrets;
use crate::core::secrets::holds_secret;
use crate::core::thread::{Thread, MAX_ANSWER_CHARS};
use crate::platform::{host, outbox};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    pub locale: Locale,
    /// The delivered report.
    pub report: Entry,
    pub thread: Option<Thread>,
    /// The user's answers in the outbox for this report, oldest first.
    pub answers: Vec<Entry>,
    /// How many of support's messages had been read when My reports opened: later ones are
    /// marked new.
    pub seen_before: usize,
    /// `delivery.giveUpDays` from the operator's config.
    pub give_up_days: Option<u32>,
}

/// Why an answer cannot be sent as written.
#[derive(Clone, PartialEq)]
enum Problem {
    Empty,
    TooLong,
    Secret,
    NotSaved,
}

#[component]
pub fn ReportThread(props: &ThreadProps) -> Html {
    let s = strings(props.locale);
    let locale = props.locale;
    let writing = use_state(|| false);
    let text = use_state(String::new);
    let problem = use_state(|| None::<Problem>);
    let box_ref = use_node_ref();
    let reply_ref = use_node_ref();
    let id = |part: &str| format!("wh-thread-{}-{part}", props.report.id);

    let status = props.thread.as_ref().map(|t| {
        let time = if t.updated_at.is_empty() { String::new() } else { host::local_time(&t.updated_at, locale.tag()) };
        fill(s.thread_line, &[("status", thread_status_name(locale, t.status)), ("time", &time)])
    });
    let messages = props.thread.as_ref().map_or(&[][..], |t| &t.messages[..]);
    // An answer the endpoint already lists is shown once, as the endpoint has it.
    let on_the_way: Vec<&Entry> =
        props.answers.iter().filter(|a| !messages.iter().any(|m| m.id.eq_ignore_ascii_case(&a.id))).collect();
    let closed = props.thread.as_ref().is_some_and(|t| t.status == crate::core::thread::Status::Closed);
    let can_reply = props.report.status_token.is_some() && !closed;

    let support_index = |upto: usize| messages[..upto].iter().filter(|m| m.support).count();
    let list = html! {
        <ol class="wh-messages">
            { for messages.iter().enumerate().map(|(i, m)| {
                let new = m.support && support_index(i) >= props.seen_before;
                let who = if m.support { s.thread_support } else { s.thread_you };
                html! {
                    <li class={classes!("wh-message", if m.support { "wh-from-support" } else { "wh-from-you" })}>
                        <p class="wh-meta">
                            { format!("{who} · {}", host::local_time(&m.at, locale.tag())) }
                            if new {
                                { " " }<span class="wh-new">{ s.thread_new }</span>
                            }
                        </p>
                        <p class="wh-message-text">{ &m.text }</p>
                    </li>
                }
            }) }
            { for on_the_way.iter().map(|a| html! {
                <li class="wh-message wh-from-you">
                    <p class={classes!("wh-meta", matches!(a.status, Status::Rejected { .. } | Status::NotDelivered).then_some("wh-alert"))}>
                        { format!("{} · {}", s.thread_you, status_line(locale, a)) }
                    </p>
                    <p class="wh-message-text">{ a.answer_text() }</p>
                </li>
            }) }
        </ol>
    };

    let onopen = {
        let (writing, box_ref) = (writing.clone(), box_ref.clone());
        Callback::from(move |_: MouseEvent| {
            writing.set(true);
            // Focus moves into the box once it is drawn.
            let box_ref = box_ref.clone();
            crate::platform::timers::after(0, move || {
                if let Some(el) = box_ref.cast::<HtmlTextAreaElement>() {
                    let _ = el.focus();
                }
            });
        })
    };
    let oninput = {
        let (text, problem) = (text.clone(), problem.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            // The guard watches as the user types, like the form's.
            problem.set(holds_secret(&value).then_some(Problem::Secret));
            text.set(value);
        })
    };
    let close = {
        let (writing, text, problem, reply_ref) = (writing.clone(), text.clone(), problem.clone(), reply_ref.clone());
        move || {
            writing.set(false);
            text.set(String::new());
            problem.set(None);
            if let Some(el) = reply_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    let oncancel = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close())
    };
    let onremove = {
        let (text, problem) = (text.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            text.set(without_secrets(&text));
            problem.set(None);
        })
    };
    let onsubmit = {
        let (text, problem) = (text.clone(), problem.clone());
        let (report, give_up_days) = (props.report.clone(), props.give_up_days);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = (*text).clone();
            let found = match () {
                _ if value.trim().is_empty() => Some(Problem::Empty),
                _ if value.chars().count() > MAX_ANSWER_CHARS => Some(Problem::TooLong),
                _ if holds_secret(&value) => Some(Problem::Secret),
                _ => None,
            };
            if found.is_some() {
                return problem.set(found);
            }
            let now = host::now_ms();
            let entry = host::new_id().and_then(|id| {
                Entry::answer(&report, &id, value.trim(), &host::now_rfc3339(), now, give_up_after_ms(give_up_days))
            });
            let Some(entry) = entry else { return problem.set(Some(Problem::NotSaved)) };
            let (problem, close) = (problem.clone(), close.clone());
            outbox::submit(entry, move |result| match result {
                Ok(_) => close(),
                Err(_) => problem.set(Some(Problem::NotSaved)),
            });
        })
    };

    let problem_text = |p: &Problem| match p {
        Problem::Empty => s.reply_empty.to_string(),
        Problem::TooLong => fill(s.reply_too_long, &[("max", &MAX_ANSWER_CHARS.to_string())]),
        Problem::Secret => s.problem_secret.to_string(),
        Problem::NotSaved => s.send_failed.to_string(),
    };
    html! {
        <div class="wh-thread">
            if let Some(line) = status {
                <p class="wh-thread-status">{ line }</p>
            }
            if !messages.is_empty() || !on_the_way.is_empty() {
                { list }
            }
            if can_reply && !*writing {
                <button type="button" class="wh-button wh-secondary" ref={reply_ref} onclick={onopen}>{ s.reply }</button>
            }
            if can_reply && *writing {
                <form class="wh-reply" novalidate=true onsubmit={onsubmit}>
                    <label for={id("text")}>{ s.reply_label }</label>
                    <textarea id={id("text")} ref={box_ref} rows="4" value={(*text).clone()} {oninput}
                              aria-invalid={problem.is_some().to_string()}
                              aria-describedby={problem.is_some().then(|| id("problem"))} />
                    if *problem == Some(Problem::Secret) {
                        <div class="wh-guard" role="alert" id={id("problem")}>
                            <p class="wh-guard-title">{ s.guard_title }</p>
                            <p>{ s.guard_body }</p>
                            <button type="button" class="wh-button" onclick={onremove}>{ s.guard_remove }</button>
                        </div>
                    } else if let Some(p) = &*problem {
                        <p class="wh-error" role="alert" id={id("problem")}>{ problem_text(p) }</p>
                    }
                    <div class="wh-actions">
                        <button type="submit" class="wh-button">{ s.reply_send }</button>
                        <button type="button" class="wh-button wh-secondary" onclick={oncancel}>{ s.cancel }</button>
                    </div>
                </form>
            }
        </div>
    }
}

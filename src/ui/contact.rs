//! The contact form: fills a `core::report::Draft`, shows `core` validation with an error
//! summary, and sends the report with a stable id so a retry can never create a duplicate.

use super::field::{aria, control_id, Row};
use crate::core::config::Locale;
use crate::core::delivery::Outcome;
use crate::core::i18n::{category_name, field_name, kind_name, problem_text, strings};
use crate::core::report::{self, Category, Context, Draft, Field, FieldError, Kind};
use crate::platform::{host, http};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContactProps {
    pub locale: Locale,
    /// Where reports go; without one the form is replaced by advice.
    pub endpoint: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Editing,
    Sending,
    Done(Outcome),
}

/// The id of the last attempt and the draft it carried: re-sending the same draft reuses it.
type Attempt = Option<(String, Draft)>;

fn value_of(e: &Event) -> String {
    let target = e.target();
    if let Some(el) = target.clone().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        return el.value();
    }
    if let Some(el) = target.clone().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        return el.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|el| el.value()).unwrap_or_default()
}

#[component]
pub fn ContactForm(props: &ContactProps) -> Html {
    let locale = props.locale;
    let s = strings(locale);
    let draft = use_state(Draft::default);
    let errors = use_state(Vec::<FieldError>::new);
    let phase = use_state(|| Phase::Editing);
    let attempt = use_mut_ref(|| Attempt::None);
    let summary = use_node_ref();

    let Some(endpoint) = props.endpoint.clone() else {
        return html! {
            <section class="wh-contact">
                <p class="wh-notice">{ s.no_endpoint }</p>
                <p class="wh-warning">{ s.never_share }</p>
            </section>
        };
    };

    // Focus the error summary after a failed submit, once it is in the DOM.
    {
        let summary = summary.clone();
        use_effect_with(errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let edit = |apply: fn(&mut Draft, String)| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            apply(&mut next, value_of(&e));
            // Once errors are shown, keep them current as the user fixes fields.
            if !errors.is_empty() {
                errors.set(report::validate(&next));
            }
            draft.set(next);
        })
    };
    let onkind = edit(|d, v| d.kind = Kind::parse(&v).unwrap_or(d.kind));
    let oncategory = edit(|d, v| d.category = Category::parse(&v));
    let ondescription = edit(|d, v| d.description = v);
    let onemail = edit(|d, v| d.email = v);

    let onsubmit = {
        let (draft, errors, phase, attempt) = (draft.clone(), errors.clone(), phase.clone(), attempt.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *phase == Phase::Sending {
                return;
            }
            let found = report::validate(&draft);
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(Vec::new());
            let id = {
                let mut last = attempt.borrow_mut();
                match last.as_ref() {
                    Some((id, sent)) if *sent == *draft => id.clone(),
                    _ => {
                        let Some(id) = host::new_id() else { return };
                        *last = Some((id.clone(), (*draft).clone()));
                        id
                    }
                }
            };
            let context = Context {
                widget_version: crate::VERSION.to_string(),
                page_url: host::page_url(),
                user_agent: host::user_agent(),
            };
            let Some(payload) = report::build(&draft, &id, &host::now_rfc3339(), locale.tag(), context) else {
                return;
            };
            let Ok(body) = serde_json::to_string(&payload) else { return };
            host::emit("submit", &host::detail(&[("id", &id)]));
            phase.set(Phase::Sending);
            let (phase, endpoint) = (phase.clone(), endpoint.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = http::post_report(&endpoint, &id, body).await;
                match &outcome {
                    Outcome::Delivered { reference } => host::emit(
                        "delivered",
                        &host::detail(&[("id", &id), ("reference", reference.as_deref().unwrap_or(""))]),
                    ),
                    Outcome::Rejected { message } => {
                        host::emit("error", &host::detail(&[("id", &id), ("message", message)]))
                    }
                    Outcome::RetryLater { .. } => {
                        host::emit("error", &host::detail(&[("id", &id), ("message", "network")]))
                    }
                }
                phase.set(Phase::Done(outcome));
            });
        })
    };

    if let Phase::Done(Outcome::Delivered { reference }) = &*phase {
        let onnew = {
            let (draft, phase) = (draft.clone(), phase.clone());
            Callback::from(move |_: MouseEvent| {
                draft.set(Draft::default());
                phase.set(Phase::Editing);
            })
        };
        return html! {
            <section class="wh-contact">
                <div class="wh-success" role="status">
                    <p>{ s.delivered }</p>
                    if let Some(r) = reference {
                        <p>{ s.reference }{ s.colon }<strong class="wh-reference">{ r }</strong></p>
                    }
                </div>
                <button type="button" class="wh-button wh-secondary" onclick={onnew}>{ s.new_report }</button>
            </section>
        };
    }

    let error_of = |f: Field| errors.iter().find(|(ef, _)| *ef == f).map(|(_, p)| problem_text(locale, *p));
    let control = |f: Field| {
        let (invalid, describedby) = aria(f, error_of(f).is_some());
        (control_id(f), invalid, describedby)
    };
    let (kind_id, kind_invalid, kind_desc) = control(Field::Kind);
    let (cat_id, cat_invalid, cat_desc) = control(Field::Category);
    let (desc_id, desc_invalid, desc_desc) = control(Field::Description);
    let (email_id, email_invalid, email_desc) = control(Field::Email);
    let sending = *phase == Phase::Sending;
    let status = match &*phase {
        Phase::Sending => html! { <p class="wh-status" role="status">{ s.sending }</p> },
        Phase::Done(Outcome::RetryLater { .. }) => html! { <p class="wh-status wh-alert" role="alert">{ s.retry_later }</p> },
        Phase::Done(Outcome::Rejected { message }) => html! {
            <p class="wh-status wh-alert" role="alert">{ s.rejected }{ " " }{ message }</p>
        },
        _ => html! { <p class="wh-status" role="status"></p> },
    };

    html! {
        <form class="wh-contact" novalidate=true {onsubmit}>
            <p class="wh-intro">{ s.contact_intro }</p>
            <p class="wh-warning">{ s.never_share }</p>
            if !errors.is_empty() {
                <div class="wh-summary" role="alert" tabindex="-1" ref={summary}>
                    <p>{ s.error_summary }</p>
                    <ul>
                        { for errors.iter().map(|&(f, p)| {
                            let onclick = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                host::focus_by_id(e.target(), &control_id(f));
                            });
                            html! {
                                <li><a href={format!("#{}", control_id(f))} {onclick}>
                                    { field_name(locale, f) }{ s.colon }{ problem_text(locale, p) }
                                </a></li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <Row field={Field::Kind} label={s.kind_label} error={error_of(Field::Kind)}>
                <select id={kind_id} aria-invalid={kind_invalid} aria-describedby={kind_desc} onchange={onkind}>
                    { for Kind::ALL.iter().map(|k| html! {
                        <option value={k.name()} selected={draft.kind == *k}>{ kind_name(locale, *k) }</option>
                    }) }
                </select>
            </Row>
            <Row field={Field::Category} label={s.category_label} error={error_of(Field::Category)}>
                <select id={cat_id} aria-invalid={cat_invalid} aria-describedby={cat_desc} aria-required="true" onchange={oncategory}>
                    <option value="" selected={draft.category.is_none()}>{ s.choose }</option>
                    { for Category::ALL.iter().map(|c| html! {
                        <option value={c.name()} selected={draft.category == Some(*c)}>{ category_name(locale, *c) }</option>
                    }) }
                </select>
            </Row>
            <Row field={Field::Description} label={s.description_label} hint={s.description_hint}
                 error={error_of(Field::Description)}>
                <textarea id={desc_id} rows="5" aria-invalid={desc_invalid} aria-describedby={desc_desc}
                          aria-required="true" value={draft.description.clone()} oninput={ondescription.reform(Event::from)} />
            </Row>
            <Row field={Field::Email} label={s.email_label} error={error_of(Field::Email)}
                 hint={if report::email_required(draft.kind) { s.email_hint_required } else { s.email_hint_optional }}>
                <input id={email_id} type="email" autocomplete="email" aria-invalid={email_invalid}
                       aria-describedby={email_desc} aria-required={report::email_required(draft.kind).to_string()}
                       value={draft.email.clone()} oninput={onemail.reform(Event::from)} />
            </Row>
            <button type="submit" class="wh-button" disabled={sending}>
                { if matches!(*phase, Phase::Done(Outcome::RetryLater { .. })) { s.try_again } else { s.submit } }
            </button>
            { status }
        </form>
    }
}

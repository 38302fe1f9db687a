//! The report form: every field of a `core::report::Draft`, the secret guard's alerts,
//! articles that may already answer the description, screenshots, and the error summary
//! that takes focus when sending is refused.

use super::confirm::Confirm;
use super::evidence::Evidence;
use super::fields::{control_id, Control, Row};
use super::search::use_index;
use crate::core::config::Locale;
use crate::core::content::{with_brand, Catalogue};
use crate::core::i18n::{category_name, chain_name, field_name, kind_name, problem_text, strings};
use crate::core::report::{self, Attachment, Category, Draft, Field, Kind, Problem};
use crate::core::state::Action;
use crate::platform::host;
use std::rc::Rc;
use yew::prelude::*;

/// The description must be this long before articles are suggested for it.
const SUGGEST_AFTER_CHARS: usize = 12;

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub draft: Rc<Draft>,
    pub ondispatch: Callback<Action>,
    /// Called with a valid, secret-free draft and its attachments.
    pub onsubmit: Callback<(Rc<Draft>, Vec<Attachment>)>,
    /// The id of the report last stored from this form: when it changes the form starts
    /// afresh (screenshots too). Until then everything stays, in case it could not be kept.
    #[prop_or_default]
    pub stored: Option<AttrValue>,
}

#[component]
pub fn ReportForm(props: &FormProps) -> Html {
    let (locale, d) = (props.locale, &props.draft);
    let s = strings(locale);
    let attempted = use_state(|| false);
    let tries = use_state(|| 0u32);
    let attachments = use_state(Vec::<Attachment>::new);
    // A new form after sending or discarding: the screenshot picker starts over too, without
    // the last pick's messages.
    let generation = use_state(|| 0u32);
    let summary = use_node_ref();
    let describes = d.description.trim().chars().count() >= SUGGEST_AFTER_CHARS;
    let index = use_index(locale, props.catalogue.clone(), props.brand.clone(), describes);

    let secrets: Vec<Field> = report::findings(d).into_iter().map(|(f, _)| f).collect();
    let mut errors = if *attempted { report::validate(d) } else { Vec::new() };
    if *attempted {
        errors.extend(secrets.iter().map(|f| (*f, Problem::Secret)));
    }
    let error_of = |f: Field| errors.iter().find(|(ef, p)| *ef == f && *p != Problem::Secret).map(|(_, p)| *p);

    {
        let (attachments, attempted, generation) = (attachments.clone(), attempted.clone(), generation.clone());
        use_effect_with(props.stored.clone(), move |stored| {
            if stored.is_some() {
                attachments.set(Vec::new());
                generation.set(*generation + 1);
                attempted.set(false);
            }
        });
    }
    {
        let summary = summary.clone();
        use_effect_with(*tries, move |n| {
            if *n > 0 {
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let onsubmit = {
        let (draft, attempted, tries, attachments, send) =
            (d.clone(), attempted.clone(), tries.clone(), attachments.clone(), props.onsubmit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            attempted.set(true);
            if !report::validate(&draft).is_empty() || !report::findings(&draft).is_empty() {
                tries.set(*tries + 1);
                return;
            }
            send.emit((draft.clone(), (*attachments).clone()));
        })
    };
    let row = |field: Field, control: Control, hint: Option<&'static str>, required: bool| {
        html! {
            <Row {field} {locale} {control} value={d.value(field).to_string()} hint={hint.map(AttrValue::from)}
                 error={error_of(field)} secret={secrets.contains(&field)} {required} ondispatch={props.ondispatch.clone()} />
        }
    };
    // "What you already tried" shows sentences; the draft keeps the references they stand for.
    let step_names = use_memo((locale, props.brand.clone(), props.catalogue.clone()), |(locale, brand, catalogue)| {
        report::steps::names(*locale, brand, catalogue.articles(*locale), crate::core::troubleshoot::flows(*locale))
    });
    let steps_dispatch = {
        let (d, names, before) = (props.ondispatch.clone(), step_names.clone(), d.steps.clone());
        Callback::from(move |action: Action| {
            d.emit(match action {
                Action::Edit(Field::Steps, text) => {
                    Action::Edit(Field::Steps, report::steps::references(&text, &before, &names))
                }
                other => other,
            })
        })
    };
    let input = |kind: &'static str, autocomplete: &'static str| Control::Input { kind, autocomplete };
    let kinds: Vec<(&str, &str)> = Kind::ALL.iter().map(|k| (k.name(), kind_name(locale, *k))).collect();
    let mut categories = vec![("", s.choose)];
    categories.extend(Category::ALL.iter().map(|c| (c.name(), category_name(locale, *c))));
    let chains: Vec<(&str, &str)> =
        ["", "evm", "bitcoin", "tron", "solana"].iter().map(|c| (*c, chain_name(locale, c))).collect();
    let preferred = vec![("email", s.preferred_email), ("phone", s.preferred_phone)];

    let suggestions = match &index {
        Some(index) => {
            let articles = props.catalogue.articles(locale);
            index.search(&d.description, 3).into_iter().filter_map(|h| articles.get(h.doc)).collect::<Vec<_>>()
        }
        None => Vec::new(),
    };
    let onconsent = props.ondispatch.reform(|e: Event| {
        let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
        Action::Edit(Field::Consent, on.to_string())
    });
    let onattachchecklist = props.ondispatch.reform(|e: Event| {
        let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
        Action::AttachChecklist(on)
    });
    let ondiscard = {
        let (d, attachments, attempted, generation) =
            (props.ondispatch.clone(), attachments.clone(), attempted.clone(), generation.clone());
        Callback::from(move |()| {
            attachments.set(Vec::new());
            generation.set(*generation + 1);
            attempted.set(false);
            d.emit(Action::DiscardDraft);
        })
    };
    let onattach = {
        let attachments = attachments.clone();
        Callback::from(move |list: Vec<Attachment>| attachments.set(list))
    };

    html! {
        <form class="wh-contact" novalidate=true {onsubmit}>
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
                                    { field_name(locale, f).trim_end_matches(['?', '？']) }{ s.colon }{ problem_text(locale, p) }
                                </a></li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <fieldset>
                <legend>{ s.legend_problem }</legend>
                { row(Field::Kind, Control::Select(kinds), None, false) }
                { row(Field::Category, Control::Select(categories), None, true) }
                { row(Field::Subject, input("text", "off"), None, false) }
                { row(Field::Description, Control::TextArea { rows: 5 }, Some(s.description_hint), true) }
                if !suggestions.is_empty() {
                    <div class="wh-suggest" aria-live="polite">
                        <p>{ s.suggestions }</p>
                        <ul>
                            { for suggestions.iter().map(|a| {
                                let id = a.id.to_string();
                                let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()));
                                html! { <li><button type="button" class="wh-link" {onclick}>{ with_brand(&a.title, &props.brand) }</button></li> }
                            }) }
                        </ul>
                    </div>
                }
            </fieldset>
            <fieldset>
                <legend>{ s.legend_transaction }</legend>
                { row(Field::TxTime, input("datetime-local", "off"), None, false) }
                <div class="wh-pair">
                    { row(Field::TxAmount, input("text", "off"), None, false) }
                    { row(Field::TxAsset, input("text", "off"), None, false) }
                </div>
                { row(Field::TxChain, Control::Select(chains), None, false) }
                { row(Field::TxCounterparty, input("text", "off"), None, false) }
                { row(Field::TxHash, input("text", "off"), None, false) }
            </fieldset>
            <Row field={Field::Steps} {locale} control={Control::TextArea { rows: 3 }} value={report::steps::readable(&d.steps, &step_names)}
                 error={error_of(Field::Steps)} secret={secrets.contains(&Field::Steps)} ondispatch={steps_dispatch} />
            { row(Field::Expected, Control::TextArea { rows: 2 }, None, false) }
            <Evidence key={*generation} {locale} attachments={(*attachments).clone()} onchange={onattach} />
            <fieldset>
                <legend>{ s.legend_contact }</legend>
                <p class="wh-hint">{ s.contact_hint }</p>
                { row(Field::Preferred, Control::Select(preferred), None, false) }
                { row(Field::Email, input("email", "email"), None, report::email_required(d)) }
                { row(Field::Phone, input("tel", "tel"), None, report::phone_required(d)) }
                <div class={classes!("wh-check", error_of(Field::Consent).is_some().then_some("wh-invalid"))}>
                    <input id={control_id(Field::Consent)} type="checkbox" checked={d.consent} onchange={onconsent}
                           aria-invalid={error_of(Field::Consent).is_some().to_string()}
                           aria-describedby={error_of(Field::Consent).map(|_| "wh-f-consent-error")} />
                    <label for={control_id(Field::Consent)}>{ field_name(locale, Field::Consent) }</label>
                    if let Some(p) = error_of(Field::Consent) {
                        <p class="wh-error" id="wh-f-consent-error">{ problem_text(locale, p) }</p>
                    }
                </div>
            </fieldset>
            <div class="wh-check">
                <input id="wh-f-attach-checklist" type="checkbox" checked={d.attach_checklist} onchange={onattachchecklist} />
                <label for="wh-f-attach-checklist">{ s.attach_checklist }</label>
            </div>
            <div class="wh-actions">
                <button type="submit" class="wh-button">{ s.submit }</button>
                <Confirm label={s.discard} question={s.discard_question} yes={s.discard_yes} no={s.keep} onconfirm={ondiscard} />
            </div>
        </form>
    }
}

//! The troubleshooter: pick a case, walk its steps ("this fixed it" / "still broken";
//! urgent security steps just "done — next"), and when they run out, the escalation ladder.

use super::channels::{official, SupportChannels};
use super::letter::LetterView;
use super::vote::HelpfulVote;
use crate::core::config::{Locale, View};
use crate::core::content::{find as find_article, with_brand, Catalogue};
use crate::core::followup::Rung;
use crate::core::i18n::{category_name, step_of, strings};
use crate::core::report::Draft;
use crate::core::state::{Action, Votes};
use crate::core::troubleshoot::{self, Category, Outcome, Walk};
use crate::platform::focus;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TroubleshootProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub walk: Option<Walk>,
    /// The ladder on its own, with this rung suggested (a report support has not answered).
    pub ladder: Option<Rung>,
    /// Earlier answers to "Was this helpful?", keyed `case/<case id>` for cases.
    pub votes: Rc<Votes>,
    /// For the complaint letter: the report draft and the account reference.
    pub draft: Rc<Draft>,
    pub account: Option<String>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Troubleshoot(props: &TroubleshootProps) -> Html {
    let s = strings(props.locale);
    let locale = props.locale;
    let brand = |t: &str| with_brand(t, &props.brand);
    let ladder = |title: String, tried: Vec<String>, next: Option<Rung>, case: Option<Rc<Draft>>| {
        html! {
            <Ladder locale={locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()} {title} {tried} {next} {case}
                    draft={props.draft.clone()} account={props.account.clone()} ondispatch={props.ondispatch.clone()} />
        }
    };
    if let (None, Some(rung)) = (&props.walk, props.ladder) {
        return html! {
            <section class="wh-troubleshoot">
                <button type="button" class="wh-back" onclick={props.ondispatch.reform(|_: MouseEvent| Action::LeaveCase)}>{ "← " }{ s.ts_other }</button>
                { ladder(props.draft.subject.clone(), Vec::new(), Some(rung), None) }
            </section>
        };
    }
    let Some(walk) = &props.walk else {
        return html! {
            <section class="wh-troubleshoot">
                <p class="wh-intro">{ s.ts_intro }</p>
                { for Category::ALL.iter().map(|&c| html! {
                    <>
                        <h3 class="wh-subhead">{ category_name(locale, c.report()) }</h3>
                        <ul class="wh-list">
                            { for troubleshoot::flows(locale).iter().filter(|f| f.category == c).map(|f| {
                                let case = f.case.to_string();
                                let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::StartCase(case.clone()));
                                html! { <li><button type="button" class="wh-item" id={format!("wh-case-{}", f.case)} {onclick}>
                                    <span class="wh-item-title">{ brand(&f.title) }</span>
                                </button></li> }
                            }) }
                        </ul>
                    </>
                }) }
            </section>
        };
    };
    let Some(flow) = troubleshoot::find(locale, &walk.case) else { return html! {} };
    let onother = props.ondispatch.reform(|_: MouseEvent| Action::LeaveCase);
    let body = match (walk.outcome(), walk.current_step(flow)) {
        (Outcome::InProgress, Some(step)) => {
            let (n, of) = walk.progress();
            let articles = props.catalogue.articles(locale);
            html! {
                <div class={classes!("wh-step", step.urgent.then_some("wh-urgent"))}>
                    <p class="wh-meta" aria-live="polite">{ step_of(locale, n, of) }</p>
                    <h4 tabindex="-1" data-heading="">{ brand(&step.text) }</h4>
                    if let Some(detail) = &step.detail {
                        <p>{ brand(detail) }</p>
                    }
                    <ul class="wh-step-links">
                        { for step.articles().filter_map(|id| find_article(articles, id)).map(|a| {
                            let id = a.id.to_string();
                            html! { <li><button type="button" class="wh-link" onclick={props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()))}>
                                { brand(&a.title) }
                            </button></li> }
                        }) }
                    </ul>
                    <div class="wh-actions">
                        if step.urgent {
                            <button type="button" class="wh-button" onclick={props.ondispatch.reform(|_: MouseEvent| Action::StillBroken)}>{ s.ts_next }</button>
                        } else {
                            <button type="button" class="wh-button" onclick={props.ondispatch.reform(|_: MouseEvent| Action::Fixed)}>{ s.ts_fixed }</button>
                            <button type="button" class="wh-button wh-secondary" onclick={props.ondispatch.reform(|_: MouseEvent| Action::StillBroken)}>{ s.ts_broken }</button>
                        }
                    </div>
                    if n > 1 {
                        <button type="button" class="wh-back" onclick={props.ondispatch.reform(|_: MouseEvent| Action::PreviousStep)}>{ "← " }{ s.ts_previous }</button>
                    }
                </div>
            }
        }
        (Outcome::Fixed, _) => {
            let subject = format!("case/{}", flow.case);
            html! { <>
                <p class="wh-success" role="status">{ s.ts_solved }</p>
                <HelpfulVote {locale} vote={props.votes.get(&subject).copied()} subject={subject} ondispatch={props.ondispatch.clone()} />
            </> }
        }
        _ => {
            // The case as a report would tell it, for a letter written before any report.
            let case = Draft {
                description: brand(&flow.title),
                category: Some(flow.category.report()),
                steps: walk.steps_tried().join("\n"),
                ..Draft::default()
            };
            let tried =
                walk.tried.iter().filter_map(|id| flow.step(id)).map(|st| format!("- {}", brand(&st.done))).collect();
            ladder(brand(&flow.title), tried, None, Some(Rc::new(case)))
        }
    };
    html! {
        <section class="wh-troubleshoot">
            <button type="button" class="wh-back" onclick={onother}>{ "← " }{ s.ts_other }</button>
            <h3>{ brand(&flow.title) }</h3>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LadderProps {
    locale: Locale,
    brand: AttrValue,
    catalogue: Rc<Catalogue>,
    title: AttrValue,
    /// What the user tried, one line each, for the support email.
    tried: Vec<String>,
    /// The rung to suggest, when the user comes back because support has not answered.
    next: Option<Rung>,
    draft: Rc<Draft>,
    /// The case walked, if any.
    case: Option<Rc<Draft>>,
    account: Option<String>,
    ondispatch: Callback<Action>,
}

/// The rungs in order: customer service, a report, public channels, the regulator.
#[component]
fn Ladder(props: &LadderProps) -> Html {
    let s = strings(props.locale);
    let letter = use_state(|| false);
    let region = use_state(|| 0usize);
    let ladder = use_node_ref();
    {
        let (ladder, was_open) = (ladder.clone(), use_mut_ref(|| false));
        use_effect_with(*letter, move |open| {
            // Back from the letter: focus returns to the link that opened it.
            if std::mem::replace(&mut *was_open.borrow_mut(), *open) && !*open {
                if let Some(el) = ladder.cast::<web_sys::Element>() {
                    focus::to(&el, "[data-opens=letter]");
                }
            }
        });
    }
    let c = &props.catalogue.channels;
    if *letter {
        let onback = {
            let letter = letter.clone();
            Callback::from(move |_: MouseEvent| letter.set(false))
        };
        return html! { <LetterView locale={props.locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()} draft={props.draft.clone()}
        case={props.case.clone()} account={props.account.clone()} {onback} /> };
    }
    let body = props.tried.join("\n");
    let onregion = {
        let region = region.clone();
        Callback::from(move |e: Event| {
            let i = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.selected_index()).unwrap_or(0);
            region.set(usize::try_from(i).unwrap_or(0));
        })
    };
    let regulator = c.regulators.get(*region);
    let suggested = |rung: Rung| (props.next == Some(rung)).then_some("wh-next");
    let badge = |rung: Rung| {
        if props.next == Some(rung) {
            html! { <span class="wh-badge">{ s.next_rung }</span> }
        } else {
            html! {}
        }
    };
    html! {
        <div class="wh-ladder" ref={ladder}>
            <p class="wh-intro" role="status">{ s.ladder_title }</p>
            <section>
                <h4>{ s.rung_service }</h4>
                <SupportChannels locale={props.locale} catalogue={props.catalogue.clone()} subject={props.title.clone()} body={body} />
                // Someone else offering help is the moment to check them.
                <button type="button" data-opens="verifier" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(true))}>{ s.check_contact }</button>
            </section>
            <section>
                <h4>{ s.rung_report }</h4>
                <button type="button" class="wh-button" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ReportCase)}>{ s.open_form }</button>
            </section>
            <section class={classes!(suggested(Rung::Public))}>
                <h4>{ s.rung_public }{ badge(Rung::Public) }</h4>
                <ul class="wh-step-links">
                    if let Some(forum) = &c.forum {
                        <li><a href={forum.clone()} target="_blank" rel="noopener noreferrer">{ s.forum }</a>{ official(props.locale) }</li>
                    }
                    <li><button type="button" class="wh-link" data-opens="letter" onclick={{ let letter = letter.clone(); Callback::from(move |_: MouseEvent| letter.set(true)) }}>{ s.write_letter }</button></li>
                </ul>
            </section>
            <section class={classes!(suggested(Rung::Regulator))}>
                <h4>{ s.rung_regulator }{ badge(Rung::Regulator) }</h4>
                if c.regulators.is_empty() {
                    <p>{ s.regulator_none }</p>
                } else {
                    <label for="wh-region">{ s.region }</label>
                    <select id="wh-region" onchange={onregion}>
                        { for c.regulators.iter().enumerate().map(|(i, r)| html! { <option selected={i == *region}>{ r.region.get(props.locale) }</option> }) }
                    </select>
                    if let Some(r) = regulator {
                        <p>{ match &r.url {
                            Some(url) => html! { <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ r.name.get(props.locale) }</a> },
                            None => html! { { r.name.get(props.locale) } },
                        } }</p>
                    }
                }
                <p class="wh-hint">{ s.regulator_bring }</p>
            </section>
            <button type="button" class="wh-link" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowView(View::Faq))}>
                { "← " }{ s.back_to_faq }
            </button>
        </div>
    }
}

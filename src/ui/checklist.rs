//! The security checklist: a summary line with what to do next, each habit with
//! done / not yet / does not apply, why it matters and how, and the way to the contact verifier.

use crate::core::checklist::{app_outdated, summary, Item, Mark, Marks, Tool};
use crate::core::config::Locale;
use crate::core::content::{find, with_brand, Catalogue};
use crate::core::i18n::{app_version_note, checklist_line, strings};
use crate::core::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub marks: Rc<Marks>,
    /// The installed app version (from `prefill`) and the latest (from the config), if known.
    pub app_versions: Option<(String, String)>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let s = strings(props.locale);
    let items = props.catalogue.items(props.locale);
    let sum = summary(items, &props.marks);
    let line = checklist_line(props.locale, sum.done, sum.applicable, sum.next.map(|i| i.next.as_ref()));
    html! {
        <section class="wh-checklist">
            <p class="wh-intro">{ s.checklist_intro }</p>
            <p class="wh-score" role="status">{ line }</p>
            <progress class="wh-progress" max="100" value={sum.score().to_string()} aria-hidden="true"></progress>
            <ol class="wh-items">
                { for items.iter().map(|item| html! { <ChecklistItem locale={props.locale} brand={props.brand.clone()}
                    item={item.clone()} mark={props.marks.get(item.id.as_ref()).copied().unwrap_or(Mark::NotYet)}
                    catalogue={props.catalogue.clone()} app_versions={props.app_versions.clone()}
                    ondispatch={props.ondispatch.clone()} /> }) }
            </ol>
            <button type="button" class="wh-button wh-secondary" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ResetChecklist)}>
                { s.reset_checklist }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    locale: Locale,
    brand: AttrValue,
    item: Item,
    mark: Mark,
    catalogue: Rc<Catalogue>,
    app_versions: Option<(String, String)>,
    ondispatch: Callback<Action>,
}

#[component]
fn ChecklistItem(props: &ItemProps) -> Html {
    let s = strings(props.locale);
    let item = &props.item;
    let heading = format!("wh-ci-{}", item.id);
    let label = |m: Mark| match m {
        Mark::Done => s.mark_done,
        Mark::NotYet => s.mark_not_yet,
        Mark::NotApplicable => s.mark_na,
    };
    let articles = props.catalogue.articles(props.locale);
    let version_note =
        (item.id == "app-updated").then_some(props.app_versions.as_ref()).flatten().and_then(|(installed, latest)| {
            app_outdated(installed, latest).map(|o| app_version_note(props.locale, installed, latest, o))
        });
    html! {
        <li class={classes!("wh-check-item", (props.mark == Mark::Done).then_some("wh-done"))}>
            <h4 id={heading.clone()}>{ with_brand(&item.title, &props.brand) }</h4>
            if let Some(note) = version_note {
                <p class="wh-hint">{ note }</p>
            }
            <div class="wh-marks" role="radiogroup" aria-labelledby={heading}>
                { for Mark::ALL.iter().map(|&m| {
                    let id = format!("wh-m-{}-{}", item.id, m.name());
                    let onchange = { let iid = item.id.to_string(); props.ondispatch.reform(move |_: Event| Action::Mark(iid.clone(), m)) };
                    html! {
                        <label for={id.clone()} class="wh-mark">
                            <input type="radio" {id} name={format!("wh-m-{}", item.id)} value={m.name()}
                                   checked={props.mark == m} {onchange} />
                            { label(m) }
                        </label>
                    }
                }) }
            </div>
            <details>
                <summary>{ s.why_how }</summary>
                <p>{ with_brand(&item.why, &props.brand) }</p>
                <ol>{ for item.steps().map(|step| html! { <li>{ with_brand(step, &props.brand) }</li> }) }</ol>
                <p class="wh-read">
                    { s.read_more }{ " " }
                    { for item.articles().filter_map(|id| find(articles, id)).map(|a| {
                        let id = a.id.to_string();
                        html! { <button type="button" class="wh-link" onclick={props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()))}>
                            { with_brand(&a.title, &props.brand) }
                        </button> }
                    }) }
                </p>
            </details>
            if item.tool == Some(Tool::Verifier) {
                <button type="button" class="wh-button" data-opens="verifier" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(true))}>
                    { s.check_contact }
                </button>
            }
        </li>
    }
}

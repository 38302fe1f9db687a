//! One FAQ article: body, "Was this helpful?", and related articles.

use super::rich;
use super::vote::HelpfulVote;
use crate::core::checklist::Tool;
use crate::core::config::Locale;
use crate::core::content::{find, with_brand, Article, Catalogue};
use crate::core::i18n::strings;
use crate::core::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub article: Article,
    /// To resolve related ids.
    pub catalogue: Rc<Catalogue>,
    /// The user's earlier answer to "Was this helpful?", if any.
    pub vote: Option<bool>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn ArticlePage(props: &ArticleProps) -> Html {
    let s = strings(props.locale);
    let a = &props.article;
    let brand = |t: &str| with_brand(t, &props.brand);
    let onarticle = props.ondispatch.reform(Action::ShowArticle);
    let onback = props.ondispatch.reform(|_: MouseEvent| Action::Back);
    let related: Vec<&Article> =
        a.related().filter_map(|id| find(props.catalogue.articles(props.locale), id)).collect();

    html! {
        <article class="wh-article">
            <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.back }</button>
            // Focusable for the panel, which puts focus here when the article is shown.
            <h3 class="wh-article-title" tabindex="-1">{ brand(&a.title) }</h3>
            <p class="wh-meta">{ s.updated }{ " " }{ &*a.updated }</p>
            { rich::blocks(&a.blocks(), &props.brand, &onarticle) }
            <HelpfulVote locale={props.locale} subject={a.id.to_string()} vote={props.vote} ondispatch={props.ondispatch.clone()} />
            if props.catalogue.items(props.locale).iter().any(|i| i.tool == Some(Tool::Verifier) && i.articles().any(|x| x == a.id)) {
                <button type="button" data-opens="verifier" class="wh-button" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(true))}>
                    { s.check_contact }
                </button>
            }
            if !related.is_empty() {
                <section class="wh-related">
                    <h4>{ s.related }</h4>
                    <ul class="wh-list">
                        { for related.iter().map(|r| {
                            let id = r.id.to_string();
                            let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()));
                            html! { <li><button type="button" class="wh-link" data-article={r.id.to_string()} {onclick}>{ brand(&r.title) }</button></li> }
                        }) }
                    </ul>
                </section>
            }
        </article>
    }
}

//! The FAQ view: the list of articles, or one article with a way back.

use crate::core::config::Locale;
use crate::core::content::{self, Block};
use crate::core::i18n::strings;
use crate::core::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub locale: Locale,
    pub brand: String,
    pub article: Option<String>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let s = strings(props.locale);
    let brand = |t: &str| content::with_brand(t, &props.brand);
    if let Some(a) = props.article.as_deref().and_then(|id| content::find(props.locale, id)) {
        let onback = props.ondispatch.reform(|_: MouseEvent| Action::BackToList);
        return html! {
            <article class="wh-article">
                <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.back }</button>
                <ArticleTitle text={brand(&a.title)} />
                { for content::blocks(&a.body).into_iter().map(|b| match b {
                    Block::Paragraph(p) => html! { <p>{ brand(&p) }</p> },
                    Block::List(items) => html! {
                        <ul>{ for items.iter().map(|i| html! { <li>{ brand(i) }</li> }) }</ul>
                    },
                }) }
            </article>
        };
    }
    html! {
        <section class="wh-faq">
            <p class="wh-intro">{ s.faq_intro }</p>
            <ul class="wh-list">
                { for content::articles(props.locale).iter().map(|a| {
                    let id = a.id.clone();
                    let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()));
                    html! {
                        <li>
                            <button type="button" class="wh-item" {onclick}>
                                <span class="wh-item-title">{ brand(&a.title) }</span>
                                <span class="wh-item-summary">{ brand(&a.summary) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TitleProps {
    text: String,
}

/// The article heading takes focus when shown, so screen readers start reading there.
#[component]
fn ArticleTitle(props: &TitleProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.text.clone(), move |_| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    html! { <h3 class="wh-article-title" tabindex="-1" ref={heading}>{ &props.text }</h3> }
}

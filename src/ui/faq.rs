//! The FAQ view: search box and topics on its home, a topic's article list, or an article.

use super::article::ArticlePage;
use super::search::{SearchBox, SearchResults};
use crate::core::config::Locale;
use crate::core::content::{find, in_category, with_brand, Article, Catalogue, Category};
use crate::core::i18n::{strings, topic_name};
use crate::core::state::{Action, FaqPage, Votes};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub page: Option<FaqPage>,
    pub query: AttrValue,
    pub votes: Rc<Votes>,
    pub ondispatch: Callback<Action>,
}

/// A list of articles as buttons that open them.
pub fn article_list<'a>(
    articles: impl Iterator<Item = &'a Article>,
    brand: &str,
    ondispatch: &Callback<Action>,
) -> Html {
    html! {
        <ul class="wh-list">
            { for articles.map(|a| {
                let id = a.id.to_string();
                let onclick = ondispatch.reform(move |_: MouseEvent| Action::ShowArticle(id.clone()));
                html! {
                    <li>
                        <button type="button" class="wh-item" data-article={a.id.to_string()} {onclick}>
                            <span class="wh-item-title">{ with_brand(&a.title, brand) }</span>
                            <span class="wh-item-summary">{ with_brand(&a.summary, brand) }</span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

#[component]
pub fn Faq(props: &FaqProps) -> Html {
    let s = strings(props.locale);
    let articles = props.catalogue.articles(props.locale);
    let onback = props.ondispatch.reform(|_: MouseEvent| Action::Back);
    match &props.page {
        Some(FaqPage::Article(id)) => match find(articles, id) {
            Some(a) => html! {
                <ArticlePage locale={props.locale} brand={props.brand.clone()} article={a.clone()}
                    catalogue={props.catalogue.clone()} vote={props.votes.get(id.as_str()).copied()}
                    ondispatch={props.ondispatch.clone()} />
            },
            None => html! {
                <section>
                    <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.back }</button>
                    <p role="alert">{ s.not_found }</p>
                </section>
            },
        },
        Some(FaqPage::Category(c)) => html! {
            <section class="wh-topic">
                <button type="button" class="wh-back" onclick={onback}>{ "← " }{ s.back }</button>
                <h3>{ topic_name(props.locale, *c) }</h3>
                { article_list(in_category(articles, *c), &props.brand, &props.ondispatch) }
            </section>
        },
        None => html! {
            <section class="wh-faq">
                <SearchBox locale={props.locale} query={props.query.clone()} ondispatch={props.ondispatch.clone()} />
                // Always here, so its result-count live region exists before the first keystroke.
                <SearchResults locale={props.locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                    query={props.query.clone()} ondispatch={props.ondispatch.clone()} />
                if props.query.trim().is_empty() {
                    <h3 class="wh-subhead">{ s.topics }</h3>
                    <ul class="wh-topics">
                        { for Category::ALL.iter().map(|&c| {
                            let onclick = props.ondispatch.reform(move |_: MouseEvent| Action::ShowCategory(c));
                            html! {
                                <li><button type="button" class="wh-topic-button" data-topic={c.name()} {onclick}>
                                    <span>{ topic_name(props.locale, c) }</span>
                                    <span class="wh-count">{ in_category(articles, c).count() }</span>
                                </button></li>
                            }
                        }) }
                    </ul>
                }
            </section>
        },
    }
}

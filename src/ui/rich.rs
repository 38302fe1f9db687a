//! Article bodies as Yew nodes (never `inner_html`): headings, paragraphs, lists, bold,
//! emphasis and links. Links to other articles stay in the widget; web links open a new tab.

use crate::core::content::{link_target, with_brand, Block, Span, Target};
use yew::prelude::*;

pub fn blocks(body: &[Block<'_>], brand: &str, onarticle: &Callback<String>) -> Html {
    let line = |spans: &[Span]| -> Html { spans.iter().map(|s| span(s, brand, onarticle)).collect() };
    body.iter()
        .map(|b| match b {
            Block::Heading(2, s) => html! { <h4>{ line(s) }</h4> },
            Block::Heading(_, s) => html! { <h5>{ line(s) }</h5> },
            Block::Paragraph(s) => html! { <p>{ line(s) }</p> },
            Block::List { ordered: true, items } => {
                html! { <ol>{ for items.iter().map(|i| html! { <li>{ line(i) }</li> }) }</ol> }
            }
            Block::List { ordered: false, items } => {
                html! { <ul>{ for items.iter().map(|i| html! { <li>{ line(i) }</li> }) }</ul> }
            }
        })
        .collect()
}

fn span(s: &Span<'_>, brand: &str, onarticle: &Callback<String>) -> Html {
    let mut node = html! { { with_brand(s.text, brand) } };
    if s.emphasis {
        node = html! { <em>{ node }</em> };
    }
    if s.strong {
        node = html! { <strong>{ node }</strong> };
    }
    match s.link.and_then(link_target) {
        Some(Target::Article(id)) => {
            let (id, onarticle) = (id.to_string(), onarticle.clone());
            let href = format!("#wallet-help/article/{id}");
            let onclick = Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                onarticle.emit(id.clone());
            });
            html! { <a {href} {onclick}>{ node }</a> }
        }
        Some(Target::External(href)) => {
            html! { <a href={href.to_string()} target="_blank" rel="noopener noreferrer">{ node }</a> }
        }
        None => node,
    }
}

//! "Was this helpful?" under an article and at the end of a solved troubleshooting case.

use crate::core::config::{Locale, View};
use crate::core::i18n::{strings, view_name};
use crate::core::state::Action;
use crate::platform::host;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VoteProps {
    pub locale: Locale,
    /// What the vote is about: an article id, or `case/<case id>` for a troubleshooting case.
    pub subject: AttrValue,
    /// The user's earlier answer, if any.
    pub vote: Option<bool>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn HelpfulVote(props: &VoteProps) -> Html {
    let s = strings(props.locale);
    let vote = |helpful: bool| {
        let (d, subject) = (props.ondispatch.clone(), props.subject.to_string());
        Callback::from(move |_: MouseEvent| {
            host::emit("vote", &host::detail(&[("id", &subject), ("helpful", if helpful { "yes" } else { "no" })]));
            d.emit(Action::Vote { subject: subject.clone(), helpful });
        })
    };
    html! {
        <section class="wh-vote" aria-label={s.helpful}>
            { match props.vote {
                None => html! { <>
                    <p>{ s.helpful }</p>
                    <div class="wh-actions">
                        <button type="button" class="wh-button wh-secondary" onclick={vote(true)}>{ s.yes }</button>
                        <button type="button" class="wh-button wh-secondary" onclick={vote(false)}>{ s.no }</button>
                    </div>
                </> },
                Some(true) => html! { <p role="status">{ s.thanks }</p> },
                Some(false) => html! { <>
                    <p role="status">{ s.sorry }</p>
                    <button type="button" class="wh-button"
                            onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowView(View::Contact))}>
                        { view_name(props.locale, View::Contact) }
                    </button>
                    // After an article, the guided steps are another way on (a case has had them).
                    if !props.subject.starts_with("case/") {
                        <button type="button" class="wh-button wh-secondary wh-also"
                                onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowView(View::Troubleshoot))}>
                            { view_name(props.locale, View::Troubleshoot) }
                        </button>
                    }
                </> },
            } }
        </section>
    }
}

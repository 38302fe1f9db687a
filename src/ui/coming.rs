//! Stand-in for views not built yet: says so, and points to what already helps.

use crate::core::config::{Locale, View};
use crate::core::i18n::{strings, view_name};
use crate::core::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComingProps {
    pub locale: Locale,
    pub view: View,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Coming(props: &ComingProps) -> Html {
    let s = strings(props.locale);
    let go = |view: View| props.ondispatch.reform(move |_: MouseEvent| Action::ShowView(view));
    html! {
        <section class="wh-coming">
            <h3>{ view_name(props.locale, props.view) }{ " — " }{ s.coming_title }</h3>
            <p>{ s.coming_body }</p>
            <div class="wh-actions">
                <button type="button" class="wh-button" onclick={go(View::Faq)}>{ view_name(props.locale, View::Faq) }</button>
                <button type="button" class="wh-button wh-secondary" onclick={go(View::Contact)}>{ view_name(props.locale, View::Contact) }</button>
            </div>
        </section>
    }
}

//! "Is this support contact real?": the user pastes a website, email, phone number or
//! account, and the verdict is announced with its reason and the rules that always hold.
//! Without the operator's list nothing is called official: every contact that is not an
//! imitation of the brand is "unverified", and the operator is warned once in the console.

use crate::core::config::Locale;
use crate::core::contacts::{names_no_network, verify, Advice, Channel, Official, Verdict, UNPUBLISHED_WARNING};
use crate::core::content::Catalogue;
use crate::core::i18n::{advice_text, channel_name, only_there, reason_text, strings};
use crate::core::state::Action;
use crate::platform::host;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerifierProps {
    pub locale: Locale,
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    /// Opened from outside the checklist: the back button says "Back", not "Back to the checklist".
    #[prop_or_default]
    pub elsewhere: bool,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Verifier(props: &VerifierProps) -> Html {
    let s = strings(props.locale);
    let input = use_state(String::new);
    // The verdict, and whether the checked text named no app (kept with it: the field may
    // change after the check).
    let verdict = use_state(|| None::<(Verdict, bool)>);
    // The operator's list, named after the brand if it has no name of its own; an empty one
    // when the config gives none (only the brand's look-alikes can then be recognised).
    let official = match props.catalogue.official.clone() {
        Some(o) if o.brand.is_empty() => Official { brand: props.brand.to_string(), ..o },
        Some(o) => o,
        None => Official { brand: props.brand.to_string(), ..Official::default() },
    };
    let onsubmit = {
        let (input, verdict) = (input.clone(), verdict.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if official.is_empty() {
                warn_unpublished();
            }
            verdict.set(Some((verify(&input, &official), names_no_network(&input))));
        })
    };
    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| input.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let locale = props.locale;
    let result = verdict.as_ref().map(|(v, bare)| match v {
        Verdict::Official { channel, matched } => html! {
            <div class="wh-verdict wh-official" role="status">
                <p class="wh-verdict-title">{ "✓ " }{ s.verdict_official }</p>
                <p>{ format!("{} {}", channel_name(locale, *channel), matched) }</p>
                if *bare && matches!(channel, Channel::Handle(_)) {
                    <p class="wh-alert">{ only_there(locale, *channel) }</p>
                }
                <p>{ s.verdict_rule }</p>
            </div>
        },
        Verdict::Impostor { reason, resembles, listed, .. } => html! {
            <div class="wh-verdict wh-impostor" role="alert">
                <p class="wh-verdict-title">{ "⚠ " }{ s.verdict_impostor }</p>
                <p>{ reason_text(locale, reason, resembles, *listed) }</p>
                <p>{ s.verdict_rule }</p>
            </div>
        },
        Verdict::Unknown { advice } => html! {
            <div class="wh-verdict wh-unknown" role="status">
                <p class="wh-verdict-title">{ if *advice == Advice::Unpublished { s.verdict_unverified } else { s.verdict_unknown } }</p>
                <p>{ advice_text(locale, *advice) }</p>
                <p>{ s.verdict_rule }</p>
            </div>
        },
    });
    html! {
        <section class="wh-verifier">
            <button type="button" class="wh-back" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ShowVerifier(false))}>
                { "← " }{ if props.elsewhere { s.back } else { s.back_to_checklist } }
            </button>
            <h3>{ s.verifier_title }</h3>
            <p class="wh-intro">{ s.verifier_intro }</p>
            <form class="wh-verify-form" {onsubmit}>
                <label for="wh-verify">{ s.verifier_label }</label>
                <div class="wh-verify-row">
                    <input id="wh-verify" type="text" autocomplete="off" value={(*input).clone()} {oninput} />
                    <button type="submit" class="wh-button">{ s.verifier_button }</button>
                </div>
            </form>
            { result.unwrap_or_default() }
        </section>
    }
}

/// Tells the operator, once per page (not per check), that nothing can be confirmed.
fn warn_unpublished() {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        host::warn(UNPUBLISHED_WARNING);
    }
}

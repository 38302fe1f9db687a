//! A button for something that cannot be undone: the first press asks, in place, and only
//! the second, on "yes", does it. Focus goes to the safe answer, and back to the button when
//! the user keeps their data, so a keyboard user is never dropped out of the panel.

use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The button's label ("Discard draft").
    pub label: AttrValue,
    /// What will be lost, asked when the button is pressed.
    pub question: AttrValue,
    pub yes: AttrValue,
    pub no: AttrValue,
    pub onconfirm: Callback<()>,
}

#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let asking = use_state(|| false);
    let button = use_node_ref();
    let keep = use_node_ref();
    // Runs after each change of `asking` (and once at mount, when there is nothing to move).
    let first = use_mut_ref(|| true);
    {
        let (button, keep, first) = (button.clone(), keep.clone(), first.clone());
        use_effect_with(*asking, move |asking| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let target = if *asking { &keep } else { &button };
                if let Some(el) = target.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let set = |to: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    if *asking {
        let onyes = {
            let (asking, onconfirm) = (asking.clone(), props.onconfirm.clone());
            Callback::from(move |_: MouseEvent| {
                asking.set(false);
                onconfirm.emit(());
            })
        };
        html! {
            <div class="wh-confirm" role="group" aria-label={props.label.clone()}>
                <p role="alert">{ &props.question }</p>
                <button type="button" class="wh-button wh-danger" onclick={onyes}>{ &props.yes }</button>
                <button type="button" class="wh-button wh-secondary" ref={keep} onclick={set(false)}>{ &props.no }</button>
            </div>
        }
    } else {
        html! {
            <button type="button" class="wh-button wh-secondary" ref={button} onclick={set(true)}>{ &props.label }</button>
        }
    }
}

//! The app root: owns the reducer, connects the JS API bridge, reports open/close/article
//! to the host page, and shows the panel while open.

use super::bridge::Bridge;
use super::panel::Panel;
use crate::core::config::Config;
use crate::core::state::{Action, State};
use crate::platform::host;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    pub bridge: Bridge,
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The inherent `State::reduce` is the pure reducer; returning the same Rc skips a render.
        let next = State::reduce(&self, action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let locale = props.config.locale;
    let state = use_reducer(move || State::new(locale));
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };

    {
        let (bridge, dispatch) = (props.bridge.clone(), dispatch.clone());
        use_effect_with((), move |_| bridge.connect(dispatch));
    }

    // Tell the host page about open/close, but not about the initial closed state.
    let was_open = use_mut_ref(|| false);
    use_effect_with(state.open, move |open| {
        let before = std::mem::replace(&mut *was_open.borrow_mut(), *open);
        if *open != before {
            host::emit(if *open { "open" } else { "close" }, &wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    use_effect_with(state.article.clone(), |article| {
        if let Some(id) = article {
            host::emit("article", &host::detail(&[("id", id)]));
        }
    });

    html! {
        <div class="wh-app" lang={state.locale.tag()}>
            if state.open {
                <Panel state={(*state).clone()} config={props.config.clone()} ondispatch={dispatch} />
            }
        </div>
    }
}

//! One labelled form row per report field: label, control, hint, the field's error, and
//! the secret guard's alert with a button that removes the secret. The control carries
//! `aria-invalid` and `aria-describedby` pointing at all of them.

use crate::core::config::Locale;
use crate::core::i18n::{field_name, problem_text, strings};
use crate::core::report::{Field, Problem};
use crate::core::state::Action;
use yew::prelude::*;

/// DOM id of a field's control.
pub fn control_id(field: Field) -> String {
    format!("wh-f-{}", field.id())
}

#[derive(Clone, PartialEq)]
pub enum Control {
    Input {
        kind: &'static str,
        autocomplete: &'static str,
    },
    TextArea {
        rows: u32,
    },
    /// `(value, label)` pairs; the current value is selected.
    Select(Vec<(&'static str, &'static str)>),
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub field: Field,
    pub locale: Locale,
    pub control: Control,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Shown once the user has tried to send.
    pub error: Option<Problem>,
    /// The secret guard found a seed phrase or key here.
    #[prop_or_default]
    pub secret: bool,
    #[prop_or_default]
    pub required: bool,
    pub ondispatch: Callback<Action>,
}

/// The node to show: whenever `shown` becomes `Some` (or another `Some`), the panel scrolls
/// just enough to bring it into view (`platform::host::reveal`). With `focus`, its first
/// focusable child takes focus too, so keyboard and screen-reader users are where the news
/// is, not on the button far below that caused it.
#[hook]
pub fn use_reveal<K: PartialEq + 'static>(shown: Option<K>, focus: bool) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(shown, move |shown| {
            if let Some(el) = node.cast::<web_sys::Element>().filter(|_| shown.is_some()) {
                crate::platform::host::reveal(&el);
                if focus {
                    crate::platform::focus::to(&el, "[tabindex='-1']");
                }
            }
        });
    }
    node
}

#[component]
pub fn Row(props: &RowProps) -> Html {
    let s = strings(props.locale);
    let (field, id) = (props.field, props.field.id());
    let ids = |part: &str| format!("wh-f-{id}-{part}");
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(ids("hint"));
    }
    if props.error.is_some() {
        described.push(ids("error"));
    }
    if props.secret {
        described.push(ids("secret"));
    }
    let invalid = (props.error.is_some() || props.secret).to_string();
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    let onchange = props.ondispatch.reform(move |e: Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| e.target_dyn_into::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
            .or_else(|| e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()))
            .unwrap_or_default();
        Action::Edit(field, value)
    });
    let oninput = onchange.reform(Event::from);
    let control = match &props.control {
        Control::Input { kind, autocomplete } => html! {
            <input id={control_id(field)} type={*kind} autocomplete={*autocomplete} value={props.value.clone()}
                   aria-invalid={invalid} aria-describedby={describedby} aria-required={props.required.to_string()} {oninput} />
        },
        Control::TextArea { rows } => html! {
            <textarea id={control_id(field)} rows={rows.to_string()} value={props.value.clone()}
                      aria-invalid={invalid} aria-describedby={describedby} aria-required={props.required.to_string()} {oninput} />
        },
        Control::Select(options) => html! {
            <select id={control_id(field)} aria-invalid={invalid} aria-describedby={describedby}
                    aria-required={props.required.to_string()} {onchange}>
                { for options.iter().map(|(value, label)| html! {
                    <option value={*value} selected={props.value == *value}>{ *label }</option>
                }) }
            </select>
        },
    };
    let guard = use_reveal(props.secret.then_some(()), false);
    let onremove = props.ondispatch.reform(|_: MouseEvent| Action::RemoveSecrets);
    html! {
        <div class={classes!("wh-field", (props.error.is_some() || props.secret).then_some("wh-invalid"))}>
            <label for={control_id(field)}>{ field_name(props.locale, field) }</label>
            { control }
            if let Some(hint) = &props.hint {
                <p class="wh-hint" id={ids("hint")}>{ hint }</p>
            }
            if let Some(p) = props.error {
                <p class="wh-error" id={ids("error")}>{ problem_text(props.locale, p) }</p>
            }
            if props.secret {
                <div class="wh-guard" role="alert" id={ids("secret")} ref={guard}>
                    <p class="wh-guard-title">{ s.guard_title }</p>
                    <p>{ s.guard_body }</p>
                    <button type="button" class="wh-button" onclick={onremove}>{ s.guard_remove }</button>
                </div>
            }
        </div>
    }
}

//! One labelled form row: label, the control, a hint and the field's error. The control
//! itself carries `aria-invalid` and `aria-describedby` from [`aria`].

use crate::core::report::Field;
use yew::prelude::*;

/// DOM id of a field's control.
pub fn control_id(field: Field) -> String {
    format!("wh-f-{}", field.id())
}

/// `(aria-invalid, aria-describedby)` for a control: its hint, and its error when it has one.
pub fn aria(field: Field, has_error: bool) -> (&'static str, String) {
    let hint = format!("wh-f-{}-hint", field.id());
    if has_error {
        ("true", format!("{hint} wh-f-{}-error", field.id()))
    } else {
        ("false", hint)
    }
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: AttrValue,
    pub error: Option<String>,
    pub children: Html,
}

#[component]
pub fn Row(props: &RowProps) -> Html {
    let id = props.field.id();
    html! {
        <div class={classes!("wh-field", props.error.is_some().then_some("wh-invalid"))}>
            <label for={control_id(props.field)}>{ &props.label }</label>
            { props.children.clone() }
            <p class="wh-hint" id={format!("wh-f-{id}-hint")}>{ &props.hint }</p>
            if let Some(e) = &props.error {
                <p class="wh-error" id={format!("wh-f-{id}-error")}>{ e }</p>
            }
        </div>
    }
}

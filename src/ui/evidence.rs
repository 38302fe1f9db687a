//! Screenshots for the report: pick up to three images, see them, remove them. Files that
//! cannot be attached are named with the reason.

use crate::core::config::Locale;
use crate::core::i18n::{field_name, strings};
use crate::core::report::{Attachment, Field};
use crate::platform::images::{self, ImageError, ACCEPTED};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub const MAX_ATTACHMENTS: usize = 3;

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub locale: Locale,
    pub attachments: Vec<Attachment>,
    pub onchange: Callback<Vec<Attachment>>,
}

#[component]
pub fn Evidence(props: &EvidenceProps) -> Html {
    let s = strings(props.locale);
    let problems = use_state(Vec::<String>::new);
    let busy = use_state(|| false);
    let onpick = {
        let (current, onchange, problems, busy) =
            (props.attachments.clone(), props.onchange.clone(), problems.clone(), busy.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let files: Vec<web_sys::File> =
                input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
            input.set_value("");
            let (mut list, onchange, problems, busy) =
                (current.clone(), onchange.clone(), problems.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let mut found = Vec::new();
                for file in files {
                    if list.len() >= MAX_ATTACHMENTS {
                        found.push(s.image_limit.to_string());
                        break;
                    }
                    match images::prepare(&file).await {
                        Ok(a) => list.push(a),
                        Err(why) => {
                            let reason = match why {
                                ImageError::Type => s.image_bad_type,
                                ImageError::Unreadable => s.image_unreadable,
                                ImageError::TooBig => s.image_too_big,
                            };
                            found.push(format!("{}{}{}", file.name(), s.colon, reason));
                        }
                    }
                }
                problems.set(found);
                busy.set(false);
                onchange.emit(list);
            });
        })
    };
    let full = props.attachments.len() >= MAX_ATTACHMENTS;
    html! {
        <div class="wh-field wh-evidence">
            <label for="wh-f-attachments">{ field_name(props.locale, Field::Attachments) }</label>
            <input id="wh-f-attachments" type="file" multiple=true accept={ACCEPTED.join(",")}
                   disabled={full || *busy} aria-describedby="wh-f-attachments-hint" onchange={onpick} />
            <p class="wh-hint" id="wh-f-attachments-hint">{ s.attach_hint }</p>
            if !problems.is_empty() {
                <ul class="wh-error" role="alert">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            <ul class="wh-thumbs">
                { for props.attachments.iter().enumerate().map(|(i, a)| {
                    let onremove = {
                        let (list, onchange) = (props.attachments.clone(), props.onchange.clone());
                        Callback::from(move |_: MouseEvent| {
                            let mut next = list.clone();
                            next.remove(i);
                            onchange.emit(next);
                        })
                    };
                    html! {
                        <li>
                            <img src={format!("data:{};base64,{}", a.mime, a.data)} alt={a.name.clone()} />
                            <span>{ &a.name }{ format!(" · {} KB", a.size.div_ceil(1024)) }</span>
                            <button type="button" class="wh-link" aria-label={format!("{} {}", s.remove, a.name)} onclick={onremove}>{ s.remove }</button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

//! The operator's own support channels (chat, phone, email from the config's `support`
//! section), each marked official: on the escalation ladder, and when a report cannot reach
//! support through the widget (not saved on the device, or given up on after its retries).

use crate::core::config::Locale;
use crate::core::content::Catalogue;
use crate::core::i18n::{hours_note, strings};
use crate::core::troubleshoot::{mailto, tel};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChannelsProps {
    pub locale: Locale,
    /// Its `channels` are the operator's.
    pub catalogue: Rc<Catalogue>,
    /// Filled into the email link, so the report's text need not be pasted.
    pub subject: AttrValue,
    pub body: AttrValue,
}

#[component]
pub fn SupportChannels(props: &ChannelsProps) -> Html {
    let (s, c) = (strings(props.locale), &props.catalogue.channels);
    if c.chat.is_none() && c.phone.is_none() && c.email.is_none() {
        return html! { <p class="wh-channels">{ s.rung_service_none }</p> };
    }
    html! {
        <ul class="wh-channels wh-step-links">
            if let Some(chat) = &c.chat {
                <li><a href={chat.clone()} target="_blank" rel="noopener noreferrer">{ s.chat }</a>{ official(props.locale) }</li>
            }
            if let Some(phone) = &c.phone {
                <li><a href={tel(phone)}>{ s.call }{ " " }{ phone }</a>{ c.hours.as_ref().map(|h| hours_note(props.locale, h.get(props.locale))).unwrap_or_default() }{ official(props.locale) }</li>
            }
            if let Some(email) = &c.email {
                <li><a href={mailto(email, &props.subject, &props.body)}>{ s.email_support }{ " " }{ email }</a>{ official(props.locale) }</li>
            }
        </ul>
    }
}

/// The mark beside a contact taken from the operator's own config: the user can trust these,
/// unlike numbers and links found in messages or search results.
pub fn official(locale: Locale) -> Html {
    html! { <span class="wh-badge">{ "✓ " }{ strings(locale).verdict_official }</span> }
}

//! The dialog: title bar with close button, the view tabs, and the current view.
//! Focus moves into the dialog when it opens; Esc closes it.

use super::checklist::Checklist;
use super::troubleshoot::Troubleshoot;
use super::contact::ContactView;
use super::faq::Faq;
use super::tabs::Tabs;
use crate::core::config::{Config, View};
use crate::core::content::Catalogue;
use crate::core::i18n::strings;
use crate::core::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: State,
    pub config: Rc<Config>,
    /// The wallet's name: from the options, or the operator's config file once loaded.
    pub brand: AttrValue,
    pub catalogue: Rc<Catalogue>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let s = strings(props.state.locale);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(el) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let onkeydown = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                d.emit(Action::Close);
            }
        })
    };
    let onclose = props.ondispatch.reform(|_: MouseEvent| Action::Close);
    let locale = props.state.locale;
    let body = match props.state.view {
        View::Faq => html! {
            <Faq {locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                 page={props.state.page().cloned()} query={props.state.query.clone()}
                 votes={props.state.votes.clone()} ondispatch={props.ondispatch.clone()} />
        },
        View::Contact => html! {
            <ContactView {locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                draft={props.state.draft.clone()} prefill={props.state.prefill.clone()} marks={props.state.marks.clone()}
                endpoint={props.config.endpoint.clone()} reports={props.state.reports}
                ondispatch={props.ondispatch.clone()} />
        },
        View::Checklist => {
            let installed = props.state.prefill.get("appVersion").cloned();
            let app_versions = installed.zip(props.catalogue.latest_app_version.clone());
            html! {
                <Checklist {locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                    marks={props.state.marks.clone()} {app_versions} verifier={props.state.verifier}
                    ondispatch={props.ondispatch.clone()} />
            }
        }
        View::Troubleshoot => html! {
            <Troubleshoot {locale} brand={props.brand.clone()} catalogue={props.catalogue.clone()}
                walk={props.state.walk.clone()} draft={props.state.draft.clone()}
                account={props.state.prefill.get("accountId").cloned()} ondispatch={props.ondispatch.clone()} />
        },
    };

    html! {
        <div class="wh-panel" role="dialog" aria-labelledby="wh-title" tabindex="-1"
             ref={dialog} {onkeydown}>
            <header class="wh-header">
                <h2 id="wh-title" class="wh-title">{ format!("{} · {}", props.brand, s.panel_title) }</h2>
                <button type="button" class="wh-close" aria-label={s.close} title={s.close} onclick={onclose}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            </header>
            <Tabs {locale} current={props.state.view} ondispatch={props.ondispatch.clone()} />
            <div class="wh-body" role="tabpanel" id="wh-view"
                 aria-labelledby={format!("wh-tab-{}", props.state.view.name())}>
                { body }
            </div>
        </div>
    }
}

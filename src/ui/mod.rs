//! Yew function components, one concept a file. They render `core` state and send
//! `core::state::Action`s; decisions live in `core`, browser calls in `platform`.

pub mod app;
mod article;
pub mod bridge;
mod channels;
mod checklist;
mod confirm;
mod contact;
mod evidence;
mod faq;
mod fields;
mod followup;
mod help_widget;
pub(crate) mod lazy;
mod letter;
mod panel;
mod report_form;
mod reports;
mod rich;
mod search;
mod tabs;
mod thread;
mod troubleshoot;
mod verifier;
mod vote;

pub use app::{App, AppProps};
pub use bridge::Bridge;
pub use help_widget::{HelpWidget, HelpWidgetProps};

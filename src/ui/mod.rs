//! Yew function components, one concept a file. They render `core` state and send
//! `core::state::Action`s; decisions live in `core`, browser calls in `platform`.

pub mod app;
pub mod bridge;
mod coming;
mod contact;
mod faq;
mod field;
mod panel;
mod tabs;

pub use app::{App, AppProps};
pub use bridge::Bridge;
